import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { MOROCCO_TIME_ZONE, type Locale } from '@oris/shared/domain';
import { intlLocale } from './formatting';
import { Icon } from './icon';
import { MarkdownView } from './markdown-view';

/** What the list draws of an announcement (the API's `AnnouncementDto`). */
export interface AnnouncementItem {
  id: string;
  title: string;
  bodyHtml: string;
  authorName: string | null;
  createdAt: string;
  editedAt: string | null;
}

/**
 * A session's announcements, newest first: title, author, date, an "edited" mark, and the body
 * (API-sanitised HTML). With `editable`, each has edit and delete buttons.
 */
@Component({
  selector: 'oris-announcement-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, Icon, MarkdownView],
  template: `
    @if (items().length === 0) {
      <p class="empty">{{ 'announcements.empty' | transloco }}</p>
    } @else {
      <ul class="list">
        @for (item of items(); track item.id) {
          <li>
            <article class="announcement" [attr.aria-labelledby]="'announcement-' + item.id">
              <h3 [id]="'announcement-' + item.id" dir="auto">{{ item.title }}</h3>
              <p class="meta">
                {{
                  'announcements.byline'
                    | transloco
                      : {
                          author: item.authorName ?? ('announcements.formerAuthor' | transloco),
                          date: moment(item.createdAt),
                        }
                }}
              </p>
              @if (item.editedAt) {
                <p class="edited">{{ 'announcements.edited' | transloco }}</p>
              }
              <oris-markdown-view [html]="item.bodyHtml" />
              @if (editable()) {
                <div class="oris-actions">
                  <button mat-stroked-button type="button" (click)="edit.emit(item)">
                    <oris-icon name="edit" />
                    {{ 'announcements.editAction' | transloco }}
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    class="destructive"
                    (click)="remove.emit(item)"
                  >
                    <oris-icon name="delete" />
                    {{ 'announcements.deleteAction' | transloco }}
                  </button>
                </div>
              }
            </article>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 16px;
    }
    .announcement {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow-wrap: anywhere;
    }
    h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .meta,
    .edited {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .edited {
      font-style: italic;
    }
  `,
})
export class AnnouncementList {
  readonly items = input.required<AnnouncementItem[]>();
  readonly language = input.required<Locale>();
  readonly editable = input(false);
  readonly edit = output<AnnouncementItem>();
  readonly remove = output<AnnouncementItem>();

  /** When it was posted, as people in Morocco read their clocks. */
  protected moment(instant: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.language()), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: MOROCCO_TIME_ZONE,
    }).format(new Date(instant));
  }
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@oris/shared/domain';
import { DayPipe } from '@oris/web/ui';
import type { PracticeComment } from './practice-types';

/**
 * The open review comments on one field (of one language when the field is a text), shown beside
 * it in the editor and the review; the author marks each resolved once addressed.
 */
@Component({
  selector: 'oris-field-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, DayPipe],
  template: `
    @if (open().length) {
      <ul class="comments" [attr.aria-label]="'practices.comments.openOnField' | transloco">
        @for (comment of open(); track comment.id) {
          <li class="comment">
            <p class="meta">
              @if (comment.authorName) {
                {{ 'practices.comments.by' | transloco: { name: comment.authorName } }} ·
              }
              {{ comment.createdAt.slice(0, 10) | orisDay: uiLanguage() }}
            </p>
            <p class="body" dir="auto">{{ comment.body }}</p>
            @if (canResolve()) {
              <button mat-stroked-button type="button" (click)="resolve.emit(comment.id)">
                {{ 'practices.comments.resolve' | transloco }}
              </button>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .comments {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
    }
    .comment {
      border-inline-start: 4px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-surface-container);
      padding: 8px 12px;
      margin-block-end: 8px;
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-label-medium);
    }
    .body {
      white-space: pre-line;
      margin: 4px 0 8px;
    }
  `,
})
export class FieldComments {
  readonly comments = input.required<readonly PracticeComment[]>();
  readonly field = input.required<string>();
  /** The language of the text commented on; null for fields that are not texts. */
  readonly language = input<Locale | null>(null);
  readonly uiLanguage = input.required<Locale>();
  readonly canResolve = input(false);
  readonly resolve = output<string>();

  protected readonly open = computed(() =>
    this.comments().filter(
      (comment) =>
        !comment.resolvedAt &&
        comment.field === this.field() &&
        (comment.language ?? null) === this.language(),
    ),
  );
}

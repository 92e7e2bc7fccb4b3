import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Icon } from './icon';
import { transientText } from './transient-text';

/**
 * The header's bell: a link to the notification centre whose name says how many are unread
 * ("3 notifications non lues"), a badge for the eye, and a polite live region that speaks when
 * the count grows. `count` is null while unknown (no badge).
 */
@Component({
  selector: 'oris-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslocoPipe, Icon],
  template: `
    <a
      mat-icon-button
      class="bell"
      [routerLink]="link()"
      [attr.aria-label]="'notifications.bell.label' | transloco: { count: count() ?? 0 }"
    >
      <oris-icon name="notifications" />
      @if (count(); as unread) {
        <span class="badge" aria-hidden="true">{{ unread > 99 ? '99+' : unread }}</span>
      }
    </a>
    <span class="cdk-visually-hidden" aria-live="polite">{{ spoken() }}</span>
  `,
  styles: `
    :host {
      position: relative;
      display: inline-flex;
    }
    .bell {
      position: relative;
    }
    .badge {
      position: absolute;
      inset-block-start: 2px;
      inset-inline-end: 0;
      min-inline-size: 18px;
      padding-inline: 4px;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      font-weight: 600;
      line-height: 18px;
      text-align: center;
      box-sizing: border-box;
    }
  `,
})
export class NotificationBell {
  readonly count = input<number | null>(null);
  readonly link = input('/notifications');

  private readonly transloco = inject(TranslocoService);
  protected readonly spoken = transientText();
  private previous: number | null = null;

  constructor() {
    effect(() => {
      const count = this.count();
      // The first count is the page's; only news is spoken.
      if (this.previous !== null && count !== null && count > this.previous) {
        this.spoken.set(this.transloco.translate('notifications.bell.label', { count }));
      }
      this.previous = count;
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CourseStatus, ModuleStatus, SessionStatus } from '@oris/shared/domain';

export type StatusKind = 'course' | 'module' | 'session';
type Tone = 'quiet' | 'positive' | 'active' | 'ended';

const TONES: Record<CourseStatus | ModuleStatus | SessionStatus, Tone> = {
  draft: 'quiet',
  planned: 'quiet',
  published: 'positive',
  open: 'positive',
  running: 'active',
  completed: 'ended',
  archived: 'ended',
  cancelled: 'ended',
};

/** The status of a course, module or session, in words (never by colour alone). */
@Component({
  selector: 'oris-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  host: { '[class]': '"tone-" + tone()' },
  template: `{{ 'catalogue.status.' + kind() + '.' + status() | transloco }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      border: 1px solid transparent;
    }
    :host(.tone-quiet) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      border-color: var(--mat-sys-outline-variant);
    }
    :host(.tone-positive) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.tone-active) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.tone-ended) {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      border-color: var(--mat-sys-outline-variant);
    }
  `,
})
export class StatusChip {
  readonly kind = input.required<StatusKind>();
  readonly status = input.required<CourseStatus | ModuleStatus | SessionStatus>();
  protected readonly tone = computed(() => TONES[this.status()]);
}

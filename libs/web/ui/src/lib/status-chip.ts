import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Chip, type ChipTone } from './chip';
import type { CourseStatus, ModuleStatus, SessionStatus } from '@oris/shared/domain';

export type StatusKind = 'course' | 'module' | 'session';

const TONES: Record<CourseStatus | ModuleStatus | SessionStatus, ChipTone> = {
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
  imports: [Chip, TranslocoPipe],
  template: `<oris-chip [tone]="tone()">{{
    'catalogue.status.' + kind() + '.' + status() | transloco
  }}</oris-chip>`,
})
export class StatusChip {
  readonly kind = input.required<StatusKind>();
  readonly status = input.required<CourseStatus | ModuleStatus | SessionStatus>();
  protected readonly tone = computed(() => TONES[this.status()]);
}

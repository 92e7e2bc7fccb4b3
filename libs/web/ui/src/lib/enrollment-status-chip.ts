import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EnrollmentStatus } from '@oris/shared/domain';
import { Chip, type ChipTone } from './chip';

const TONES: Record<EnrollmentStatus, ChipTone> = {
  pending: 'waiting',
  waitlisted: 'waiting',
  confirmed: 'positive',
  completed: 'done',
  not_completed: 'ended',
  withdrawn: 'ended',
};

/**
 * An enrollment's status in words (never by colour alone). `labels` is the translation key
 * prefix: a trainee and a trainer are told the same status in their own terms
 * ("Formation terminée" / "Réussie").
 */
@Component({
  selector: 'oris-enrollment-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Chip, TranslocoPipe],
  template: `<oris-chip [tone]="tone()">{{ labels() + '.' + status() | transloco }}</oris-chip>`,
})
export class EnrollmentStatusChip {
  readonly status = input.required<EnrollmentStatus>();
  readonly labels = input.required<string>();
  protected readonly tone = computed(() => TONES[this.status()]);
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Chip } from '@oris/web/ui';

/** Whether a situation counts: only validated ones do. Words carry the meaning, colour helps. */
@Component({
  selector: 'oris-validation-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Chip, TranslocoPipe],
  template: `<oris-chip [tone]="validated() ? 'positive' : 'waiting'">{{
    (validated() ? 'insertion.validation.validated' : 'insertion.validation.pending') | transloco
  }}</oris-chip>`,
})
export class ValidationChip {
  readonly validated = input.required<boolean>();
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { PlacementForm } from '../person/placement-form';
import { PhoneLink } from '../shared/phone-link';
import type { Followup } from '../shared/insertion-types';

/** Records what a trainee said on the phone: the placement form's fields, for one follow-up. */
@Component({
  selector: 'oris-followup-answer-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, TranslocoPipe, PlacementForm, PhoneLink],
  template: `
    <h2 mat-dialog-title>
      {{ 'insertion.followups.answerTitle' | transloco: { name: followup.person.fullName } }}
    </h2>
    <mat-dialog-content>
      <p class="context">
        {{
          'insertion.followups.answerContext'
            | transloco
              : {
                  horizon: ('insertion.dashboard.horizons.' + followup.horizon | transloco),
                  course: followup.courseTitle,
                }
        }}
        @if (followup.person.email) {
          · <bdi>{{ followup.person.email }}</bdi>
        }
        @if (followup.person.phone) {
          · <oris-phone-link [phone]="followup.person.phone" [name]="followup.person.fullName" />
        }
      </p>
      <oris-placement-form
        [personId]="followup.person.id"
        [followup]="followup"
        (answered)="close($event)"
        (cancelled)="close(undefined)"
      />
    </mat-dialog-content>
  `,
  styles: `
    .context {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FollowupAnswerDialog {
  protected readonly followup = inject<Followup>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<FollowupAnswerDialog, Followup>>(MatDialogRef);

  protected close(answered: Followup | undefined): void {
    this.ref.close(answered);
  }
}

export const followupAnswerDialogOptions = {
  autoFocus: 'first-tabbable' as const,
  maxWidth: '880px',
  width: '100%',
};

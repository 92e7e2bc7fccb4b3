import { ChangeDetectionStrategy, Component, inject, Injectable } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

const TEXT_ID = 'oris-withdraw-text';

interface WithdrawalQuestion {
  course: string;
  session: string;
  /** A confirmed seat goes to the next person waiting: say so before it is given up. */
  holdsSeat: boolean;
}

@Component({
  selector: 'oris-confirm-withdrawal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'learning.withdraw.title' | transloco: question }}</h2>
    <mat-dialog-content>
      <p [id]="textId">
        {{
          (question.holdsSeat ? 'learning.withdraw.textSeat' : 'learning.withdraw.text')
            | transloco: question
        }}
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">
        {{ 'learning.withdraw.keep' | transloco }}
      </button>
      <button mat-flat-button type="button" class="destructive" [mat-dialog-close]="true">
        {{ 'learning.withdraw.confirm' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmWithdrawalDialog {
  protected readonly question = inject<WithdrawalQuestion>(MAT_DIALOG_DATA);
  protected readonly textId = TEXT_ID;
}

/** Asks before giving up a place, which may not come back (another person takes the seat). */
@Injectable({ providedIn: 'root' })
export class WithdrawalConfirmation {
  private readonly dialog = inject(MatDialog);

  async ask(question: WithdrawalQuestion): Promise<boolean> {
    const ref = this.dialog.open<ConfirmWithdrawalDialog, WithdrawalQuestion, boolean>(
      ConfirmWithdrawalDialog,
      {
        data: question,
        role: 'alertdialog',
        ariaDescribedBy: TEXT_ID,
        // The harmless choice first: Enter on an accidental dialog keeps the place.
        autoFocus: 'first-tabbable',
        maxWidth: '480px',
      },
    );
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}

import { ChangeDetectionStrategy, Component, inject, Injectable } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

const CONFIRM_TEXT_ID = 'oris-confirm-text';

export interface ConfirmRequest {
  /** Translation keys of the question, the explanation and the two buttons, in the feature's words. */
  titleKey: string;
  textKey: string;
  confirmKey: string;
  /** The cancelling button's key; "Annuler" (`ui.confirm.cancel`) when left out. */
  cancelKey?: string;
  params?: Record<string, unknown>;
  /** The confirming button is drawn in the error colour: the action cannot be undone. */
  destructive?: boolean;
}

@Component({
  selector: 'oris-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ request.titleKey | transloco: request.params }}</h2>
    <mat-dialog-content>
      <p [id]="textId">{{ request.textKey | transloco: request.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">
        {{ request.cancelKey ?? 'ui.confirm.cancel' | transloco: request.params }}
      </button>
      <button
        mat-flat-button
        type="button"
        [class.destructive]="request.destructive"
        [mat-dialog-close]="true"
      >
        {{ request.confirmKey | transloco: request.params }}
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
export class ConfirmDialog {
  protected readonly request = inject<ConfirmRequest>(MAT_DIALOG_DATA);
  protected readonly textId = CONFIRM_TEXT_ID;
}

/**
 * Asks before an action that cannot be undone; the dialog returns focus where it was. Every
 * confirmation in the app goes through it.
 */
@Injectable({ providedIn: 'root' })
export class Confirmation {
  private readonly dialog = inject(MatDialog);

  async ask(request: ConfirmRequest): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmRequest, boolean>(ConfirmDialog, {
      data: request,
      role: 'alertdialog',
      ariaDescribedBy: CONFIRM_TEXT_ID,
      // The harmless choice first: Enter on an accidental dialog changes nothing.
      autoFocus: 'first-tabbable',
      maxWidth: '480px',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}

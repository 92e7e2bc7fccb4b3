import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PRACTICE_LIMITS, type Locale } from '@oris/shared/domain';
import { FieldError } from '@oris/web/ui/forms';
import type { CommentInput } from '../shared/practice-types';

/** A reviewer's comment on one field, folded under the field until opened. */
@Component({
  selector: 'oris-comment-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldError,
  ],
  template: `
    <details #box>
      <summary>{{ 'practices.comments.add' | transloco: { field: label() } }}</summary>
      <mat-form-field class="wide">
        <mat-label>{{ 'practices.comments.body' | transloco }}</mat-label>
        <textarea matInput rows="3" [formControl]="body" [maxlength]="max" required></textarea>
        <mat-error><oris-field-error [errors]="body.errors" /></mat-error>
      </mat-form-field>
      <button mat-stroked-button type="button" [disabled]="pending()" (click)="send(box)">
        {{ 'practices.comments.send' | transloco }}
      </button>
    </details>
  `,
  styles: `
    summary {
      cursor: pointer;
      color: var(--mat-sys-primary);
      padding-block: 8px;
    }
    .wide {
      inline-size: 100%;
    }
  `,
})
export class CommentForm {
  readonly field = input.required<CommentInput['field']>();
  readonly language = input<Locale | null>(null);
  /** The field's name in the interface language (for the summary's words). */
  readonly label = input.required<string>();
  readonly pending = input(false);
  readonly comment = output<CommentInput>();
  protected readonly max = PRACTICE_LIMITS.commentMax;
  protected readonly body = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(PRACTICE_LIMITS.commentMax)],
  });

  protected send(box: HTMLDetailsElement): void {
    const body = this.body.value.trim();
    if (!body || this.body.invalid) {
      this.body.setErrors({ required: true });
      this.body.markAsTouched();
      return;
    }
    this.comment.emit({ field: this.field(), language: this.language(), body });
    this.body.reset();
    box.open = false;
  }
}

import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import {
  type FormArray,
  type FormControl,
  type FormGroup,
  ReactiveFormsModule,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CATALOGUE_LIMITS as LIMITS } from '@oris/shared/domain';
import { Icon } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';

export type MeetingForm = FormGroup<{
  id: FormControl<string | null>;
  day: FormControl<string>;
  startsAt: FormControl<string>;
  endsAt: FormControl<string>;
  label: FormControl<string>;
}>;

/**
 * A session's meetings, one fieldset each: the page owns the form and decides what a new
 * meeting holds and where the focus goes; this draws the fields and asks for changes.
 */
@Component({
  selector: 'oris-meetings-editor',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    TranslocoPipe,
    FieldError,
    Icon,
  ],
  templateUrl: './meetings-editor.html',
  styleUrl: './meetings-editor.scss',
})
export class MeetingsEditor {
  private readonly transloco = inject(TranslocoService);
  protected readonly limits = LIMITS;

  readonly meetings = input.required<FormArray<MeetingForm>>();
  readonly readOnly = input.required<boolean>();
  /** Asks for a meeting after the last one. */
  readonly add = output<void>();
  /** Asks to remove the meeting at this index. */
  readonly remove = output<number>();

  protected meetingLabel(key: string, index: number): string {
    return this.transloco.translate(key, { number: index + 1 });
  }
}

import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, unwrap } from '@oris/shared/api-client';
import {
  BASELINE_SITUATIONS,
  type BaselineSituation,
  EDUCATION_LEVELS,
  type EducationLevel,
} from '@oris/shared/domain';
import {
  AuthSession,
  type Course,
  formSubmission,
  LanguageService,
  ORIS_API,
  phoneNumber,
  type SessionBrief,
} from '@oris/web/core';
import { DayPipe, DayRangePipe, ProblemAlert } from '@oris/web/ui';
import { FieldError, PhoneField } from '@oris/web/ui/forms';
import { LearningApi } from '../learning-api';
import {
  joinsWaitlist,
  keepsIdempotencyKey,
  latestBaseline,
  newIdempotencyKey,
} from '../shared/enrollment-rules';
import type { Enrollment } from '../shared/learning-types';
import { MyEnrollments } from '../shared/my-enrollments';
import { learningMessageKeys } from '../shared/problem-keys';

export interface EnrollDialogData {
  course: Pick<Course, 'id' | 'title'>;
  session: SessionBrief;
}

/**
 * Asks the baseline questions the enrollment needs, says why, and shows what the API decided:
 * a seat, a place on the waitlist, or a request awaiting approval. Closes with the enrollment,
 * or nothing when the person left without enrolling.
 */
@Component({
  selector: 'oris-enroll-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    DayRangePipe,
    FieldError,
    PhoneField,
    ProblemAlert,
  ],
  templateUrl: './enroll-dialog.html',
  styleUrl: './enroll-dialog.scss',
})
export class EnrollDialog {
  protected readonly data = inject<EnrollDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<EnrollDialog, Enrollment>>(MatDialogRef);
  private readonly learning = inject(LearningApi);
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);
  private readonly myEnrollments = inject(MyEnrollments);
  private readonly injector = inject(Injector);
  protected readonly language = inject(LanguageService).language;

  protected readonly situations = BASELINE_SITUATIONS;
  protected readonly educationLevels = EDUCATION_LEVELS;
  protected readonly form = new FormGroup({
    baselineSituation: new FormControl<BaselineSituation | null>(null, Validators.required),
    educationLevel: new FormControl<EducationLevel | null>(null, Validators.required),
    phone: new FormControl('', { nonNullable: true, validators: phoneNumber }),
  });
  /**
   * Placement officers call those who do not answer the follow-up survey: someone without a
   * phone number on their account is offered to add one here (optional, saved to the profile).
   */
  protected readonly offersPhone = !this.session.user()?.phone;
  protected readonly submission = formSubmission();
  protected readonly messageKeys = learningMessageKeys;
  protected readonly outcome = signal<Enrollment | null>(null);
  /**
   * A full session without approval puts the person on its waitlist: the dialog says so before
   * they confirm, and gives the position after.
   */
  protected readonly joinsWaitlist = joinsWaitlist(this.data.session);
  /** The day of the enrollment whose answers were taken over, when there was one. */
  protected readonly prefilledFrom = signal<string | null>(null);
  private readonly outcomeHeading = viewChild<ElementRef<HTMLElement>>('outcomeHeading');

  /** One key per opening of the dialog, so a double click or a retry cannot enroll twice. */
  private idempotencyKey = newIdempotencyKey();

  constructor() {
    void this.prefillFromLastAnswer();
  }

  /**
   * Someone who enrolled before answered these questions then: their latest answers are filled
   * in, to confirm or correct, rather than asked again from nothing.
   */
  private async prefillFromLastAnswer(): Promise<void> {
    let last: Enrollment | undefined;
    try {
      last = latestBaseline(await this.myEnrollments.list());
    } catch {
      return;
    }
    const { baselineSituation, educationLevel } = this.form.controls;
    if (!last?.baselineSituation || !last.educationLevel) return;
    if (baselineSituation.dirty || educationLevel.dirty) return;
    baselineSituation.setValue(last.baselineSituation);
    educationLevel.setValue(last.educationLevel);
    this.prefilledFrom.set(last.enrolledAt.slice(0, 10));
  }

  protected get situationInvalid(): boolean {
    const control = this.form.controls.baselineSituation;
    return control.invalid && control.touched;
  }

  protected async enroll(): Promise<void> {
    const { baselineSituation, educationLevel, phone } = this.form.getRawValue();
    const enrolled = await this.submission.run(this.form, async () => {
      if (!baselineSituation || !educationLevel) return;
      if (this.offersPhone && phone.trim() !== '') {
        const updated = await unwrap(
          this.api.PATCH('/api/v1/me', { body: { phone: phone.trim() } }),
        );
        this.session.updateUser(updated);
      }
      try {
        const enrollment = await this.learning.enroll(
          this.data.session.id,
          { baselineSituation, educationLevel },
          this.idempotencyKey,
        );
        this.outcome.set(enrollment);
      } catch (error) {
        if (!keepsIdempotencyKey(ApiError.from(error))) this.idempotencyKey = newIdempotencyKey();
        throw error;
      } finally {
        this.myEnrollments.forget();
      }
    });
    if (enrolled) {
      // The form is gone; the outcome takes the focus so that it is read out at once.
      afterNextRender(() => this.outcomeHeading()?.nativeElement.focus(), {
        injector: this.injector,
      });
    }
  }

  protected close(): void {
    this.dialog.close(this.outcome() ?? undefined);
  }
}

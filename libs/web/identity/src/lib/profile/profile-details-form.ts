import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, unwrap, type UpdateProfileRequest, type UserDto } from '@oris/shared/api-client';
import { type Gender, GENDERS, type Locale, LOCALES, type RegionCode } from '@oris/shared/domain';
import {
  AuthSession,
  formSubmission,
  phoneNumber,
  LanguageService,
  LOCALE_NAMES,
  ORIS_API,
  RegionsService,
} from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { unsavedChanges } from '@oris/web/ui/dialogs';
import { FieldError, PhoneField } from '@oris/web/ui/forms';
import {
  arabicScript,
  BIRTH_YEAR_MIN,
  birthYearMax,
  NAME_MAX_LENGTH,
  optionalText,
} from '../account-rules';

/**
 * Rectification of one's own personal data, and the interface language saved on the account.
 * Staff accounts created by command may have no sex, birth year or region: those stay optional.
 */
@Component({
  selector: 'oris-profile-details-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    PhoneField,
    ProblemAlert,
  ],
  templateUrl: './profile-details-form.html',
})
export class ProfileDetailsForm {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);
  private readonly language = inject(LanguageService);
  protected readonly regions = inject(RegionsService);

  readonly user = input.required<UserDto>();

  protected readonly genders = GENDERS;
  protected readonly locales = LOCALES;
  protected readonly localeNames = LOCALE_NAMES;
  protected readonly birthYearMin = BIRTH_YEAR_MIN;
  protected readonly birthYearMax = birthYearMax();
  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    fullNameAr: ['', [arabicScript, Validators.maxLength(NAME_MAX_LENGTH)]],
    phone: ['', phoneNumber],
    gender: [null as Gender | null],
    birthYear: [
      null as number | null,
      [Validators.min(BIRTH_YEAR_MIN), Validators.max(this.birthYearMax)],
    ],
    regionCode: [null as RegionCode | null],
    locale: ['fr' as Locale, Validators.required],
  });
  protected readonly fields = Object.keys(this.form.controls);
  /** Typed but not saved: the profile page asks before leaving. */
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  protected readonly submission = formSubmission();
  protected readonly regionsProblem = signal<ApiError | null>(null);
  protected readonly saved = signal(false);

  constructor() {
    this.regions.load().catch((error: unknown) => this.regionsProblem.set(ApiError.from(error)));
    // The form follows the account as saved (a language switched in the toolbar, say) unless the
    // person is in the middle of editing it.
    effect(() => {
      const user = this.user();
      if (this.form.dirty) return;
      this.form.reset(
        {
          fullName: user.fullName,
          fullNameAr: user.fullNameAr ?? '',
          phone: user.phone ?? '',
          gender: user.gender,
          birthYear: user.birthYear,
          regionCode: user.regionCode,
          locale: user.locale,
        },
        { emitEvent: false },
      );
    });
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.saved.set(false));
  }

  protected async saveDetails(): Promise<void> {
    const ok = await this.submission.run(this.form, async () => {
      const updated = await unwrap(this.api.PATCH('/api/v1/me', { body: this.changes() }));
      this.form.markAsPristine();
      this.session.updateUser(updated);
      await this.language.switchTo(updated.locale);
    });
    this.saved.set(ok);
  }

  /** What the form holds; an empty optional field is left out, so the API keeps its value. */
  private changes(): UpdateProfileRequest {
    const details = this.form.getRawValue();
    const birthYear = details.birthYear === null ? null : Number(details.birthYear);
    return {
      fullName: details.fullName.trim(),
      fullNameAr: optionalText(details.fullNameAr),
      // Emptying the field removes the number.
      phone: optionalText(details.phone),
      locale: details.locale,
      ...(details.gender ? { gender: details.gender } : {}),
      ...(birthYear ? { birthYear } : {}),
      ...(details.regionCode ? { regionCode: details.regionCode } : {}),
    };
  }
}

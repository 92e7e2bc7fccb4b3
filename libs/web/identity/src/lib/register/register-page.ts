import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  type Gender,
  GENDERS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type RegionCode,
} from '@oris/shared/domain';
import {
  AuthSession,
  DEFAULT_LANDING,
  formSubmission,
  LanguageService,
  phoneNumber,
  RegionsService,
  safeReturnUrl,
} from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { FieldError, PhoneField } from '@oris/web/ui/forms';
import {
  arabicScript,
  BIRTH_YEAR_MIN,
  birthYearMax,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  optionalText,
} from '../account-rules';

@Component({
  selector: 'oris-register-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    PhoneField,
    ProblemAlert,
  ],
  templateUrl: './register-page.html',
})
export class RegisterPage {
  private readonly session = inject(AuthSession);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly regions = inject(RegionsService);

  protected readonly genders = GENDERS;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly birthYearMin = BIRTH_YEAR_MIN;
  protected readonly birthYearMax = birthYearMax();
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    fullName: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    fullNameAr: ['', [arabicScript, Validators.maxLength(NAME_MAX_LENGTH)]],
    phone: ['', phoneNumber],
    gender: ['' as Gender | '', Validators.required],
    birthYear: [
      null as number | null,
      [Validators.required, Validators.min(BIRTH_YEAR_MIN), Validators.max(this.birthYearMax)],
    ],
    regionCode: ['' as RegionCode | '', Validators.required],
    consent: [false, Validators.requiredTrue],
  });
  protected readonly fields = Object.keys(this.form.controls);
  protected readonly submission = formSubmission();
  protected readonly regionsProblem = signal<ApiError | null>(null);

  constructor() {
    this.regions.load().catch((error: unknown) => this.regionsProblem.set(ApiError.from(error)));
  }

  protected async createAccount(): Promise<void> {
    const created = await this.submission.run(this.form, () => {
      // The form is valid here, so the required choices are made.
      const account = this.form.getRawValue();
      return this.session.register({
        email: account.email.trim(),
        password: account.password,
        fullName: account.fullName.trim(),
        fullNameAr: optionalText(account.fullNameAr) ?? undefined,
        phone: optionalText(account.phone) ?? undefined,
        gender: account.gender as Gender,
        birthYear: Number(account.birthYear),
        regionCode: account.regionCode as RegionCode,
        locale: this.language.language(),
        consent: true,
      });
    });
    if (created) {
      // A new account starts on its profile (where it confirms its address), unless it was
      // on its way somewhere.
      const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
      await this.router.navigateByUrl(
        returnUrl === null ? DEFAULT_LANDING : safeReturnUrl(returnUrl),
      );
    }
  }
}

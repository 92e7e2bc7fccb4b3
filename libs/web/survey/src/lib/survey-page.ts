import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, type ApiErrorKind } from '@oris/shared/api-client';
import {
  CONTRACT_TYPES,
  type ContractType,
  dayInMorocco,
  PLACEMENT_TEXT_LIMITS,
  type RegionCode,
  type SituationKind,
  SITUATION_KINDS,
  todayInMorocco,
} from '@oris/shared/domain';
import { formSubmission, LanguageService, RegionsService } from '@oris/web/core';
import { DayPipe, Icon, ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { SurveyApi, type Survey } from './survey-api';
import {
  answerOf,
  asksRegion,
  DETAIL_FIELDS,
  type DetailField,
  fieldsFor,
  type RuleField,
  ruleErrors,
  type SurveyFormValue,
} from './survey-form-model';

type View =
  | { state: 'loading' }
  | { state: 'ready'; survey: Survey }
  | { state: 'answered'; survey: Survey }
  | { state: 'invalid' }
  | { state: 'failed'; error: ApiError };

const TEXT_LIMITS: Record<Exclude<DetailField, 'contract'>, number> = {
  employerName: PLACEMENT_TEXT_LIMITS.employerName,
  sector: PLACEMENT_TEXT_LIMITS.sector,
  position: PLACEMENT_TEXT_LIMITS.position,
};

/** The answer's own words for a refusal of the API (its titles are in English). */
const PROBLEM_KEYS: Partial<Record<ApiErrorKind, string>> = {
  'rate-limited': 'survey.problems.rateLimited',
  validation: 'survey.problems.validation',
};

/**
 * The follow-up survey a trainee reaches from the emailed link, signed in or not. One question
 * (the situation today), then only the details that kind of situation needs. A link that is
 * unknown, expired, replaced or already used gets one kind message, never an error dump: the API
 * does not say which, on purpose.
 */
@Component({
  selector: 'oris-survey-page',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    FieldError,
    Icon,
    ProblemAlert,
  ],
  templateUrl: './survey-page.html',
  styleUrl: './survey-page.scss',
})
export class SurveyPage implements HasUnsavedChanges {
  private readonly surveys = inject(SurveyApi);
  private readonly injector = inject(Injector);
  protected readonly regions = inject(RegionsService);
  private readonly languages = inject(LanguageService);
  protected readonly language = this.languages.language;
  protected readonly submission = formSubmission();

  protected readonly kinds = SITUATION_KINDS;
  protected readonly contracts = CONTRACT_TYPES;
  protected readonly limits = TEXT_LIMITS;
  protected readonly problemKeys = PROBLEM_KEYS;
  protected readonly today = todayInMorocco();
  protected readonly fieldsShownInForm: readonly string[] = [
    'kind',
    ...DETAIL_FIELDS,
    'regionCode',
    'startOn',
    'endOn',
  ];

  protected readonly form = new FormGroup({
    kind: new FormControl<SituationKind | null>(null, Validators.required),
    contract: new FormControl<ContractType | null>({ value: null, disabled: true }),
    employerName: new FormControl('', { nonNullable: true }),
    sector: new FormControl('', { nonNullable: true }),
    position: new FormControl('', { nonNullable: true }),
    regionCode: new FormControl<RegionCode | null>(null, Validators.required),
    startOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
    ended: new FormControl(false, { nonNullable: true }),
    endOn: new FormControl({ value: '', disabled: true }, { nonNullable: true }),
  });
  /** An answer typed but not sent: leaving or closing the tab asks first. */
  readonly hasUnsavedChanges = unsavedChanges(
    () => this.form.dirty && this.view().state === 'ready',
  );

  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: null });
  protected readonly fields = computed(() => fieldsFor(this.kind()));
  protected readonly asksRegion = computed(() => asksRegion(this.kind()));
  protected readonly ended = toSignal(this.form.controls.ended.valueChanges, {
    initialValue: false,
  });

  protected readonly view = signal<View>({ state: 'loading' });
  private readonly outcomeHeading = viewChild<ElementRef<HTMLElement>>('outcomeHeading');
  private token = '';

  constructor() {
    this.applyNeeds(null);
    this.regions.load().catch(() => undefined);
    this.form.controls.kind.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((kind) => this.applyNeeds(kind));
    this.form.controls.ended.valueChanges.pipe(takeUntilDestroyed()).subscribe((ended) => {
      const endOn = this.form.controls.endOn;
      if (ended) {
        endOn.enable();
        endOn.setValidators(Validators.required);
      } else {
        endOn.reset('');
        endOn.disable();
      }
      endOn.updateValueAndValidity();
    });
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.token = params.get('token') ?? '';
        void this.load();
      });
  }

  protected retry(): void {
    void this.load();
  }

  protected async sendAnswer(): Promise<void> {
    const answer = answerOf(this.form.getRawValue() as SurveyFormValue);
    if (answer) this.showRuleErrors(ruleErrors(answer, this.today));
    const current = this.view();
    if (current.state !== 'ready') return;
    const sent = await this.submission.run(this.form, () =>
      // The form is valid here, so the answer is complete.
      this.surveys.answer(this.token, answer as NonNullable<typeof answer>),
    );
    if (sent) {
      this.show({ state: 'answered', survey: current.survey });
    } else if (this.submission.problem()?.kind === 'not-found') {
      // Spent, expired or replaced while the page was open.
      this.show({ state: 'invalid' });
    }
  }

  /**
   * A title set apart from the sentence around it (Unicode first-strong isolate), so a French
   * course title keeps its order inside an Arabic sentence and the other way round.
   */
  protected isolated(text: string): string {
    return `\u2068${text}\u2069`;
  }

  /** The link's last day, in Morocco (the API gives the instant). */
  protected expiryDay(expiresAt: string): string {
    return dayInMorocco(new Date(expiresAt));
  }

  /** The rule's message key when a situation rule refused the control's value. */
  protected ruleKey(control: AbstractControl): string | null {
    const rule = control.errors?.['rule'];
    return typeof rule === 'string' ? rule : null;
  }

  private async load(): Promise<void> {
    this.view.set({ state: 'loading' });
    try {
      const survey = await this.surveys.get(this.token);
      // In the language of the person asked; the language menu still switches it.
      await this.languages.showIn(survey.locale);
      // The training's region until the person says otherwise (not asked without a place).
      if (this.form.controls.regionCode.value === null) {
        this.form.controls.regionCode.setValue(survey.trainingRegionCode);
      }
      this.view.set({ state: 'ready', survey });
    } catch (thrown) {
      const error = ApiError.from(thrown);
      this.show(error.kind === 'not-found' ? { state: 'invalid' } : { state: 'failed', error });
    }
  }

  /** Moves focus to the new state's heading, so that a screen reader reads where things stand. */
  private show(view: View): void {
    this.view.set(view);
    afterNextRender(() => this.outcomeHeading()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }

  /** Asks only what the kind needs: the other details are disabled, so they neither block nor send. */
  private applyNeeds(kind: SituationKind | null): void {
    const region = this.form.controls.regionCode;
    if (asksRegion(kind)) region.enable({ emitEvent: false });
    else region.disable({ emitEvent: false });
    const fields = fieldsFor(kind);
    for (const field of DETAIL_FIELDS) {
      const control = this.form.controls[field];
      const need = fields[field];
      const validators = field === 'contract' ? [] : [Validators.maxLength(TEXT_LIMITS[field])];
      if (need === 'required') validators.push(Validators.required);
      control.setValidators(validators);
      if (need === 'hidden') control.disable({ emitEvent: false });
      else control.enable({ emitEvent: false });
      control.updateValueAndValidity({ emitEvent: false });
    }
  }

  private showRuleErrors(errors: Partial<Record<RuleField, string>>): void {
    for (const [field, key] of Object.entries(errors) as [RuleField, string][]) {
      const control = this.form.controls[field];
      if (control.disabled) continue;
      control.setErrors({ ...control.errors, rule: key });
      control.markAsTouched();
    }
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CONTRACT_TYPES,
  type ContractType,
  EVIDENCE_LEVELS,
  type EvidenceLevel,
  needsStructure,
  PLACEMENT_SOURCES,
  PLACEMENT_TEXT_LIMITS,
  type PlacementSource,
  type RegionCode,
  SITUATION_KINDS,
  type SituationKind,
  todayInMorocco,
} from '@oris/shared/domain';
import { formSubmission, RegionsService } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { unsavedChanges } from '@oris/web/ui/dialogs';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { InsertionApi } from '../insertion-api';
import type { Completion, Followup, Organisation, Placement } from '../shared/insertion-types';
import { insertionMessageKeys } from '../shared/problem-keys';
import {
  changeOf,
  factsOf,
  isEmptyChange,
  type PlaceMode,
  type PlacementFormValue,
  ruleErrors,
  type RuleField,
} from './placement-form-model';

const SEARCH_DEBOUNCE_MS = 250;
const SUGGESTIONS = 10;

/**
 * Records a person's situation, or changes one (a new version). Mirrors the server's rules so
 * most mistakes are caught before sending; what the server still refuses is shown on the field.
 */
@Component({
  selector: 'oris-placement-form',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './placement-form.html',
  styleUrl: './placement-form.scss',
})
export class PlacementForm {
  private readonly insertion = inject(InsertionApi);
  protected readonly regions = inject(RegionsService);
  protected readonly submission = formSubmission();
  protected readonly messageKeys = insertionMessageKeys;

  readonly personId = input.required<string>();
  readonly completions = input<readonly Completion[]>([]);
  /** The placement to change; none to record a new one. */
  readonly placement = input<Placement | null>(null);
  /**
   * A follow-up answered by phone: the same facts, recorded as the trainee declared them (the
   * API sets the source, the evidence and leaves it to validate), so those fields are not asked.
   */
  readonly followup = input<Followup | null>(null);
  readonly saved = output<Placement>();
  readonly answered = output<Followup>();
  readonly cancelled = output<void>();

  protected readonly kinds = SITUATION_KINDS;
  protected readonly contracts = CONTRACT_TYPES;
  protected readonly sources = PLACEMENT_SOURCES;
  protected readonly evidenceLevels = EVIDENCE_LEVELS;
  protected readonly limits = PLACEMENT_TEXT_LIMITS;
  protected readonly today = todayInMorocco();

  protected readonly form = new FormGroup({
    kind: new FormControl<SituationKind | null>(null, Validators.required),
    contract: new FormControl<ContractType | null>(null),
    enrollmentId: new FormControl<string | null>(null),
    placeMode: new FormControl<PlaceMode>('registry', { nonNullable: true }),
    organisationId: new FormControl<Organisation | string | null>(null),
    employerName: new FormControl('', {
      nonNullable: true,
      validators: Validators.maxLength(PLACEMENT_TEXT_LIMITS.employerName),
    }),
    sector: new FormControl('', {
      nonNullable: true,
      validators: Validators.maxLength(PLACEMENT_TEXT_LIMITS.sector),
    }),
    position: new FormControl('', {
      nonNullable: true,
      validators: Validators.maxLength(PLACEMENT_TEXT_LIMITS.position),
    }),
    regionCode: new FormControl<RegionCode | null>(null, Validators.required),
    startOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
    endOn: new FormControl('', { nonNullable: true }),
    source: new FormControl<PlacementSource>('officer', { nonNullable: true }),
    evidence: new FormControl<EvidenceLevel>('confirmed', { nonNullable: true }),
    note: new FormControl('', {
      nonNullable: true,
      validators: Validators.maxLength(PLACEMENT_TEXT_LIMITS.note),
    }),
    validate: new FormControl(false, { nonNullable: true }),
  });
  /** Typed but not saved: the page around it asks before leaving. */
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);

  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: null });
  protected readonly placeMode = toSignal(this.form.controls.placeMode.valueChanges, {
    initialValue: 'registry' as PlaceMode,
  });
  protected readonly wageEmployment = computed(() => this.kind() === 'wage_employment');
  /** Kinds with a place of work name it, with its sector and position. */
  protected readonly placeRequired = computed(() => {
    const kind = this.kind();
    return kind !== null && needsStructure(kind);
  });
  protected readonly suggestions = signal<Organisation[]>([]);
  protected readonly editing = computed(() => this.placement() !== null);
  protected readonly unchanged = signal(false);

  constructor() {
    void this.regions.load().catch(() => undefined);
    void this.searchOrganisations('');
    effect(() => {
      const placement = this.placement();
      untracked(() => this.fill(placement));
    });
    this.form.controls.organisationId.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((value) => {
        if (typeof value === 'string') void this.searchOrganisations(value);
      });
  }

  protected organisationName(organisation: Organisation | string | null): string {
    return typeof organisation === 'string' ? organisation : (organisation?.name ?? '');
  }

  protected regionName(code: string): string {
    return this.regions.nameOf(code);
  }

  /** A situation rule broken on this control, as a translation key. */
  protected ruleKey(control: AbstractControl): string | null {
    const rule: unknown = control.errors?.['rule'];
    return typeof rule === 'string' ? rule : null;
  }

  protected async save(): Promise<void> {
    this.unchanged.set(false);
    // Fields shown or hidden by the kind and the place take their `required` along with them, but
    // the controls keep the last validity computed: check them again as they are now.
    for (const control of Object.values(this.form.controls)) {
      control.updateValueAndValidity({ emitEvent: false });
    }
    const value = this.form.getRawValue() as PlacementFormValue;
    const facts = factsOf(value);
    if (facts) this.showRuleErrors(ruleErrors(facts, value.placeMode, this.today));
    const current = this.placement();
    const followup = this.followup();
    let result: Placement | null = null;
    let answer: Followup | null = null;
    const ok = await this.submission.run(this.form, async () => {
      if (!facts) return;
      if (followup) {
        const { source: _source, evidence: _evidence, ...answered } = facts;
        answer = await this.insertion.answerFollowup(followup.id, answered);
      } else if (current) {
        const change = changeOf(current, facts, value.validate);
        if (!isEmptyChange(change)) result = await this.insertion.change(current.id, change);
        else if (value.validate) result = await this.insertion.validate(current.id);
        else this.unchanged.set(true);
      } else {
        result = await this.insertion.create({
          ...facts,
          userId: this.personId(),
          enrollmentId: value.enrollmentId,
          validate: value.validate,
        });
      }
    });
    if (ok && result) this.saved.emit(result);
    if (ok && answer) this.answered.emit(answer);
  }

  private showRuleErrors(errors: Partial<Record<RuleField, string>>): void {
    for (const [field, key] of Object.entries(errors) as [RuleField, string][]) {
      const control = this.form.controls[field];
      control.setErrors({ ...control.errors, rule: key });
      control.markAsTouched();
    }
  }

  private fill(placement: Placement | null): void {
    const completions = this.completions();
    this.form.reset({
      kind: placement?.kind ?? null,
      contract: placement?.contract ?? null,
      enrollmentId: placement?.enrollmentId ?? completions[0]?.enrollmentId ?? null,
      placeMode: placement?.employerName ? 'free' : 'registry',
      organisationId:
        placement?.organisationId && placement.organisationName
          ? ({ id: placement.organisationId, name: placement.organisationName } as Organisation)
          : null,
      employerName: placement?.employerName ?? '',
      sector: placement?.sector ?? '',
      position: placement?.position ?? '',
      regionCode: (placement?.regionCode ??
        this.followup()?.regionCode ??
        completions[0]?.regionCode ??
        null) as RegionCode | null,
      startOn: placement?.startOn ?? '',
      endOn: placement?.endOn ?? '',
      source: placement?.source ?? 'officer',
      evidence: placement?.evidence ?? 'confirmed',
      note: placement?.note ?? '',
      validate: false,
    });
    if (placement) this.form.controls.enrollmentId.disable();
    else this.form.controls.enrollmentId.enable();
  }

  private async searchOrganisations(q: string): Promise<void> {
    try {
      const page = await this.insertion.organisations({
        page: 1,
        pageSize: SUGGESTIONS,
        ...(q.trim() ? { q: q.trim() } : {}),
      });
      this.suggestions.set(page.items);
    } catch {
      // Suggestions are a convenience: without them the free name remains.
      this.suggestions.set([]);
    }
  }
}

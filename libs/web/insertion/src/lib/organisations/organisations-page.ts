import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ORGANISATION_KINDS,
  type OrganisationKind,
  type RegionCode,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '@oris/shared/domain';
import { formSubmission, latestLoad, RegionsService } from '@oris/web/core';
import { Icon, Pager, ProblemAlert, transientText } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { InsertionApi } from '../insertion-api';
import type { Organisation, OrganisationInput, PageOf } from '../shared/insertion-types';
import { InsertionTabs } from '../shared/insertion-tabs';
import { insertionMessageKeys } from '../shared/problem-keys';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;
/** The API's limit on a partner's name. */
export const ORGANISATION_NAME_MAX = 160;

/** The registry of partner organisations that situations name: search, add, correct. */
@Component({
  selector: 'oris-organisations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    Icon,
    Pager,
    ProblemAlert,
    InsertionTabs,
  ],
  templateUrl: './organisations-page.html',
  styleUrl: './organisations-page.scss',
})
export class OrganisationsPage implements HasUnsavedChanges {
  private readonly insertion = inject(InsertionApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly regions = inject(RegionsService);
  protected readonly submission = formSubmission();
  protected readonly messageKeys = insertionMessageKeys;
  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly nameMax = ORGANISATION_NAME_MAX;

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly kindFilter = new FormControl<OrganisationKind | null>(null);
  protected readonly regionFilter = new FormControl<RegionCode | null>(null);
  protected readonly groupFilter = new FormControl<StakeholderGroup | null>(null);

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(ORGANISATION_NAME_MAX),
      ],
    }),
    kind: new FormControl<OrganisationKind | null>(null, Validators.required),
    /** Empty: the group of its kind. */
    stakeholderGroup: new FormControl<StakeholderGroup | null>(null),
    regionCode: new FormControl<RegionCode | null>(null, Validators.required),
  });
  /** An organisation typed but not saved: leaving asks first. */
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  /** The organisation being corrected; null while adding a new one. */
  protected readonly editing = signal<Organisation | null>(null);

  private readonly organisations = latestLoad<PageOf<Organisation>>();
  protected readonly result = this.organisations.value;
  protected readonly loading = this.organisations.loading;
  protected readonly problem = this.organisations.problem;
  protected readonly announcement = transientText();
  private page = 1;

  constructor() {
    this.regions.load().catch(() => undefined);
    merge(
      this.kindFilter.valueChanges,
      this.regionFilter.valueChanges,
      this.groupFilter.valueChanges,
      this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  protected edit(organisation: Organisation): void {
    this.editing.set(organisation);
    this.submission.clearProblem();
    this.form.reset({
      name: organisation.name,
      kind: organisation.kind as OrganisationKind,
      stakeholderGroup: organisation.stakeholderGroup,
      regionCode: organisation.regionCode as RegionCode,
    });
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.submission.clearProblem();
    this.form.reset();
  }

  protected async save(): Promise<void> {
    const editing = this.editing();
    const value = this.form.getRawValue();
    let saved: Organisation | null = null;
    const ok = await this.submission.run(this.form, async () => {
      const input: OrganisationInput = {
        name: value.name.trim(),
        kind: value.kind as OrganisationKind,
        ...(value.stakeholderGroup ? { stakeholderGroup: value.stakeholderGroup } : {}),
        regionCode: value.regionCode as RegionCode,
      };
      saved = editing
        ? await this.insertion.changeOrganisation(editing.id, input)
        : await this.insertion.createOrganisation(input);
    });
    if (!ok || !saved) return;
    const organisation: Organisation = saved;
    this.announcement.set(
      this.transloco.translate(
        editing ? 'insertion.organisations.changed' : 'insertion.organisations.created',
        { name: organisation.name },
      ),
    );
    this.editing.set(null);
    this.form.reset();
    await this.load();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const q = this.search.value.trim();
    const kind = this.kindFilter.value;
    const region = this.regionFilter.value;
    const stakeholderGroup = this.groupFilter.value;
    await this.organisations.load(() =>
      this.insertion.organisations({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(kind ? { kind } : {}),
        ...(region ? { region } : {}),
        ...(stakeholderGroup ? { stakeholderGroup } : {}),
      }),
    );
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  FAMILY_MEMBER_KINDS,
  PARTNERSHIP_KINDS,
  type PartnershipKind,
  PARTY_ROLES,
  type PartyRole,
  RENEWAL_MODES,
  type RenewalMode,
} from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { Icon, ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { startWith } from 'rxjs';
import { PartnershipsApi } from '../partnerships-api';
import type {
  NewPartnership,
  Organisation,
  Partnership,
  PartnershipSummary,
} from '../shared/partnership-types';
import { partnershipMessageKeys } from '../shared/problem-keys';

/** The API's limit on a title. */
export const TITLE_MAX = 300;

const partyGroup = (
  organisationId: string | null = null,
  role: PartyRole = 'signatory',
  signatureRequired = true,
) =>
  new FormGroup({
    organisationId: new FormControl<string | null>(organisationId, Validators.required),
    role: new FormControl<PartyRole>(role, { nonNullable: true }),
    signatureRequired: new FormControl(signatureRequired, { nonNullable: true }),
  });

const contributionGroup = (
  organisationId: string | null = null,
  kind: ContributionKind = 'in_kind',
  amountMad: number | null = null,
  description = '',
) =>
  new FormGroup({
    organisationId: new FormControl<string | null>(organisationId, Validators.required),
    kind: new FormControl<ContributionKind>(kind, { nonNullable: true }),
    amountMad: new FormControl<number | null>(amountMad, Validators.min(0)),
    description: new FormControl(description, {
      nonNullable: true,
      validators: Validators.maxLength(1000),
    }),
  });

/** Records a partnership or changes one: terms, renewal settings, parties, contributions. */
@Component({
  selector: 'oris-partnership-form-page',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    Icon,
    ProblemAlert,
  ],
  templateUrl: './partnership-form-page.html',
  styleUrl: './partnership-form-page.scss',
})
export class PartnershipFormPage implements HasUnsavedChanges {
  private readonly partnerships = inject(PartnershipsApi);
  private readonly router = inject(Router);
  protected readonly submission = formSubmission();
  protected readonly messageKeys = partnershipMessageKeys;
  protected readonly kinds = PARTNERSHIP_KINDS;
  protected readonly modes = RENEWAL_MODES;
  protected readonly roles = PARTY_ROLES;
  protected readonly contributionKinds = CONTRIBUTION_KINDS;
  protected readonly titleMax = TITLE_MAX;

  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(TITLE_MAX)],
    }),
    kind: new FormControl<PartnershipKind>('convention', { nonNullable: true }),
    parentId: new FormControl<string | null>(null),
    startsOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
    endsOn: new FormControl('', { nonNullable: true }),
    renewalMode: new FormControl<RenewalMode>('none', { nonNullable: true }),
    noticeDays: new FormControl(60, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(3650)],
    }),
    renewalMonths: new FormControl<number | null>(null, [Validators.min(1), Validators.max(120)]),
    parties: new FormArray([partyGroup()]),
    contributions: new FormArray<ReturnType<typeof contributionGroup>>([]),
  });
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);

  /** The partnership being changed; null while recording a new one. */
  protected readonly editing = signal<Partnership | null>(null);
  protected readonly organisations = signal<Organisation[]>([]);
  protected readonly heads = signal<PartnershipSummary[]>([]);
  private readonly kind = toSignal(
    this.form.controls.kind.valueChanges.pipe(startWith(this.form.controls.kind.value)),
    { requireSync: true },
  );
  private readonly mode = toSignal(
    this.form.controls.renewalMode.valueChanges.pipe(
      startWith(this.form.controls.renewalMode.value),
    ),
    { requireSync: true },
  );
  protected readonly isMember = computed(() => FAMILY_MEMBER_KINDS.includes(this.kind()));
  protected readonly isTacit = computed(() => this.mode() === 'tacit');

  constructor() {
    void this.partnerships.organisations().then((page) => this.organisations.set(page.items));
    const route = inject(ActivatedRoute);
    route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const id = params.get('id');
      if (id) void this.startEditing(id);
    });
    const parent = route.snapshot.queryParamMap.get('parent');
    void this.partnerships.heads().then((heads) => {
      this.heads.set(heads);
      if (parent && heads.some((head) => head.id === parent)) {
        this.form.patchValue({ kind: 'amendment', parentId: parent });
      }
    });
  }

  protected get parties(): FormArray<ReturnType<typeof partyGroup>> {
    return this.form.controls.parties;
  }

  protected get contributions(): FormArray<ReturnType<typeof contributionGroup>> {
    return this.form.controls.contributions;
  }

  protected nameOf(organisationId: string | null): string {
    return this.organisations().find((o) => o.id === organisationId)?.name ?? '';
  }

  protected addParty(): void {
    this.parties.push(partyGroup());
    this.form.markAsDirty();
  }

  protected removeParty(index: number): void {
    this.parties.removeAt(index);
    this.form.markAsDirty();
  }

  protected addContribution(): void {
    this.contributions.push(contributionGroup());
    this.form.markAsDirty();
  }

  protected removeContribution(index: number): void {
    this.contributions.removeAt(index);
    this.form.markAsDirty();
  }

  protected async save(): Promise<void> {
    const editing = this.editing();
    const value = this.form.getRawValue();
    const body: NewPartnership = {
      title: value.title.trim(),
      kind: value.kind,
      parentId: this.isMember() ? value.parentId : null,
      startsOn: value.startsOn,
      endsOn: value.endsOn || null,
      renewalMode: value.renewalMode,
      noticeDays: Number(value.noticeDays),
      renewalMonths: value.renewalMode === 'tacit' ? Number(value.renewalMonths) || null : null,
      parties: value.parties.map((party) => ({
        organisationId: party.organisationId as string,
        role: party.role,
        signatureRequired: party.signatureRequired,
      })),
      contributions: value.contributions.map((contribution) => ({
        organisationId: contribution.organisationId as string,
        kind: contribution.kind,
        amountMad:
          contribution.amountMad === null || (contribution.amountMad as unknown) === ''
            ? null
            : Number(contribution.amountMad),
        description: contribution.description.trim(),
      })),
    };
    let saved: Partnership | null = null;
    const ok = await this.submission.run(this.form, async () => {
      saved = editing
        ? await this.partnerships.change(editing.id, body)
        : await this.partnerships.create(body);
    });
    if (!ok || !saved) return;
    this.form.markAsPristine();
    await this.router.navigate(['/observatory/partnerships', (saved as Partnership).id]);
  }

  private async startEditing(id: string): Promise<void> {
    const partnership = await this.partnerships.get(id);
    this.editing.set(partnership);
    this.parties.clear();
    for (const party of partnership.parties) {
      this.parties.push(partyGroup(party.organisationId, party.role, party.signatureRequired));
    }
    this.contributions.clear();
    for (const c of partnership.contributions) {
      this.contributions.push(
        contributionGroup(c.organisationId, c.kind, c.amountMad, c.description),
      );
    }
    this.form.patchValue({
      title: partnership.title,
      kind: partnership.kind,
      parentId: partnership.parentId,
      startsOn: partnership.startsOn,
      endsOn: partnership.endsOn ?? '',
      renewalMode: partnership.renewalMode,
      noticeDays: partnership.noticeDays,
      renewalMonths: partnership.renewalMonths,
    });
    this.form.markAsPristine();
  }
}

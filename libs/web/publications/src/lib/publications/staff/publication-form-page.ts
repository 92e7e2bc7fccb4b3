import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
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
  ATTRIBUTIONS,
  DATE_PRECISIONS,
  OBSERVATORY_INDEX_CODES,
  OPEN_ACCESS_STATUSES,
  PUBLICATION_TYPES,
} from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { Icon, ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import type { PublicationDetail, PublicationInput } from '../shared/publication-types';
import { PublicationsApi } from '../shared/publications-api';
import { publicationMessageKeys } from '../shared/problem-keys';

const text = (value = '', required = false) =>
  new FormControl(value, {
    nonNullable: true,
    validators: required ? [Validators.required, Validators.pattern(/\S/)] : [],
  });

const contributorGroup = (c?: PublicationDetail['contributors'][number]) =>
  new FormGroup({
    familyName: text(c?.familyName ?? ''),
    givenNames: text(c?.givenNames ?? ''),
    nameAr: text(c?.nameAr ?? ''),
    orcid: text(c?.orcid ?? ''),
    affiliations: text(c?.affiliations.join(' ; ') ?? ''),
    orisAffiliation: new FormControl(c?.orisAffiliation ?? false, { nonNullable: true }),
  });

const indexGroup = (r?: PublicationDetail['indexRecords'][number]) =>
  new FormGroup({
    index: new FormControl(r?.index ?? '', { nonNullable: true, validators: Validators.required }),
    externalId: text(r?.externalId ?? ''),
    verifiedOn: text(r?.verifiedOn ?? '', true),
  });

const emptyToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** `/observatory/publications/new` and `/:id/edit`: the record, its contributors and index records. */
@Component({
  selector: 'oris-publication-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    FieldError,
    Icon,
    ProblemAlert,
  ],
  providers: [provideDayDatepicker()],
  templateUrl: './publication-form-page.html',
  styleUrl: '../shared/publications.scss',
})
export class PublicationFormPage implements HasUnsavedChanges {
  private readonly publications = inject(PublicationsApi);
  private readonly router = inject(Router);
  protected readonly submission = formSubmission();
  protected readonly messageKeys = publicationMessageKeys;
  protected readonly types = PUBLICATION_TYPES;
  protected readonly precisions = DATE_PRECISIONS;
  protected readonly openAccessStatuses = OPEN_ACCESS_STATUSES;
  protected readonly attributions = ATTRIBUTIONS;
  protected readonly indexes = OBSERVATORY_INDEX_CODES;
  protected readonly editingId = signal<string | null>(null);

  protected readonly form = new FormGroup({
    type: new FormControl('journal_article', {
      nonNullable: true,
      validators: Validators.required,
    }),
    language: new FormControl('fr', { nonNullable: true, validators: Validators.required }),
    title: text('', true),
    abstract: text(),
    publishedOn: text('', true),
    publishedOnPrecision: new FormControl('day', { nonNullable: true }),
    doi: text(),
    isbn: text(),
    url: text(),
    volume: text(),
    issue: text(),
    pages: text(),
    openAccess: new FormControl<string | null>(null),
    licence: text(),
    attribution: new FormControl<string | null>(null),
    attributionEvidence: text(),
    retractedOn: text(),
    contributors: new FormArray([contributorGroup()]),
    indexRecords: new FormArray<ReturnType<typeof indexGroup>>([]),
  });
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty && !this.submission.pending());
  private loaded: PublicationDetail | null = null;

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        const id = params.get('id');
        this.editingId.set(id);
        if (id) void this.publications.get(id).then((p) => this.fill(p));
      });
  }

  protected addContributor(): void {
    this.form.controls.contributors.push(contributorGroup());
  }

  protected removeContributor(index: number): void {
    this.form.controls.contributors.removeAt(index);
  }

  protected moveContributor(index: number, by: -1 | 1): void {
    const list = this.form.controls.contributors;
    const control = list.at(index);
    list.removeAt(index);
    list.insert(index + by, control);
  }

  protected addIndexRecord(): void {
    this.form.controls.indexRecords.push(indexGroup());
  }

  protected removeIndexRecord(index: number): void {
    this.form.controls.indexRecords.removeAt(index);
  }

  protected async save(): Promise<void> {
    let saved: PublicationDetail | null = null;
    const ok = await this.submission.run(this.form, async () => {
      const input = this.input();
      const id = this.editingId();
      saved = id
        ? await this.publications.change(id, input)
        : await this.publications.create(input);
    });
    if (!ok || !saved) return;
    this.form.markAsPristine();
    await this.router.navigate(['/observatory/publications', (saved as PublicationDetail).id]);
  }

  private input(): PublicationInput {
    const v = this.form.getRawValue();
    const others = (this.loaded?.titles ?? []).filter(
      (t) => !t.original && t.language !== v.language,
    );
    return {
      type: v.type as PublicationInput['type'],
      titles: [
        {
          language: v.language,
          title: v.title.trim(),
          abstract: emptyToNull(v.abstract),
          original: true,
        },
        ...others.map((t) => ({
          language: t.language,
          title: t.title,
          abstract: t.abstract,
          original: false,
        })),
      ],
      publishedOn: v.publishedOn,
      publishedOnPrecision: v.publishedOnPrecision as PublicationInput['publishedOnPrecision'],
      doi: emptyToNull(v.doi),
      isbn: emptyToNull(v.isbn),
      url: emptyToNull(v.url),
      volume: emptyToNull(v.volume),
      issue: emptyToNull(v.issue),
      pages: emptyToNull(v.pages),
      openAccess: (v.openAccess ?? null) as PublicationInput['openAccess'],
      licence: emptyToNull(v.licence),
      attribution: (v.attribution ?? null) as PublicationInput['attribution'],
      attributionEvidence: emptyToNull(v.attributionEvidence),
      retractedOn: emptyToNull(v.retractedOn),
      contributors: v.contributors
        .filter((c) => c.familyName.trim() || c.nameAr.trim())
        .map((c) => ({
          role: 'author' as const,
          familyName: emptyToNull(c.familyName),
          givenNames: emptyToNull(c.givenNames),
          nameAr: emptyToNull(c.nameAr),
          orcid: emptyToNull(c.orcid),
          affiliations: c.affiliations
            .split(';')
            .map((a) => a.trim())
            .filter(Boolean),
          orisAffiliation: c.orisAffiliation,
        })),
      indexRecords: v.indexRecords.map((r) => ({
        index: r.index as 'scopus',
        externalId: emptyToNull(r.externalId),
        verifiedOn: r.verifiedOn,
      })),
    };
  }

  private fill(p: PublicationDetail): void {
    this.loaded = p;
    const original = p.titles.find((t) => t.original) ?? p.titles[0];
    this.form.controls.contributors.clear();
    for (const c of p.contributors) this.form.controls.contributors.push(contributorGroup(c));
    this.form.controls.indexRecords.clear();
    for (const r of p.indexRecords) this.form.controls.indexRecords.push(indexGroup(r));
    this.form.patchValue({
      type: p.type,
      language: original.language,
      title: original.title,
      abstract: original.abstract ?? '',
      publishedOn: p.publishedOn,
      publishedOnPrecision: p.publishedOnPrecision,
      doi: p.doi ?? '',
      isbn: p.isbn ?? '',
      url: p.url ?? '',
      volume: p.volume ?? '',
      issue: p.issue ?? '',
      pages: p.pages ?? '',
      openAccess: p.openAccess,
      licence: p.licence ?? '',
      attribution: p.attribution,
      attributionEvidence: p.attributionEvidence ?? '',
      retractedOn: p.retractedOn ?? '',
    });
    this.form.markAsPristine();
  }
}

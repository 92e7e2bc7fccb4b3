import { DestroyRef, inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import {
  LOCALES,
  PRACTICE_LIMITS,
  PRACTICE_REQUIRED_FIELDS,
  PRACTICE_TEXT_FIELDS,
  type Locale,
  type PracticePopulation,
  type PracticeTextField,
  type PracticeTheme,
  type RegionCode,
} from '@oris/shared/domain';
import { textsOf, type Practice, type PracticeInput } from '../shared/practice-types';

/** The most characters a text field of the sheet takes. */
export const limitOf = (field: PracticeTextField): number =>
  field === 'title'
    ? PRACTICE_LIMITS.titleMax
    : field === 'summary'
      ? PRACTICE_LIMITS.summaryMax
      : PRACTICE_LIMITS.textMax;

/** Years a practice may have run in: from 1950 to next year (a planned start). */
export const FIRST_YEAR = 1950;
export const lastYear = () => new Date().getFullYear() + 1;

const text = (max: number) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max)] });
const amount = () => new FormControl<number | null>(null, [Validators.min(0)]);
const year = () =>
  new FormControl<number | null>(null, [Validators.min(FIRST_YEAR), Validators.max(lastYear())]);

const languageTexts = () =>
  new FormGroup(
    Object.fromEntries(
      PRACTICE_TEXT_FIELDS.map((field) => [field, text(limitOf(field))]),
    ) as Record<PracticeTextField, FormControl<string>>,
  );

const perLanguage = (max: number) => new FormGroup({ fr: text(max), ar: text(max), en: text(max) });

export const figureGroup = () =>
  new FormGroup({
    label: perLanguage(200),
    value: new FormControl<number | null>(null, Validators.required),
    unit: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(40)] }),
  });
export type FigureGroup = ReturnType<typeof figureGroup>;

/** A consented contact needs a word on how the consent was given (the API records when). */
const consentExplained = (group: AbstractControl): ValidationErrors | null => {
  const { consentGiven, consentNote } = group.value as {
    consentGiven: boolean;
    consentNote: string;
  };
  return consentGiven && !consentNote?.trim() ? { consentNoteMissing: true } : null;
};

export const contactGroup = () =>
  new FormGroup(
    {
      /** The stored contact (keeps its recorded consent); empty for a new one. */
      id: new FormControl<string | null>(null),
      name: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(200)],
      }),
      role: text(200),
      organisation: text(200),
      email: new FormControl('', {
        nonNullable: true,
        validators: [Validators.email, Validators.maxLength(254)],
      }),
      phone: text(40),
      consentGiven: new FormControl(false, { nonNullable: true }),
      consentNote: text(500),
      /** When the API recorded the consent (shown, never sent). */
      consentRecordedAt: new FormControl<string | null>(null),
    },
    { validators: consentExplained },
  );
export type ContactGroup = ReturnType<typeof contactGroup>;

/** The sheet as a form: texts per language, facets, costs, years, figures, contacts, links. */
export function practiceForm() {
  return new FormGroup({
    originalLanguage: new FormControl<Locale>('fr', { nonNullable: true }),
    texts: new FormGroup({ fr: languageTexts(), ar: languageTexts(), en: languageTexts() }),
    regions: new FormControl<RegionCode[]>([], { nonNullable: true }),
    themes: new FormControl<PracticeTheme[]>([], { nonNullable: true }),
    populations: new FormControl<PracticePopulation[]>([], { nonNullable: true }),
    totalCostMad: amount(),
    costPerBeneficiaryMad: amount(),
    beneficiaries: amount(),
    startYear: year(),
    endYear: year(),
    resultFigures: new FormArray<FigureGroup>([]),
    contacts: new FormArray<ContactGroup>([]),
    links: new FormGroup({
      toolIds: new FormControl<string[]>([], { nonNullable: true }),
      publicationIds: new FormControl<string[]>([], { nonNullable: true }),
      courseIds: new FormControl<string[]>([], { nonNullable: true }),
      partnershipIds: new FormControl<string[]>([], { nonNullable: true }),
    }),
  });
}
export type PracticeForm = ReturnType<typeof practiceForm>;

const trimmed = (texts: Partial<Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(texts)
      .map(([key, value]) => [key, value?.trim() ?? ''])
      .filter(([, value]) => value),
  );

/**
 * What the API receives: empty texts left out, blanks as nulls. On an edit (`previous` given), a
 * language that had texts and is now empty is sent as `null`: the API removes that translation.
 */
export function contentOf(form: PracticeForm, previous?: Practice | null): PracticeInput {
  const value = form.getRawValue();
  const before = previous ? textsOf(previous) : {};
  const texts: Record<string, Record<string, string> | null> = {};
  for (const language of LOCALES) {
    const fields = trimmed(value.texts[language]);
    if (Object.keys(fields).length) texts[language] = fields;
    else if (before[language]) texts[language] = null;
  }
  const orNull = (text: string) => text.trim() || null;
  return {
    originalLanguage: value.originalLanguage,
    texts: texts as PracticeInput['texts'],
    regions: value.regions,
    themes: value.themes,
    populations: value.populations,
    totalCostMad: value.totalCostMad,
    costPerBeneficiaryMad: value.costPerBeneficiaryMad,
    beneficiaries: value.beneficiaries,
    startYear: value.startYear,
    endYear: value.endYear,
    resultFigures: value.resultFigures.map((figure) => ({
      label: trimmed(figure.label),
      value: figure.value ?? 0,
      unit: orNull(figure.unit),
    })),
    contacts: value.contacts.map((contact) => ({
      ...(contact.id ? { id: contact.id } : {}),
      name: contact.name.trim(),
      role: orNull(contact.role),
      organisation: orNull(contact.organisation),
      email: orNull(contact.email),
      phone: orNull(contact.phone),
      consentGiven: contact.consentGiven,
      consentNote: contact.consentGiven ? orNull(contact.consentNote) : null,
    })),
    links: value.links,
  };
}

/** Keeps the rows already drawn (their fields keep focus and identity), adding or removing the difference. */
function resize<T extends FormGroup>(array: FormArray<T>, length: number, create: () => T): void {
  while (array.length > length) array.removeAt(array.length - 1, { emitEvent: false });
  while (array.length < length) array.push(create(), { emitEvent: false });
}

/** Puts a saved sheet back in the form (and marks it pristine). */
export function fillForm(form: PracticeForm, content: Practice): void {
  resize(form.controls.resultFigures, content.resultFigures.length, figureGroup);
  resize(form.controls.contacts, content.contacts.length, contactGroup);
  const texts = textsOf(content);
  const textsIn = (language: Locale) =>
    Object.fromEntries(
      PRACTICE_TEXT_FIELDS.map((field) => [field, texts[language]?.[field] ?? '']),
    ) as Record<PracticeTextField, string>;
  form.reset({
    originalLanguage: content.originalLanguage,
    texts: { fr: textsIn('fr'), ar: textsIn('ar'), en: textsIn('en') },
    regions: content.regions,
    themes: content.themes,
    populations: content.populations,
    totalCostMad: content.totalCostMad,
    costPerBeneficiaryMad: content.costPerBeneficiaryMad,
    beneficiaries: content.beneficiaries,
    startYear: content.startYear,
    endYear: content.endYear,
    resultFigures: content.resultFigures.map((figure) => ({
      label: {
        fr: figure.label['fr'] ?? '',
        ar: figure.label['ar'] ?? '',
        en: figure.label['en'] ?? '',
      },
      value: figure.value,
      unit: figure.unit ?? '',
    })),
    contacts: content.contacts.map((contact) => ({
      id: contact.id ?? null,
      name: contact.name,
      role: contact.role ?? '',
      organisation: contact.organisation ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      consentGiven: contact.consentGiven ?? false,
      consentNote: contact.consentNote ?? '',
      consentRecordedAt: contact.consentRecordedAt ?? null,
    })),
    links: content.links,
  });
}

/** The required fields still empty in the original language (submission needs them). */
export function missingForSubmission(content: PracticeInput): PracticeTextField[] {
  const original = textsOf(content)[content.originalLanguage] ?? {};
  return PRACTICE_REQUIRED_FIELDS.filter((field) => !original[field]?.trim());
}

/**
 * The rows of a form array as a signal, for an `OnPush` child drawing them: the array is the same
 * object when the page refills it (a loaded or reloaded sheet), so the input alone never changes.
 * Call in an injection context with an array that is already set (e.g. `ngOnInit`).
 */
export function rowsOf<T extends FormGroup>(
  array: FormArray<T>,
  destroyRef = inject(DestroyRef),
): Signal<T[]> {
  const current = (): T[] => array.controls.slice() as T[];
  const rows = signal(current());
  array.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => rows.set(current()));
  return rows;
}

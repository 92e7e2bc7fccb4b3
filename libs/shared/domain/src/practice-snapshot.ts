import type {
  PracticeEvidenceLevel,
  PracticeLinks,
  PracticePopulation,
  PracticeResultFigure,
  PracticeStatus,
  PracticeTextField,
  PracticeTexts,
  PracticeTheme,
} from './practices';
import { PRACTICE_TEXT_FIELDS } from './practices';
import { diffWords, type TextDiffSegment } from './text-diff';
import type { Locale, RegionCode } from './vocabularies';

/** A contact of a sheet, with the consent that lets it be published. */
export interface PracticeContactSnapshot {
  id: string;
  name: string;
  role: string | null;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  /** When the contact's consent to publication was recorded; null: never published. */
  consentRecordedAt: string | null;
  consentRecordedBy: string | null;
  consentNote: string | null;
}

export const PRACTICE_ATTACHMENT_KINDS = ['attachment', 'image'] as const;
export type PracticeAttachmentKind = (typeof PRACTICE_ATTACHMENT_KINDS)[number];

export interface PracticeAttachmentSnapshot {
  id: string;
  kind: PracticeAttachmentKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Images only: the text read out instead of the image, per language. */
  altText: Partial<Record<Locale, string>>;
}

/**
 * Everything a version of a sheet holds (the `snapshot` of each version): what the public reads
 * of the last published one, and what two versions are compared on.
 */
export interface PracticeSnapshot {
  slug: string;
  status: PracticeStatus;
  originalLanguage: Locale;
  texts: Partial<Record<Locale, PracticeTexts>>;
  translatedLanguages: Locale[];
  regions: RegionCode[];
  themes: PracticeTheme[];
  populations: PracticePopulation[];
  totalCostMad: number | null;
  costPerBeneficiaryMad: number | null;
  beneficiaries: number | null;
  startYear: number | null;
  endYear: number | null;
  resultFigures: PracticeResultFigure[];
  evidenceLevel: PracticeEvidenceLevel | null;
  evidenceJustification: Partial<Record<Locale, string>>;
  contacts: PracticeContactSnapshot[];
  links: PracticeLinks;
  attachments: PracticeAttachmentSnapshot[];
  authorIds: string[];
}

/** Contacts the public may see: those whose consent to publication is recorded. */
export const consentedContacts = (contacts: readonly PracticeContactSnapshot[]) =>
  contacts.filter((contact) => contact.consentRecordedAt !== null);

/** One field that differs between two versions, with its word-level diff. */
export interface PracticeFieldChange {
  /** A text field (`title`…), or a sheet field (`regions`, `totalCostMad`, `contacts`…). */
  field: string;
  /** The language of a text field or a justification; null for the others. */
  language: Locale | null;
  before: string;
  after: string;
  segments: TextDiffSegment[];
}

const LANGUAGE_ORDER: readonly Locale[] = ['fr', 'ar', 'en'];

const SHEET_FIELDS = [
  'slug',
  'originalLanguage',
  'regions',
  'themes',
  'populations',
  'totalCostMad',
  'costPerBeneficiaryMad',
  'beneficiaries',
  'startYear',
  'endYear',
  'resultFigures',
  'evidenceLevel',
  'contacts',
  'links',
  'attachments',
] as const;

/** A readable line for a non-text field: lists one item a line, numbers as written. */
function readable(field: (typeof SHEET_FIELDS)[number], snapshot: PracticeSnapshot): string {
  const value = snapshot[field];
  if (value === null || value === undefined) return '';
  switch (field) {
    case 'resultFigures':
      return snapshot.resultFigures
        .map((figure) => {
          const label = LANGUAGE_ORDER.map((language) => figure.label[language])
            .filter(Boolean)
            .join(' / ');
          return `${label}: ${figure.value}${figure.unit ? ` ${figure.unit}` : ''}`;
        })
        .join('\n');
    case 'contacts':
      return snapshot.contacts
        .map((contact) =>
          [contact.name, contact.role, contact.organisation, contact.email, contact.phone]
            .filter(Boolean)
            .join(', ')
            .concat(contact.consentRecordedAt ? ' (consent)' : ''),
        )
        .join('\n');
    case 'links':
      return Object.entries(snapshot.links)
        .map(([kind, ids]) => `${kind}: ${(ids as string[]).join(', ')}`)
        .join('\n');
    case 'attachments':
      return snapshot.attachments
        .map((file) => `${file.fileName} (${file.mediaType}, ${file.sha256.slice(0, 12)})`)
        .join('\n');
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/**
 * The fields that differ from `before` to `after`, in reading order: the texts language by
 * language, then the evidence justification, then the sheet's other fields. Status changes are
 * not listed (the versions list says them).
 */
export function diffPracticeSnapshots(
  before: PracticeSnapshot,
  after: PracticeSnapshot,
): PracticeFieldChange[] {
  const changes: PracticeFieldChange[] = [];
  const add = (field: string, language: Locale | null, a: string, b: string) => {
    if (a !== b) changes.push({ field, language, before: a, after: b, segments: diffWords(a, b) });
  };
  for (const language of LANGUAGE_ORDER) {
    for (const field of PRACTICE_TEXT_FIELDS as readonly PracticeTextField[]) {
      add(
        field,
        language,
        before.texts[language]?.[field] ?? '',
        after.texts[language]?.[field] ?? '',
      );
    }
  }
  for (const language of LANGUAGE_ORDER) {
    add(
      'evidenceJustification',
      language,
      before.evidenceJustification[language] ?? '',
      after.evidenceJustification[language] ?? '',
    );
  }
  for (const field of SHEET_FIELDS)
    add(field, null, readable(field, before), readable(field, after));
  return changes;
}

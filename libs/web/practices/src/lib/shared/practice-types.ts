import type {
  Locale,
  PracticeEvidenceLevel,
  PracticeLinks,
  PracticePopulation,
  PracticeResultFigure,
  PracticeStatus,
  PracticeTextField,
  PracticeTexts,
  PracticeTheme,
  PublishedPracticeSheet,
  RegionCode,
} from '@oris/shared/domain';

/*
 * The shapes the practices API answers with. Written from the shared vocabularies and the routes
 * agreed for issue 17, before the generated client had them: when `@oris/shared/api-client`
 * carries the practices DTOs, these become aliases of its schemas (as knowledge-tools' are).
 */

export type Texts = Partial<Record<Locale, string>>;

/** A contact: published only when `consentGiven` is true, with the day the consent was recorded. */
export interface PracticeContact {
  name: string;
  role: string | null;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  consentGiven: boolean;
  /** `YYYY-MM-DD`. */
  consentRecordedOn: string | null;
}

export interface PracticeAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** Images carry an alternative text per language; documents may leave it empty. */
  alt: Texts;
}

export type LinkKind = 'tool' | 'publication' | 'course' | 'partnership';
export const LINK_KINDS: readonly LinkKind[] = ['tool', 'publication', 'course', 'partnership'];
/** Which id list of `PracticeLinks` holds each kind. */
export const LINK_FIELDS = {
  tool: 'toolIds',
  publication: 'publicationIds',
  course: 'courseIds',
  partnership: 'partnershipIds',
} as const;

export interface LinkOption {
  id: string;
  title: string;
}

/** A linked item named in the reader's language by the API (tool, publication, course, partnership). */
export interface PracticeLinkedItem {
  kind: LinkKind;
  id: string;
  title: string;
}

/** What an editor writes: a version's content. */
export interface PracticeContent {
  originalLanguage: Locale;
  texts: Partial<Record<Locale, PracticeTexts>>;
  regions: RegionCode[];
  themes: PracticeTheme[];
  populations: PracticePopulation[];
  totalCostMad: number | null;
  costPerBeneficiaryMad: number | null;
  beneficiaries: number | null;
  startYear: number | null;
  endYear: number | null;
  resultFigures: PracticeResultFigure[];
  contacts: PracticeContact[];
  links: PracticeLinks;
}

export interface PracticeComment {
  id: string;
  /** A text field, or `evidence`, `figures`, `contacts`, `links`, `general`. */
  field: string;
  language: Locale | null;
  body: string;
  authorName: string;
  createdAt: string;
  resolvedAt: string | null;
}

/** A sheet as its editors and reviewers see it (the current draft or the version under review). */
export interface Practice extends PracticeContent {
  id: string;
  slug: string;
  status: PracticeStatus;
  /** The current version's number: sent back with a change (`If-Match`) so no edit is lost. */
  version: number;
  publishedVersion: number | null;
  evidenceLevel: PracticeEvidenceLevel | null;
  evidenceJustification: Texts;
  authorNames: string[];
  /** Whether the signed-in person wrote it (authors may not review their own sheet). */
  isAuthor: boolean;
  attachments: PracticeAttachment[];
  comments: PracticeComment[];
  linkedItems: PracticeLinkedItem[];
  createdAt: string;
  updatedAt: string;
}

export interface PracticeSummary {
  id: string;
  slug: string;
  status: PracticeStatus;
  originalLanguage: Locale;
  titles: Texts;
  summaries: Texts;
  regions: RegionCode[];
  themes: PracticeTheme[];
  evidenceLevel: PracticeEvidenceLevel | null;
  updatedAt: string;
}

/** The public sheet: the last published version, contacts already limited to consented ones. */
export interface PublicPractice extends PublishedPracticeSheet {
  attachments: PracticeAttachment[];
  linkedItems: PracticeLinkedItem[];
}

export interface PracticeVersion {
  number: number;
  status: PracticeStatus;
  authorName: string;
  createdAt: string;
}

/** One run of a field's text in a diff: kept, inserted or deleted. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface FieldDiff {
  /** `texts.<language>.<field>`, or a non-text field name (`regions`, `resultFigures`…). */
  field: string;
  parts: DiffPart[];
}

export interface PracticeDiff {
  from: number;
  to: number;
  fields: FieldDiff[];
}

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PracticeQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  status?: PracticeStatus;
  region?: RegionCode;
  theme?: PracticeTheme;
  population?: PracticePopulation;
  evidenceLevel?: PracticeEvidenceLevel;
}

export interface ReviewInput {
  evidenceLevel: PracticeEvidenceLevel;
  evidenceJustification: Texts;
}

export interface CommentInput {
  field: string;
  language: Locale | null;
  body: string;
}

/** The text in the reader's language when written, else in the original language. */
export function inLanguage(
  texts: Texts,
  lang: Locale,
  original: Locale,
): { text: string; lang: Locale } | null {
  const own = texts[lang]?.trim();
  if (own) return { text: own, lang };
  const fallback = texts[original]?.trim();
  return fallback ? { text: fallback, lang: original } : null;
}

/** A text field of one language of a sheet. */
export const textOf = (
  texts: Partial<Record<Locale, PracticeTexts>>,
  language: Locale,
  field: PracticeTextField,
): string => texts[language]?.[field]?.trim() ?? '';

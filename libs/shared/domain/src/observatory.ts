import type { Locale } from './vocabularies';

/**
 * The observatory's vocabularies (OBSERVATORY.md), shared by the server and the web app: the
 * three registries behind the publications, knowledge-tools and partnerships indicators, and the
 * shape every observatory indicator answers with.
 */

export const PUBLICATION_TYPES = [
  'journal_article',
  'review_article',
  'conference_paper',
  'book',
  'book_chapter',
  'report',
  'working_paper',
  'policy_brief',
  'thesis',
  'other',
] as const;
export type PublicationType = (typeof PUBLICATION_TYPES)[number];

/** The types the indexed-publications indicator counts (the others count only in its companion). */
export const INDEXED_PUBLICATION_TYPES: readonly PublicationType[] = [
  'journal_article',
  'review_article',
  'conference_paper',
  'book',
  'book_chapter',
];

export const PUBLICATION_STATUSES = ['submitted', 'validated', 'withdrawn'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ATTRIBUTIONS = ['affiliation', 'acknowledgement', 'both'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const OPEN_ACCESS_STATUSES = [
  'gold',
  'diamond',
  'green',
  'hybrid',
  'bronze',
  'closed',
] as const;
export type OpenAccessStatus = (typeof OPEN_ACCESS_STATUSES)[number];

/** Reference list of indexes; `counts` is the default, an admin may change it (table `observatory_index`). */
export const OBSERVATORY_INDEXES = [
  { code: 'scopus', counts: true },
  { code: 'wos_scie', counts: true },
  { code: 'wos_ssci', counts: true },
  { code: 'wos_ahci', counts: true },
  { code: 'wos_esci', counts: true },
  { code: 'doaj', counts: true },
  { code: 'arci', counts: true },
  { code: 'pubmed', counts: true },
  { code: 'scielo', counts: true },
  { code: 'arcif', counts: false },
  { code: 'imist', counts: false },
  { code: 'crossref', counts: false },
  { code: 'datacite', counts: false },
  { code: 'google_scholar', counts: false },
] as const;
export type ObservatoryIndexCode = (typeof OBSERVATORY_INDEXES)[number]['code'];
export const OBSERVATORY_INDEX_CODES: readonly ObservatoryIndexCode[] = OBSERVATORY_INDEXES.map(
  (index) => index.code,
);

export const COVERAGE_STATES = ['active', 'discontinued'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export const TOOL_KINDS = [
  'guide',
  'method',
  'survey_instrument',
  'dataset',
  'platform',
  'training_kit',
  'template',
  'other',
] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

export const TOOL_PURPOSES = ['collection', 'processing', 'dissemination'] as const;
export type ToolPurpose = (typeof TOOL_PURPOSES)[number];

export const ORIS_TOOL_ROLES = ['creator', 'co_creator', 'adapter', 'curator'] as const;
export type OrisToolRole = (typeof ORIS_TOOL_ROLES)[number];

/** The roles under which a tool counts as created by ORIS (a curated tool never does). */
export const CREATING_TOOL_ROLES: readonly OrisToolRole[] = ['creator', 'co_creator', 'adapter'];

export const TOOL_STATUSES = ['submitted', 'validated'] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

export const STAKEHOLDER_GROUPS = [
  'regional_council',
  'university',
  'support_organisation',
  'indh',
  'international_cooperation',
  'project_holder',
  'funder',
  'employer',
  'public_administration',
  'other',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const PARTNERSHIP_KINDS = [
  'framework_agreement',
  'convention',
  'mou',
  'implementing_convention',
  'amendment',
  'renewal',
] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** Kinds that belong to a family headed by another agreement (`parentId` required). */
export const FAMILY_MEMBER_KINDS: readonly PartnershipKind[] = [
  'amendment',
  'renewal',
  'implementing_convention',
];

export const RENEWAL_MODES = ['none', 'tacit', 'explicit'] as const;
export type RenewalMode = (typeof RENEWAL_MODES)[number];

/** The observatory's indicators beside the insertion one (OBSERVATORY.md). */
export const OBSERVATORY_INDICATORS = ['publications', 'tools', 'partnerships'] as const;
export type ObservatoryIndicator = (typeof OBSERVATORY_INDICATORS)[number];

/** The four impact indicators ORIS is judged by, in the order reports show them. */
export const IMPACT_INDICATORS = ['insertion', 'publications', 'tools', 'partnerships'] as const;
export type ImpactIndicator = (typeof IMPACT_INDICATORS)[number];

/** A text in the product's three languages (definitions are shown to funders as they are). */
export interface Trilingual {
  fr: string;
  ar: string;
  en: string;
}

/**
 * What every observatory indicator answers for a year (`GET /api/v1/indicators/<name>`):
 * the value, its companion figures, its breakdowns, the ids of the records counted behind the
 * value (the drill-down and what a frozen report keeps), the definition with its version, and
 * the two dates of the figures.
 */
export interface YearIndicatorFigures<Name extends ImpactIndicator = ImpactIndicator> {
  /** One of the observatory's three, or `insertion` for the insertion indicator's year reading. */
  indicator: Name;
  year: number;
  /** The reference day (`YYYY-MM-DD`), applied to the facts' own dates. */
  asOf: string;
  /** The instant of knowledge (ISO date-time): only rows recorded by then are used. */
  knownAt: string;
  value: number;
  companions: { key: string; value: number | null; counted?: string[] }[];
  breakdown: { dimension: string; key: string; value: number; counted: string[] }[];
  /** Ids of the records counted in `value`, sorted. */
  counted: string[];
  definition: { version: string; text: Trilingual };
}

/** The question every year indicator answers (`knownAt` defaults to now, `asOf` to today). */
export interface YearIndicatorQuery {
  year: number;
  /** `YYYY-MM-DD` */
  asOf: string;
  knownAt: Date;
}

/** One record behind a figure, as the drill-down lists and the frozen report show it. */
export interface CountedRecord {
  id: string;
  /** Title or name in the requested language when the record has it, else its original. */
  label: string;
  /** The record's own date that placed it in the year (published, released, signed…), `YYYY-MM-DD`. */
  date: string | null;
  /** The staff page of the record in the web app, e.g. `/observatory/publications/<id>`. */
  path: string;
}

/**
 * What a registry gives the impact page and the frozen report (api-indicators), implemented by
 * each registry library's indicator service: the figures for a year, and the records behind a
 * list of counted ids.
 */
export interface YearIndicatorSource<Name extends ImpactIndicator = ImpactIndicator> {
  readonly indicator: Name;
  compute(query: YearIndicatorQuery): Promise<YearIndicatorFigures<Name>>;
  describe(ids: readonly string[], locale: Locale): Promise<CountedRecord[]>;
}

import type { Locale, RegionCode } from './vocabularies';

/**
 * The practice library's vocabularies and rules (OBSERVATORY.md, "Practice library"), shared by
 * the server, the printed sheet and the web app: a practice sheet capitalises one intervention
 * model for decision makers — what was tried, for whom, at what cost, with what evidence, and
 * what it takes to replicate it.
 */

/** `draft` → `in_review` → `published` → `archived` (transitions below). */
export const PRACTICE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/**
 * Who may move a sheet where:
 * - an author submits a draft for review;
 * - a reviewer (an editor who is not an author) returns it to draft with comments, or publishes
 *   it once the evidence level is set with its justification;
 * - a published sheet is archived (it leaves the public library) or reopened as a draft for a
 *   new edition (the public keeps reading its last published version until the next one);
 * - an archived sheet may be reopened as a draft.
 */
export const PRACTICE_TRANSITIONS: Readonly<Record<PracticeStatus, readonly PracticeStatus[]>> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  published: ['archived', 'draft'],
  archived: ['draft'],
};

export const canMovePractice = (from: PracticeStatus, to: PracticeStatus): boolean =>
  PRACTICE_TRANSITIONS[from].includes(to);

/**
 * Evidence levels 1–5 (Nesta's standards of evidence, as OBSERVATORY.md words them). Their
 * labels and descriptions are in the i18n files under `practices.evidence.<level>`.
 */
export const PRACTICE_EVIDENCE_LEVELS = [1, 2, 3, 4, 5] as const;
export type PracticeEvidenceLevel = (typeof PRACTICE_EVIDENCE_LEVELS)[number];
export const PRACTICE_EVIDENCE_LEVEL_CODES: Readonly<Record<PracticeEvidenceLevel, string>> = {
  1: 'described',
  2: 'change_observed',
  3: 'causality_shown',
  4: 'independently_replicated',
  5: 'ready_to_scale',
};

export const isPracticeEvidenceLevel = (value: unknown): value is PracticeEvidenceLevel =>
  typeof value === 'number' && (PRACTICE_EVIDENCE_LEVELS as readonly number[]).includes(value);

/** The fields of social innovation a sheet belongs to (one or more; a search facet). */
export const PRACTICE_THEMES = [
  'employment_insertion',
  'social_entrepreneurship',
  'cooperatives_social_economy',
  'education_training',
  'health_wellbeing',
  'women_empowerment',
  'youth',
  'rural_development',
  'environment_climate',
  'digital_inclusion',
  'culture_heritage',
  'governance_participation',
  'other',
] as const;
export type PracticeTheme = (typeof PRACTICE_THEMES)[number];

/** Whom the intervention serves (one or more; a search facet). */
export const PRACTICE_POPULATIONS = [
  'youth_neet',
  'women',
  'rural_households',
  'persons_with_disabilities',
  'cooperative_members',
  'project_holders',
  'smallholder_farmers',
  'migrants',
  'children',
  'elderly',
  'general_public',
] as const;
export type PracticePopulation = (typeof PRACTICE_POPULATIONS)[number];

/**
 * The sheet's texts, written per language (one language is the original, the others are marked
 * as translations). In the order a reader meets them on the page and in the PDF; each has its
 * label under `practices.field.<name>` in the i18n files and in the PDF's three languages.
 */
export const PRACTICE_TEXT_FIELDS = [
  'title',
  'summary',
  'problem',
  'context',
  'targetPopulation',
  'intervention',
  'coreComponents',
  'adaptableComponents',
  'partnersAndRoles',
  'costNarrative',
  'results',
  'replicationConditions',
  'knownReplications',
] as const;
export type PracticeTextField = (typeof PRACTICE_TEXT_FIELDS)[number];

/** Fields a sheet needs in its original language before it can be submitted for review. */
export const PRACTICE_REQUIRED_FIELDS: readonly PracticeTextField[] = [
  'title',
  'summary',
  'problem',
  'intervention',
  'coreComponents',
  'results',
  'replicationConditions',
];

export const PRACTICE_LIMITS = {
  titleMax: 200,
  summaryMax: 1000,
  /** Every other text field (plain text with line breaks; no HTML). */
  textMax: 8000,
  justificationMax: 2000,
  commentMax: 2000,
  resultFiguresMax: 20,
  contactsMax: 10,
  linksMax: 50,
  attachmentsMax: 20,
} as const;

export type PracticeTexts = Partial<Record<PracticeTextField, string>>;

/** One result with a figure ("taux d'insertion à 12 mois: 64 %"). */
export interface PracticeResultFigure {
  label: Partial<Record<Locale, string>>;
  value: number;
  unit: string | null;
}

/** What links a sheet to the rest of the platform (ids of each registry). */
export interface PracticeLinks {
  toolIds: string[];
  publicationIds: string[];
  courseIds: string[];
  partnershipIds: string[];
}

/**
 * Everything the printed sheet and the public page show of one published version: the input of
 * the PDF renderer and of the schema.org metadata, built by the practices library from a
 * published version (contacts already filtered to those with recorded consent).
 */
export interface PublishedPracticeSheet {
  id: string;
  /** The published version's number (1, 2, …): the PDF and the page say which edition they show. */
  version: number;
  slug: string;
  originalLanguage: Locale;
  /** Texts per language present; translations are marked in `translatedLanguages`. */
  texts: Partial<Record<Locale, PracticeTexts>>;
  translatedLanguages: Locale[];
  regions: RegionCode[];
  themes: PracticeTheme[];
  populations: PracticePopulation[];
  /** In Moroccan dirhams; null when unknown. */
  totalCostMad: number | null;
  costPerBeneficiaryMad: number | null;
  beneficiaries: number | null;
  /** Years the intervention ran (`startYear` alone when still running). */
  startYear: number | null;
  endYear: number | null;
  resultFigures: PracticeResultFigure[];
  evidenceLevel: PracticeEvidenceLevel;
  evidenceJustification: Partial<Record<Locale, string>>;
  contacts: {
    name: string;
    role: string | null;
    organisation: string | null;
    email: string | null;
    phone: string | null;
  }[];
  links: PracticeLinks;
  /** `YYYY-MM-DD` of the published version. */
  publishedOn: string;
  /** The public page's absolute URL (printed on the PDF, the schema.org `url`). */
  url: string;
}

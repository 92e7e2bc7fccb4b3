/**
 * Vocabularies and pure rules of placements ("insertion"): a trained person's situation after
 * training (PRODUCT.md, "Placement" and "The indicator"). Shared by the server and the web app.
 */
export const SITUATION_KINDS = [
  'wage_employment',
  'self_employment',
  'enterprise_creation',
  'cooperative',
  'internship',
  'further_studies',
  'seeking',
  'inactive',
] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];

/**
 * The kinds that count as insertion in the indicator (PRODUCT.md, "The indicator"). Every other
 * kind is an answer that is not insertion: the person has responded, and is neither inserted nor
 * employed. Among them, only `seeking` is looking for work; `inactive` (not working and not
 * looking for work: caring for family, illness, by choice) is neither inserted nor job-seeking,
 * like further studies or an internship. See `indicatorReadingOf`.
 */
export const INSERTING_SITUATION_KINDS = [
  'wage_employment',
  'self_employment',
  'enterprise_creation',
  'cooperative',
] as const satisfies readonly SituationKind[];

/**
 * The follow-up horizons, in calendar months after completion (PRODUCT: 6, 9 and 12): when a
 * trained person is asked about their situation, and the horizons the indicator is computed at.
 */
export const FOLLOWUP_HORIZONS = [6, 9, 12] as const;
export type FollowupHorizon = (typeof FOLLOWUP_HORIZONS)[number];

export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'insertion_contract', 'other'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const EVIDENCE_LEVELS = ['declared', 'confirmed', 'documented'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const PLACEMENT_SOURCES = ['officer', 'survey', 'employer'] as const;
export type PlacementSource = (typeof PLACEMENT_SOURCES)[number];

export const ORGANISATION_KINDS = [
  'association',
  'incubator',
  'university',
  'public_body',
  'funder',
  'company',
  'cooperative',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const isInsertingKind = (kind: SituationKind): boolean =>
  (INSERTING_SITUATION_KINDS as readonly SituationKind[]).includes(kind);

/** How the indicator reads a validated situation of a kind (counted in "responded" in every case). */
export type IndicatorReading = 'inserted' | 'job_seeking' | 'neither';

/**
 * The indicator's rule, kind by kind: inserting kinds make a person inserted (and employed while
 * ongoing on the reference date); `seeking` is a respondent looking for work; every other kind
 * (internship, further studies, inactive) is a respondent neither inserted nor job-seeking.
 */
export function indicatorReadingOf(kind: SituationKind): IndicatorReading {
  if (isInsertingKind(kind)) return 'inserted';
  return kind === 'seeking' ? 'job_seeking' : 'neither';
}

/**
 * Kinds that happen somewhere: an employer, the created enterprise or cooperative, the host of
 * the internship. The place is named (a registered organisation or a free name) and the sector and
 * position are given. Self-employment, further studies, seeking work and inactivity may leave them
 * out.
 */
export const SITUATION_KINDS_WITH_STRUCTURE = [
  'wage_employment',
  'enterprise_creation',
  'cooperative',
  'internship',
] as const satisfies readonly SituationKind[];

export const needsStructure = (kind: SituationKind): boolean =>
  (SITUATION_KINDS_WITH_STRUCTURE as readonly SituationKind[]).includes(kind);

/** Limits of the free-text fields (the migration has the same). */
export const PLACEMENT_TEXT_LIMITS = {
  employerName: 160,
  sector: 120,
  position: 120,
  note: 1000,
} as const;

/**
 * Every fact a situation records, in the order forms, imports, exports and version comparisons
 * list them: the one list the placement DTOs, the CSV import's columns and the officer's form use.
 */
export const PLACEMENT_FACT_FIELDS = [
  'kind',
  'contract',
  'organisationId',
  'employerName',
  'sector',
  'position',
  'regionCode',
  'startOn',
  'endOn',
  'source',
  'evidence',
  'note',
] as const;
export type PlacementFactField = (typeof PLACEMENT_FACT_FIELDS)[number];

/** The facts of a situation, as the rules below see them. */
export interface SituationFacts {
  kind: SituationKind;
  contract: ContractType | null;
  organisationId: string | null;
  employerName: string | null;
  sector: string | null;
  position: string | null;
  startOn: string;
  endOn: string | null;
}

export interface SituationProblem {
  field: keyof SituationFacts;
  message: string;
}

/**
 * What is wrong with a situation taken as a whole (each field is checked on its own by the DTO
 * or the CSV reader first): the contract exists exactly for wage employment, the place is named
 * once (organisation or free name) and is required where the kind has one, the end is not before
 * the start, and the start is not in the future (a situation is a fact, not a plan). The database
 * holds the same rules as CHECK constraints.
 */
export function situationProblems(facts: SituationFacts, today: string): SituationProblem[] {
  const problems: SituationProblem[] = [];
  const problem = (field: keyof SituationFacts, message: string) =>
    problems.push({ field, message });
  if (facts.kind === 'wage_employment' && facts.contract === null) {
    problem('contract', 'contract is required for wage employment');
  }
  if (facts.kind !== 'wage_employment' && facts.contract !== null) {
    problem('contract', 'contract is given only for wage employment');
  }
  if (facts.organisationId !== null && facts.employerName !== null) {
    problem('employerName', 'give either organisationId or employerName, not both');
  }
  if (needsStructure(facts.kind)) {
    if (facts.organisationId === null && facts.employerName === null) {
      problem('employerName', `organisationId or employerName is required for ${facts.kind}`);
    }
    if (facts.sector === null) problem('sector', `sector is required for ${facts.kind}`);
    if (facts.position === null) problem('position', `position is required for ${facts.kind}`);
  }
  if (facts.startOn > today) problem('startOn', `startOn cannot be in the future (${today})`);
  if (facts.endOn !== null && facts.endOn < facts.startOn) {
    problem('endOn', 'endOn cannot be before startOn');
  }
  return problems;
}

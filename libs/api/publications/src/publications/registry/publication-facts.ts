import {
  normalizeDoi,
  normalizeForSearch,
  normalizeIsbn,
  normalizeOrcid,
  PUBLICATION_TYPES,
} from '@oris/shared/domain';
import type {
  Attribution,
  DatePrecision,
  OpenAccessStatus,
  PublicationType,
} from '@oris/shared/domain';
import type { PublicationTitle } from '../entities/publication.entity';

/** A contributor as the API and the import take it. */
export interface ContributorInput {
  role?: 'author' | 'editor';
  familyName?: string | null;
  givenNames?: string | null;
  nameAr?: string | null;
  orcid?: string | null;
  affiliations?: string[];
  orisAffiliation?: boolean;
}

export interface IndexRecordInput {
  index: string;
  externalId?: string | null;
  verifiedOn: string;
}

/** A publication as the API and the import take it (before normalisation). */
export interface PublicationInput {
  type: PublicationType;
  titles: { language: string; title: string; abstract?: string | null; original?: boolean }[];
  publishedOn: string;
  publishedOnPrecision?: DatePrecision;
  doi?: string | null;
  isbn?: string | null;
  url?: string | null;
  serialId?: string | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
  peerReviewed?: boolean | null;
  openAccess?: OpenAccessStatus | null;
  licence?: string | null;
  attribution?: Attribution | null;
  attributionEvidence?: string | null;
  retractedOn?: string | null;
  contributors?: ContributorInput[];
  indexRecords?: IndexRecordInput[];
}

export interface NormalizedContributor {
  role: 'author' | 'editor';
  familyName: string | null;
  givenNames: string | null;
  nameAr: string | null;
  orcid: string | null;
  affiliations: string[];
  orisAffiliation: boolean;
}

/** A publication ready to store: identifiers normalised, the date at its precision. */
export interface PublicationFacts {
  type: PublicationType;
  titles: PublicationTitle[];
  title: string;
  language: string;
  publishedOn: string;
  publishedOnPrecision: DatePrecision;
  doi: string | null;
  isbn: string | null;
  url: string | null;
  serialId: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  peerReviewed: boolean | null;
  openAccess: OpenAccessStatus | null;
  licence: string | null;
  attribution: Attribution | null;
  attributionEvidence: string | null;
  retractedOn: string | null;
  contributors: NormalizedContributor[];
  indexRecords: { index: string; externalId: string | null; verifiedOn: string }[];
}

/** A problem with one field of a publication: a code the web app translates, and its values. */
export interface PublicationProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

const MESSAGES: Record<string, (problem: PublicationProblem) => string> = {
  type_unknown: (p) => `${p.field} must be one of ${PUBLICATION_TYPES.join(', ')}`,
  title_missing: (p) => `${p.field} must have at least one title`,
  original_title_count: (p) => `${p.field} must mark exactly one title as original`,
  title_language_repeated: (p) => `${p.field} has two titles in ${p.params?.['language']}`,
  date_missing: (p) => `${p.field} is required`,
  doi_invalid: (p) => `${p.field} is not a DOI (10.<4 to 9 digits>/<suffix>)`,
  isbn_invalid: (p) => `${p.field} is not a valid ISBN (check digit)`,
  orcid_invalid: (p) => `${p.field} is not a valid ORCID iD (check digit)`,
  contributor_name_missing: (p) => `${p.field} needs a family name or an Arabic name`,
  attribution_evidence_required: (p) =>
    `${p.field} is required when the work is attributed to ORIS`,
  retracted_before_published: (p) => `${p.field} cannot be before publishedOn`,
  index_repeated: (p) => `${p.field} lists ${p.params?.['index']} twice`,
};

/** The message of a problem in the API's own language (English), for problem+json. */
export const problemMessage = (problem: PublicationProblem): string =>
  (MESSAGES[problem.code] ?? ((p: PublicationProblem) => `${p.field} is invalid (${p.code})`))(
    problem,
  );

/** The first day of the date's month or year, as a date of that precision is stored. */
export function dateAtPrecision(day: string, precision: DatePrecision): string {
  if (precision === 'year') return `${day.slice(0, 4)}-01-01`;
  if (precision === 'month') return `${day.slice(0, 7)}-01`;
  return day;
}

/**
 * The rules of a publication beyond the shapes the DTOs check: one original title, a DOI,
 * ISBN and ORCID iDs that are what they say (normalised), evidence for an ORIS attribution, a
 * retraction after publication. Answers the normalised facts, or the problems found.
 */
export function checkPublication(
  input: PublicationInput,
): { facts: PublicationFacts; problems: [] } | { facts: null; problems: PublicationProblem[] } {
  const problems: PublicationProblem[] = [];
  if (!PUBLICATION_TYPES.includes(input.type))
    problems.push({ field: 'type', code: 'type_unknown' });
  const titles = (input.titles ?? []).map((title) => ({
    language: title.language,
    title: title.title.trim(),
    abstract: title.abstract?.trim() || null,
    original: title.original ?? false,
  }));
  if (titles.length === 0 || titles.some((title) => title.title === '')) {
    problems.push({ field: 'titles', code: 'title_missing' });
  }
  if (titles.length === 1) titles[0].original = true;
  if (titles.length > 0 && titles.filter((title) => title.original).length !== 1) {
    problems.push({ field: 'titles', code: 'original_title_count' });
  }
  const languages = new Set<string>();
  for (const title of titles) {
    if (languages.has(title.language)) {
      problems.push({
        field: 'titles',
        code: 'title_language_repeated',
        params: { language: title.language },
      });
    }
    languages.add(title.language);
  }
  if (!input.publishedOn) problems.push({ field: 'publishedOn', code: 'date_missing' });
  const doi = input.doi ? normalizeDoi(input.doi) : null;
  if (input.doi && !doi)
    problems.push({ field: 'doi', code: 'doi_invalid', params: { value: input.doi } });
  const isbn = input.isbn ? normalizeIsbn(input.isbn) : null;
  if (input.isbn && !isbn)
    problems.push({ field: 'isbn', code: 'isbn_invalid', params: { value: input.isbn } });
  const contributors = (input.contributors ?? []).map((contributor, index) => {
    const orcid = contributor.orcid ? normalizeOrcid(contributor.orcid) : null;
    if (contributor.orcid && !orcid) {
      problems.push({
        field: `contributors.${index}.orcid`,
        code: 'orcid_invalid',
        params: { value: contributor.orcid },
      });
    }
    if (!contributor.familyName?.trim() && !contributor.nameAr?.trim()) {
      problems.push({
        field: `contributors.${index}.familyName`,
        code: 'contributor_name_missing',
      });
    }
    return {
      role: contributor.role ?? 'author',
      familyName: contributor.familyName?.trim() || null,
      givenNames: contributor.givenNames?.trim() || null,
      nameAr: contributor.nameAr?.trim() || null,
      orcid,
      affiliations: (contributor.affiliations ?? []).map((a) => a.trim()).filter(Boolean),
      orisAffiliation: contributor.orisAffiliation ?? false,
    };
  });
  if (input.attribution && !input.attributionEvidence?.trim()) {
    problems.push({ field: 'attributionEvidence', code: 'attribution_evidence_required' });
  }
  const precision = input.publishedOnPrecision ?? 'day';
  const publishedOn = input.publishedOn ? dateAtPrecision(input.publishedOn, precision) : '';
  if (input.retractedOn && publishedOn && input.retractedOn < publishedOn) {
    problems.push({ field: 'retractedOn', code: 'retracted_before_published' });
  }
  const indexes = new Set<string>();
  for (const record of input.indexRecords ?? []) {
    if (indexes.has(record.index)) {
      problems.push({
        field: 'indexRecords',
        code: 'index_repeated',
        params: { index: record.index },
      });
    }
    indexes.add(record.index);
  }
  if (problems.length > 0) return { facts: null, problems };
  const original = titles.find((title) => title.original) as PublicationTitle;
  return {
    problems: [],
    facts: {
      type: input.type,
      titles,
      title: original.title,
      language: original.language,
      publishedOn,
      publishedOnPrecision: precision,
      doi,
      isbn,
      url: input.url ?? null,
      serialId: input.serialId ?? null,
      volume: input.volume ?? null,
      issue: input.issue ?? null,
      pages: input.pages ?? null,
      peerReviewed: input.peerReviewed ?? null,
      openAccess: input.openAccess ?? null,
      licence: input.licence ?? null,
      attribution: input.attribution ?? null,
      attributionEvidence: input.attribution ? (input.attributionEvidence?.trim() ?? null) : null,
      retractedOn: input.retractedOn ?? null,
      contributors,
      indexRecords: (input.indexRecords ?? []).map((record) => ({
        index: record.index,
        externalId: record.externalId ?? null,
        verifiedOn: record.verifiedOn,
      })),
    },
  };
}

/** The normalised text a search matches: every title, the contributors' names, the DOI. */
export function searchTextOf(facts: PublicationFacts): string {
  return normalizeForSearch(
    [
      ...facts.titles.map((title) => title.title),
      ...facts.contributors.flatMap((c) => [c.familyName, c.givenNames, c.nameAr]),
      facts.doi,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

import type { PublicationDetailDto, PublicationDto } from '../dto/publication.dto';
import type { PublicationTitle } from '../entities/publication.entity';

/** The columns of a publication list row (alias `p`, serial `s`). */
export const PUBLICATION_COLUMNS = `
  p.id, p.type, p.title, p.language, p.titles, p.published_on::text AS published_on,
  p.published_on_precision, p.doi, p.isbn, p.url, p.serial_id, p.volume, p.issue, p.pages,
  p.peer_reviewed, p.open_access, p.licence, p.attribution, p.attribution_evidence,
  p.retracted_on::text AS retracted_on, p.status, p.validated_at, p.merged_into_id,
  p.created_at, p.updated_at, s.title AS serial_title, coalesce(s.issn_print, s.issn_online) AS serial_issn,
  coalesce((SELECT jsonb_agg(to_jsonb(c) ORDER BY c.position) FROM publication_contributor c
    WHERE c.publication_id = p.id), '[]') AS contributors`;

export interface ContributorRow {
  position: number;
  role: 'author' | 'editor';
  family_name: string | null;
  given_names: string | null;
  name_ar: string | null;
  orcid: string | null;
  affiliations: string[];
  oris_affiliation: boolean;
}

export interface PublicationRow {
  id: string;
  type: PublicationDto['type'];
  title: string;
  language: string;
  titles: PublicationTitle[];
  published_on: string;
  published_on_precision: PublicationDto['publishedOnPrecision'];
  doi: string | null;
  isbn: string | null;
  url: string | null;
  serial_id: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  peer_reviewed: boolean | null;
  open_access: PublicationDto['openAccess'];
  licence: string | null;
  attribution: PublicationDto['attribution'];
  attribution_evidence: string | null;
  retracted_on: string | null;
  status: PublicationDto['status'];
  validated_at: Date | null;
  merged_into_id: string | null;
  created_at: Date;
  updated_at: Date;
  serial_title: string | null;
  serial_issn: string | null;
  contributors: ContributorRow[];
}

/** How a contributor is cited: `Family, Given`, else the Arabic name. */
export const contributorName = (c: ContributorRow): string =>
  c.family_name
    ? c.given_names
      ? `${c.family_name}, ${c.given_names}`
      : c.family_name
    : (c.name_ar ?? '');

export const toPublicationDto = (row: PublicationRow): PublicationDto => ({
  id: row.id,
  type: row.type,
  title: row.title,
  language: row.language,
  titles: row.titles.map((t) => ({
    language: t.language,
    title: t.title,
    abstract: t.abstract ?? null,
    original: t.original,
  })),
  publishedOn: row.published_on,
  publishedOnPrecision: row.published_on_precision,
  doi: row.doi,
  serialId: row.serial_id,
  serialTitle: row.serial_title,
  authors: row.contributors.map(contributorName),
  openAccess: row.open_access,
  attribution: row.attribution,
  retractedOn: row.retracted_on,
  status: row.status,
  mergedIntoId: row.merged_into_id,
});

export const toPublicationDetailDto = (
  row: PublicationRow,
  indexRecords: PublicationDetailDto['indexRecords'],
): PublicationDetailDto => ({
  ...toPublicationDto(row),
  isbn: row.isbn,
  url: row.url,
  volume: row.volume,
  issue: row.issue,
  pages: row.pages,
  peerReviewed: row.peer_reviewed,
  licence: row.licence,
  attributionEvidence: row.attribution_evidence,
  serialIssn: row.serial_issn,
  contributors: row.contributors.map((c) => ({
    position: c.position,
    role: c.role,
    familyName: c.family_name,
    givenNames: c.given_names,
    nameAr: c.name_ar,
    orcid: c.orcid,
    affiliations: c.affiliations,
    orisAffiliation: c.oris_affiliation,
  })),
  indexRecords,
  validatedAt: row.validated_at ? new Date(row.validated_at).toISOString() : null,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

import type { Locale, RegionCode } from './vocabularies';

/**
 * The observatory's one search (issue 17): practice sheets, knowledge tools, publications and
 * trainings found together by `GET /api/v1/search`. Each registry describes what the public may
 * find of one of its records as `SearchDocument`s (one per language it is written in) and hands
 * them to the search library's indexer in the same transaction as the write that changed them;
 * a record that leaves the public view (withdrawn, archived, unpublished) is removed the same way.
 */
export const SEARCH_KINDS = ['practice', 'tool', 'publication', 'course'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchDocument {
  kind: SearchKind;
  /** The record's id in its registry. */
  id: string;
  /** The language of `title` and `body`; `original` marks the record's own language. */
  language: Locale;
  original: boolean;
  title: string;
  /** Plain text (no markup) searched and cut into snippets: summary first, then the rest. */
  body: string;
  /** Facets; empty when the registry does not record them. */
  regions: RegionCode[];
  themes: string[];
  populations: string[];
  evidenceLevel: number | null;
  /** The record's own type inside its kind (publication type, tool kind, …), or null. */
  subtype: string | null;
  /** `YYYY-MM-DD` the record became public (published, released, validated), or null. */
  publishedOn: string | null;
  /** The public page in the web app, e.g. `/practices/<slug>`. */
  path: string;
}

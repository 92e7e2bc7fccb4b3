import { Injectable } from '@nestjs/common';
import { DEFAULT_LOCALE, searchTermsOf, type Locale, type SearchKind } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { FacetCountDto, SearchHitDto, SearchResultDto } from '../dto/search-result.dto';
import type { SearchQuery } from '../dto/search.query';
import { SearchCache } from './search-cache';
import {
  buildExpansionStatement,
  buildSearchStatement,
  tsqueryText,
  type SearchFacet,
  type SearchFilter,
} from './search-sql';
import { markedSegments, markedTermsOf, snippetOf, WordMarker } from './snippets';

interface HitRow {
  kind: SearchKind;
  id: string;
  language: Locale;
  original: boolean;
  title: string;
  body: string;
  regions: string[];
  themes: string[];
  populations: string[];
  evidenceLevel: number | null;
  subtype: string | null;
  publishedOn: string | null;
  path: string;
}

type ResultRow = {
  total: number;
  items: (HitRow & { position?: number })[];
} & Record<SearchFacet, FacetCountDto[]>;

/** A search's inputs once normalised: what its answer depends on, and nothing else. */
export type NormalizedSearch = Omit<SearchFilter, 'tsquery'> & {
  /** A query was typed but nothing in it is searchable (punctuation only): nothing matches. */
  nothing: boolean;
};

/**
 * The observatory's one search over `search_document` (see `buildSearchStatement`), its whole
 * answers kept by `SearchCache` until the index changes.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: SearchCache,
  ) {}

  /** The answer's JSON bytes (`SearchResultDto`), as kept by the cache and sent. */
  search(query: SearchQuery): Promise<Buffer> {
    const normalized = normalizeSearch(query);
    return this.cache.get(cacheKeyOf(normalized), async () =>
      Buffer.from(JSON.stringify(await this.load(normalized))),
    );
  }

  private async load(search: NormalizedSearch): Promise<SearchResultDto> {
    const empty: SearchResultDto = {
      items: [],
      total: 0,
      page: search.page,
      pageSize: search.pageSize,
      facets: { type: [], region: [], theme: [], population: [], evidence: [] },
    };
    if (search.nothing) return empty;
    let tsquery = '';
    const expansion = buildExpansionStatement(search.normalized);
    if (expansion) {
      const rows = (await this.dataSource.query(expansion.sql, expansion.params)) as {
        position: number;
        similar: string[];
        containing: string[];
      }[];
      tsquery = tsqueryText(
        search.normalized,
        [...rows].sort((a, b) => a.position - b.position),
      );
    }
    const statement = buildSearchStatement({ ...search, tsquery });
    const row = await this.dataSource.transaction(async (manager) => {
      // Every condition of the search has an index, and a bitmap of them reads only the
      // matching rows; the planner would rather read the whole table once a word matches a
      // quarter of it, evaluating the full text of every row (seconds at P11's 45,000
      // documents, against a few hundred milliseconds on the same busy machine). Listing
      // without words sorts every record once (one per language): in memory, not on disk.
      await manager.query(
        `SELECT set_config('enable_seqscan', 'off', true), set_config('work_mem', '16MB', true)`,
      );
      const [result] = (await manager.query(statement.sql, statement.params)) as ResultRow[];
      return result;
    });
    const marker = new WordMarker(markedTermsOf(search.normalized));
    return {
      ...empty,
      items: row.items.map(({ position: _position, ...hit }) => toHit(hit, marker)),
      total: row.total,
      facets: {
        type: row.type,
        region: row.region,
        theme: row.theme,
        population: row.population,
        evidence: row.evidence,
      },
    };
  }
}

/** The query's text normalised and its lists in one order, so that equal searches are equal. */
export function normalizeSearch(query: SearchQuery): NormalizedSearch {
  const typed = query.q?.trim() ?? '';
  const terms = typed ? searchTermsOf(typed) : null;
  const sorted = <T>(values: T[] | undefined): T[] => [...new Set(values ?? [])].sort();
  return {
    normalized: terms?.normalized ?? '',
    nothing: typed !== '' && !terms,
    types: sorted(query.type),
    regions: sorted(query.region),
    themes: sorted(query.theme),
    populations: sorted(query.population),
    evidence: [...new Set(query.evidence ?? [])].sort((a, b) => a - b),
    language: query.lang ?? DEFAULT_LOCALE,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The cache key of a search. Its answer depends on these and on the index only: the route is
 * public and the index holds only what the public may find, so no viewer enters it.
 */
export function cacheKeyOf(search: NormalizedSearch): string {
  return JSON.stringify([
    search.nothing ? null : search.normalized,
    search.types,
    search.regions,
    search.themes,
    search.populations,
    search.evidence,
    search.language,
    search.page,
    search.pageSize,
  ]);
}

function toHit({ body, ...hit }: HitRow, marker: WordMarker): SearchHitDto {
  return {
    ...hit,
    titleSegments: markedSegments(hit.title, marker),
    snippet: snippetOf(body, marker),
  };
}

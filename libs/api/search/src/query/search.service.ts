import { Injectable } from '@nestjs/common';
import { DEFAULT_LOCALE, type Locale, type SearchKind } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { FacetCountDto, SearchHitDto, SearchResultDto } from '../dto/search-result.dto';
import type { SearchQuery } from '../dto/search.query';
import { buildSearchStatement, type SearchFacet } from './search-sql';
import { markedSegments, markedTermsOf, snippetOf } from './snippets';

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

type ResultRow = { total: number; items: HitRow[] } & Record<SearchFacet, FacetCountDto[]>;

/** The observatory's one search over `search_document` (see `buildSearchStatement`). */
@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: SearchQuery): Promise<SearchResultDto> {
    const statement = buildSearchStatement({
      q: query.q,
      types: query.type ?? [],
      regions: query.region ?? [],
      themes: query.theme ?? [],
      populations: query.population ?? [],
      evidence: query.evidence ?? [],
      language: query.lang ?? DEFAULT_LOCALE,
      page: query.page,
      pageSize: query.pageSize,
    });
    const [row] = (await this.dataSource.query(statement.sql, statement.params)) as ResultRow[];
    const terms = markedTermsOf(statement.normalized);
    return {
      items: row.items.map((hit) => toHit(hit, terms)),
      total: row.total,
      page: query.page,
      pageSize: query.pageSize,
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

function toHit({ body, ...hit }: HitRow, terms: string[]): SearchHitDto {
  return {
    ...hit,
    titleSegments: markedSegments(hit.title, terms),
    snippet: snippetOf(body, terms),
  };
}

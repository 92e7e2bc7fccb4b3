import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INDEXED_PUBLICATION_TYPES } from '@oris/shared/domain';
import type {
  CountedRecord,
  Locale,
  PublicationType,
  YearIndicatorFigures,
  YearIndicatorQuery,
  YearIndicatorSource,
} from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { PublicationTitle } from '../entities/publication.entity';
import { PUBLICATIONS_DEFINITION_VERSION, publicationsDefinition } from './publications-definition';
import { PUBLICATIONS_OF_YEAR_SQL } from './publications-indicator-sql';

interface YearRow {
  id: string;
  type: PublicationType;
  language: string;
  open_access: string | null;
  title: string;
  published_on: string;
  indexes: string[];
}

/** The breakdown dimensions, in the order they are answered. */
export const PUBLICATION_BREAKDOWNS = ['index', 'type', 'language', 'openAccess'] as const;

/**
 * Indexed publications in year Y (OBSERVATORY.md): the value, its companions (all validated
 * ORIS-attributed publications of Y, and the share indexed), breakdowns by index, type, original
 * language and open-access status, and the ids behind each figure.
 */
@Injectable()
export class PublicationsIndicator implements YearIndicatorSource<'publications'> {
  readonly indicator = 'publications' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(query: YearIndicatorQuery): Promise<YearIndicatorFigures<'publications'>> {
    const rows: YearRow[] = await this.dataSource.query(PUBLICATIONS_OF_YEAR_SQL, [
      query.year,
      query.asOf,
      query.knownAt.toISOString(),
    ]);
    const counted = rows.filter(
      (row) => INDEXED_PUBLICATION_TYPES.includes(row.type) && row.indexes.length > 0,
    );
    const ids = (list: YearRow[]) => list.map((row) => row.id).sort();
    const breakdown: YearIndicatorFigures['breakdown'] = [];
    const group = (dimension: string, keysOf: (row: YearRow) => string[]) => {
      const groups = new Map<string, YearRow[]>();
      for (const row of counted) {
        for (const key of keysOf(row)) groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      for (const key of [...groups.keys()].sort()) {
        const members = groups.get(key) as YearRow[];
        breakdown.push({ dimension, key, value: members.length, counted: ids(members) });
      }
    };
    group('index', (row) => row.indexes);
    group('type', (row) => [row.type]);
    group('language', (row) => [row.language]);
    group('openAccess', (row) => [row.open_access ?? 'unknown']);
    return {
      indicator: 'publications',
      year: query.year,
      asOf: query.asOf,
      knownAt: query.knownAt.toISOString(),
      value: counted.length,
      companions: [
        { key: 'orisPublications', value: rows.length, counted: ids(rows) },
        {
          key: 'shareIndexed',
          value:
            rows.length === 0 ? null : Math.round((counted.length / rows.length) * 10000) / 10000,
        },
      ],
      breakdown,
      counted: ids(counted),
      definition: {
        version: PUBLICATIONS_DEFINITION_VERSION,
        text: publicationsDefinition(query.year, query.asOf, query.knownAt),
      },
    };
  }

  /** The records behind ids, in the order given: title in `locale` when the work has one. */
  async describe(ids: readonly string[], locale: Locale): Promise<CountedRecord[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; titles: PublicationTitle[]; title: string; published_on: string }[] =
      await this.dataSource.query(
        `SELECT id, titles, title, published_on::text AS published_on FROM publication WHERE id = ANY ($1)`,
        [ids],
      );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const inLocale = row.titles.find((title) => title.language === locale);
      return [
        {
          id,
          label: inLocale?.title ?? row.title,
          date: row.published_on,
          path: `/observatory/publications/${id}`,
        },
      ];
    });
  }
}

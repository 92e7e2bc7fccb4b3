import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CountedRecord,
  type Locale,
  MOROCCO_TIME_ZONE,
  type YearIndicatorFigures,
  type YearIndicatorQuery,
  type YearIndicatorSource,
} from '@oris/shared/domain';
import type { DataSource } from 'typeorm';
import { withRates } from '../engine/insertion-indicators.service';
import { qualifyingCompletions, referenceDate, situationLateral } from '../engine/insertion-sql';
import {
  INSERTION_YEAR_DEFINITION_VERSION,
  INSERTION_YEAR_HORIZON,
  insertionYearDefinition,
} from './insertion-year-definition';

/** The end of the `asOf` day ($3) in Morocco: a revocation dated after it had not happened. */
const AS_OF_END = `(($3::date + 1)::timestamp AT TIME ZONE '${MOROCCO_TIME_ZONE}')`;

interface PersonRow {
  id: string;
  eligible: boolean;
  inserted: boolean;
  employed: boolean;
  responded: boolean;
}

/**
 * The same persons and rules as the insertion indicator's live query (engine/insertion-sql.ts),
 * one row per person instead of counts: the persons whose reference training (the first
 * completed in the year) falls in [$1, $2], what is known of them at `asOf` ($3) and `knownAt`
 * ($4) at the six-month horizon.
 */
function personRows(): string {
  const m = INSERTION_YEAR_HORIZON;
  const refOn = referenceDate('r.completed_on', m);
  const knownAt = '$4::timestamptz';
  return `
    SELECT r.user_id::text AS id, (${refOn} <= $3::date) AS eligible,
           h_f.inserted, h_f.employed, h_f.responded
      FROM (SELECT DISTINCT ON (q.user_id) q.*
              FROM (${qualifyingCompletions({ asOfEnd: AS_OF_END, knownAt }, 'e.completed_on BETWEEN $1::date AND $2::date')}) q
             ORDER BY q.user_id, q.completed_on, q.training_start, q.enrollment_id) r
      ${situationLateral({ alias: 'h', refOn, horizon: m, knownAt })}
     ORDER BY 1`;
}

/**
 * "Professionals trained and inserted in year Y", as a year source of the impact report: the
 * insertion indicator over the persons who completed a training in Y, at six months. The
 * counted ids are person ids: they stay on staff pages and in staff exports, never public.
 */
@Injectable()
export class InsertionYearSource implements YearIndicatorSource {
  readonly indicator = 'insertion' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(query: YearIndicatorQuery): Promise<YearIndicatorFigures> {
    const from = `${query.year}-01-01`;
    const yearEnd = `${query.year}-12-31`;
    const to = yearEnd < query.asOf ? yearEnd : query.asOf;
    const rows: PersonRow[] =
      from > query.asOf
        ? []
        : await this.dataSource.query(personRows(), [
            from,
            to,
            query.asOf,
            query.knownAt.toISOString(),
          ]);
    const eligible = rows.filter((row) => row.eligible);
    const inserted = eligible.filter((row) => row.inserted);
    const counts = withRates({
      trained: rows.length,
      eligible: eligible.length,
      inserted: inserted.length,
      employed: eligible.filter((row) => row.employed).length,
      responded: eligible.filter((row) => row.responded).length,
    });
    return {
      indicator: 'insertion',
      year: query.year,
      asOf: query.asOf,
      knownAt: query.knownAt.toISOString(),
      value: counts.inserted,
      companions: [
        { key: 'trained', value: counts.trained },
        { key: 'eligible', value: counts.eligible },
        { key: 'responded', value: counts.responded },
        { key: 'employed', value: counts.employed },
        { key: 'insertionRate', value: counts.insertionRate },
        { key: 'employmentRate', value: counts.employmentRate },
        { key: 'responseRate', value: counts.responseRate },
        { key: 'lowerBoundRate', value: counts.lowerBoundRate },
      ],
      breakdown: [],
      counted: inserted.map((row) => row.id).sort(),
      definition: {
        version: INSERTION_YEAR_DEFINITION_VERSION,
        text: insertionYearDefinition(query.year, query.asOf, query.knownAt),
      },
    };
  }

  /** The persons behind the figure, by name (in Arabic when they gave it), in the ids' order. */
  async describe(ids: readonly string[], locale: Locale): Promise<CountedRecord[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; full_name: string; full_name_ar: string | null }[] =
      await this.dataSource.query(
        `SELECT id::text, full_name, full_name_ar FROM users WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const label = locale === 'ar' && row.full_name_ar ? row.full_name_ar : row.full_name;
      return [{ id, label, date: null, path: `/insertion/people/${id}` }];
    });
  }
}

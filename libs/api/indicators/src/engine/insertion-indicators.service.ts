import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestValidationException } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import type {
  InsertionCountsDto,
  InsertionGroupDto,
  InsertionIndicatorDto,
} from '../dto/insertion.dto';
import type { InsertionIndicatorQuery } from '../dto/insertion.query';
import { readRollupState } from '../rollup/insertion-rollup.service';
import { insertionDefinition } from './definition';
import {
  type CountsRow,
  type InsertionQuery,
  liveAggregate,
  rollupAggregate,
  totalOf,
} from './insertion-query';

/** Before any training on the platform or its recorded past: "no lower bound". */
const NO_LOWER_BOUND = '1900-01-01';

/** Today in Morocco, as YYYY-MM-DD: the default reference day. */
export function moroccoToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(now);
}

const rate = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

export function withRates(row: Omit<CountsRow, 'key'>): InsertionCountsDto {
  return {
    trained: row.trained,
    eligible: row.eligible,
    inserted: row.inserted,
    employed: row.employed,
    responded: row.responded,
    insertionRate: rate(row.inserted, row.responded),
    employmentRate: rate(row.employed, row.responded),
    responseRate: rate(row.responded, row.eligible),
    lowerBoundRate: rate(row.inserted, row.eligible),
  };
}

export type IndicatorSource = 'auto' | 'live' | 'rollup';

/**
 * The insertion indicator. Answers from the rollup when it exists and `asOf` is today (the
 * rollup holds the current state); from the raw tables otherwise — a past `asOf` needs the
 * state as it was at the end of that day, which only the version history holds.
 */
@Injectable()
export class InsertionIndicators {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(
    input: InsertionIndicatorQuery,
    source: IndicatorSource = 'auto',
  ): Promise<InsertionIndicatorDto> {
    const today = moroccoToday();
    const asOf = input.asOf ?? today;
    const query: InsertionQuery = {
      from: input.from ?? NO_LOWER_BOUND,
      to: input.to ?? asOf,
      months: input.months ?? 9,
      asOf,
      region: input.region,
      course: input.course,
      session: input.session,
      groupBy: input.groupBy,
    };
    // Nobody knows yet what a future day will say: the figures would change without any event.
    if (asOf > today) {
      throw new RequestValidationException([
        { field: 'asOf', message: 'asOf cannot be in the future' },
      ]);
    }
    if (query.from > query.to) {
      throw new RequestValidationException([
        { field: 'from', message: 'from must be on or before to' },
      ]);
    }
    const state = source === 'live' ? null : await readRollupState(this.dataSource);
    const useRollup = source === 'rollup' || (state !== null && asOf === today);
    const { sql, params } = useRollup ? rollupAggregate(query) : liveAggregate(query);
    const rows: CountsRow[] = await this.dataSource.query(sql, params);
    const total = totalOf(rows);
    const groups = query.groupBy ? rows : [];
    const labels = await this.labels(query, groups);
    const breakdown: InsertionGroupDto[] = groups.map((row) => ({
      key: row.key as string,
      ...(labels.has(row.key as string) ? { label: labels.get(row.key as string) } : {}),
      ...withRates(row),
    }));
    return {
      ...withRates(total),
      filters: {
        from: input.from ?? null,
        to: query.to,
        months: query.months,
        asOf,
        region: query.region ?? null,
        course: query.course ?? null,
        session: query.session ?? null,
        groupBy: query.groupBy ?? null,
      },
      definition: insertionDefinition(query.months),
      breakdown,
      freshness: {
        source: useRollup ? 'rollup' : 'live',
        refreshedAt: useRollup && state ? state.refreshedAt.toISOString() : null,
        computedAt: new Date().toISOString(),
      },
    };
  }

  /** Readable names of course and session groups (ids are the keys). */
  private async labels(query: InsertionQuery, groups: CountsRow[]): Promise<Map<string, string>> {
    const ids = groups.map((row) => row.key).filter((key): key is string => key !== 'unknown');
    if (ids.length === 0) return new Map();
    const rows: { id: string; label: string }[] =
      query.groupBy === 'course'
        ? await this.dataSource.query(
            `SELECT id::text, code || ' — ' || title AS label FROM course WHERE id = ANY($1::uuid[])`,
            [ids],
          )
        : query.groupBy === 'session'
          ? await this.dataSource.query(
              `SELECT s.id::text, c.code || ' — ' || s.title || ' (' || s.starts_on || ')' AS label
                 FROM course_session s JOIN course c ON c.id = s.course_id
                WHERE s.id = ANY($1::uuid[])`,
              [ids],
            )
          : [];
    return new Map(rows.map((row) => [row.id, row.label]));
  }
}

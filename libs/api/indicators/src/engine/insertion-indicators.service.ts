import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FieldError, RequestValidationException } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import type {
  InsertionCountsDto,
  InsertionGroupDto,
  InsertionIndicatorDto,
  InsertionNoteDto,
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

/** The reference day and the instant of knowledge a query asks for, checked. */
interface TwoDates {
  asOf: string;
  to: string;
  knownAt?: Date;
}

/**
 * `asOf` defaults to today, or to the day of `knownAt` when one is given (the report as it was
 * produced then). Neither may be in the future, and `knownAt` may not precede the `asOf` day: a
 * report on a day is produced on or after it (the rule a default `asOf` follows). The period
 * ends on `asOf` at the latest: a completion after it had not happened yet.
 */
function twoDates(input: InsertionIndicatorQuery, now: Date): TwoDates {
  const today = todayInMorocco(now);
  const knownAt = input.knownAt === undefined ? undefined : new Date(input.knownAt);
  const asOf = input.asOf ?? (knownAt && knownAt <= now ? todayInMorocco(knownAt) : today);
  const to = input.to === undefined || input.to > asOf ? asOf : input.to;
  const errors: FieldError[] = [];
  // Nobody knows yet what a future day will say: the figures would change without any event.
  if (asOf > today) errors.push({ field: 'asOf', message: 'asOf cannot be in the future' });
  if (knownAt && knownAt > now) {
    errors.push({ field: 'knownAt', message: 'knownAt cannot be in the future' });
  } else if (knownAt && asOf <= today && todayInMorocco(knownAt) < asOf) {
    errors.push({
      field: 'knownAt',
      message: 'knownAt cannot be before the asOf day (Morocco time)',
    });
  }
  const from = input.from ?? NO_LOWER_BOUND;
  if (input.to !== undefined && from > input.to) {
    errors.push({ field: 'from', message: 'from must be on or before to' });
  } else if (from > asOf) {
    errors.push({ field: 'from', message: 'from must be on or before asOf' });
  }
  if (errors.length > 0) throw new RequestValidationException(errors);
  return { asOf, to, ...(knownAt ? { knownAt } : {}) };
}

/**
 * The insertion indicator. `asOf` is the reference day applied to the facts' own dates, whenever
 * they were recorded; `knownAt` limits it to what was recorded and validated by an instant. The
 * default query (today, everything recorded) is answered from the rollup when it exists; a past
 * `asOf` or a `knownAt` is computed live from the raw tables.
 */
@Injectable()
export class InsertionIndicators {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(
    input: InsertionIndicatorQuery,
    source: IndicatorSource = 'auto',
  ): Promise<InsertionIndicatorDto> {
    const now = new Date();
    const { asOf, to, knownAt } = twoDates(input, now);
    const query: InsertionQuery = {
      from: input.from ?? NO_LOWER_BOUND,
      to,
      months: input.months ?? 9,
      asOf,
      ...(knownAt ? { knownAt: knownAt.toISOString() } : {}),
      region: input.region,
      course: input.course,
      session: input.session,
      groupBy: input.groupBy,
    };
    const state = source === 'live' ? null : await readRollupState(this.dataSource);
    // The rollup holds every fact as recorded at its rebuild: the answer for today, and for no
    // earlier instant (revocations made since a past day, versions superseded since `knownAt`).
    const useRollup =
      source === 'rollup' ||
      (source === 'auto' && state !== null && asOf === todayInMorocco(now) && !knownAt);
    const rows = await this.aggregate(query, useRollup);
    const total = totalOf(rows);
    const groups = query.groupBy ? rows : [];
    const labels = await this.labels(query, groups);
    const breakdown: InsertionGroupDto[] = groups.map((row) => ({
      key: row.key as string,
      ...(labels.has(row.key as string) ? { label: labels.get(row.key as string) } : {}),
      ...withRates(row),
    }));
    // What the answer knew: the instant asked for, the rollup's rebuild, or this computation.
    const knownAtApplied = knownAt ?? (useRollup && state ? state.refreshedAt : now);
    return {
      ...withRates(total),
      filters: {
        from: input.from ?? null,
        to: query.to,
        months: query.months,
        asOf,
        knownAt: knownAtApplied.toISOString(),
        region: query.region ?? null,
        course: query.course ?? null,
        session: query.session ?? null,
        groupBy: query.groupBy ?? null,
      },
      definition: insertionDefinition(query.months, asOf, knownAtApplied),
      notes: await this.notes(query, total),
      breakdown,
      freshness: {
        source: useRollup ? 'rollup' : 'live',
        refreshedAt: useRollup && state ? state.refreshedAt.toISOString() : null,
        computedAt: new Date().toISOString(),
      },
    };
  }

  private async aggregate(query: InsertionQuery, useRollup: boolean): Promise<CountsRow[]> {
    const { sql, params } = useRollup ? rollupAggregate(query) : liveAggregate(query);
    return this.dataSource.query(sql, params);
  }

  /**
   * Why an answer is empty, so that zeros are never left unexplained: nothing recorded by
   * `knownAt` (and how many persons were recorded since), no completion in the period, or
   * nobody's reference date reached by `asOf`.
   */
  private async notes(
    query: InsertionQuery,
    total: Omit<CountsRow, 'key'>,
  ): Promise<InsertionNoteDto[]> {
    if (total.trained > 0) {
      return total.eligible > 0
        ? []
        : [
            {
              code: 'none_eligible_yet',
              message: `No person trained in the period has reached the reference date (completion + ${query.months} months) by asOf.`,
            },
          ];
    }
    if (query.knownAt !== undefined) {
      const { knownAt: _, groupBy: __, ...everything } = query;
      const since = totalOf(await this.aggregate(everything, false)).trained;
      if (since > 0) {
        return [
          {
            code: 'recorded_after_known_at',
            message: `Nothing in this period had been recorded by knownAt: ${since} trained persons were recorded since.`,
            persons: since,
          },
        ];
      }
    }
    return [
      { code: 'no_completion_in_period', message: 'No qualifying completion in the period.' },
    ];
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

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import {
  type AuthenticatedUser,
  type FieldError,
  type Page,
  pageOf,
  RequestValidationException,
} from '@oris/api/platform';
import {
  type CountedRecord,
  dayInMorocco,
  DEFAULT_LOCALE,
  IMPACT_INDICATORS,
  type ImpactIndicator,
  todayInMorocco,
  type YearIndicatorQuery,
} from '@oris/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { type ImpactEntry, progressOf, trendYears } from './impact-figures';
import { type YearIndicatorSources, sourceOf, YEAR_INDICATOR_SOURCES } from './impact-sources';
import type {
  ImpactDto,
  ImpactQuery,
  LiveRecordsQuery,
  SetTargetBody,
  TargetDto,
} from './impact.dto';
import { ImpactErrorCode, ImpactException } from './impact.exception';

interface TargetRow {
  indicator: ImpactIndicator;
  year: number;
  target: string;
  baseline: string | null;
  set_by: string | null;
  set_at: Date;
}

const targetOf = (row: TargetRow): TargetDto => ({
  indicator: row.indicator,
  year: row.year,
  target: Number(row.target),
  baseline: row.baseline === null ? null : Number(row.baseline),
  setBy: row.set_by,
  setAt: row.set_at.toISOString(),
});

/** Who may see the persons behind the insertion figure: those who see the persons' pages. */
const PERSON_READERS: readonly string[] = ['placement_officer', 'admin'];

/** The records behind the insertion figure are persons: placement officers and admins only. */
export function mayReadRecords(user: AuthenticatedUser, indicator: ImpactIndicator): void {
  if (indicator === 'insertion' && !user.roles.some((role) => PERSON_READERS.includes(role))) {
    throw new ImpactException(ImpactErrorCode.PersonRecordsRestricted);
  }
}

/**
 * The two dates of a question, checked as the insertion indicator checks them: `asOf` defaults
 * to today (or the day of `knownAt`), neither in the future, `knownAt` not before the `asOf`
 * day; and the year not after the `asOf` day's.
 */
export function yearQuery(
  input: { year: number; asOf?: string; knownAt?: string | Date },
  now = new Date(),
): YearIndicatorQuery {
  const today = todayInMorocco(now);
  const knownAt = input.knownAt === undefined ? now : new Date(input.knownAt);
  const asOf = input.asOf ?? (knownAt <= now ? dayInMorocco(knownAt) : today);
  const errors: FieldError[] = [];
  if (asOf > today) errors.push({ field: 'asOf', message: 'asOf cannot be in the future' });
  if (knownAt > now) {
    errors.push({ field: 'knownAt', message: 'knownAt cannot be in the future' });
  } else if (dayInMorocco(knownAt) < asOf) {
    errors.push({
      field: 'knownAt',
      message: 'knownAt cannot be before the asOf day (Morocco time)',
    });
  }
  if (input.year > Number(asOf.slice(0, 4))) {
    errors.push({ field: 'year', message: 'year cannot be after the year of asOf' });
  }
  if (errors.length > 0) throw new RequestValidationException(errors);
  return { year: input.year, asOf, knownAt };
}

/**
 * The four indicators together (OBSERVATORY.md): each one's figures for a year from its source,
 * with the target and baseline an administrator set, and the trend over the previous years.
 */
@Injectable()
export class ImpactIndicators {
  constructor(
    @Inject(YEAR_INDICATOR_SOURCES) private readonly sources: YearIndicatorSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** The four indicators of a year; an indicator without a source is "not available". */
  async entries(query: YearIndicatorQuery, manager?: EntityManager): Promise<ImpactEntry[]> {
    const targets = await this.currentTargets([query.year], manager);
    return Promise.all(
      IMPACT_INDICATORS.map(async (indicator): Promise<ImpactEntry> => {
        const source = sourceOf(this.sources, indicator);
        const target = targets.get(`${indicator}:${query.year}`);
        return {
          indicator,
          available: source !== undefined,
          figures: source ? await source.compute(query) : null,
          target: target?.target ?? null,
          baseline: target?.baseline ?? null,
        };
      }),
    );
  }

  async impact(input: ImpactQuery): Promise<ImpactDto> {
    const query = yearQuery(input);
    const years = trendYears(query.year);
    const targets = await this.currentTargets(years);
    const entries = await this.entries(query);
    const indicators = await Promise.all(
      entries.map(async (entry) => {
        const source = sourceOf(this.sources, entry.indicator);
        const trend = await Promise.all(
          years.map(async (year) => ({
            year,
            value:
              year === query.year
                ? (entry.figures?.value ?? null)
                : source
                  ? (await source.compute({ ...query, year })).value
                  : null,
            target: targets.get(`${entry.indicator}:${year}`)?.target ?? null,
          })),
        );
        return {
          ...entry,
          progress: progressOf(entry.figures?.value ?? null, entry.baseline, entry.target),
          trend,
        };
      }),
    );
    return {
      year: query.year,
      asOf: query.asOf,
      knownAt: query.knownAt.toISOString(),
      indicators,
    };
  }

  /** The records behind an indicator's figure of a year, computed now, a page at a time. */
  async records(
    user: AuthenticatedUser,
    indicator: ImpactIndicator,
    input: LiveRecordsQuery,
  ): Promise<Page<CountedRecord>> {
    mayReadRecords(user, indicator);
    const query = yearQuery(input);
    const source = sourceOf(this.sources, indicator);
    if (!source) {
      throw new ImpactException(
        ImpactErrorCode.SourceNotAvailable,
        `No source computes ${indicator} here.`,
      );
    }
    const { counted } = await source.compute(query);
    const ids = counted.slice(input.skip, input.skip + input.pageSize);
    return pageOf(await source.describe(ids, input.lang ?? DEFAULT_LOCALE), counted.length, input);
  }

  /** Sets the target (and baseline) of an indicator for a year; the one it replaces is kept. */
  async setTarget(
    user: AuthenticatedUser,
    indicator: ImpactIndicator,
    year: number,
    body: SetTargetBody,
  ): Promise<TargetDto> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('oris.indicator-target'), $1)`, [
        year,
      ]);
      // An UPDATE answers [rows, count] through TypeORM.
      const [[previous]]: [TargetRow[], number] = await manager.query(
        `UPDATE indicator_target SET superseded_at = now()
          WHERE indicator = $1 AND year = $2 AND superseded_at IS NULL
        RETURNING indicator, year, target, baseline, set_by, set_at`,
        [indicator, year],
      );
      const [row]: TargetRow[] = await manager.query(
        `INSERT INTO indicator_target (indicator, year, target, baseline, set_by)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING indicator, year, target, baseline, set_by, set_at`,
        [indicator, year, body.target, body.baseline ?? null, user.id],
      );
      const target = targetOf(row);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'indicators.target_set',
        subjectType: 'indicator_target',
        subjectId: `${indicator}:${year}`,
        data: {
          indicator,
          year,
          target: target.target,
          baseline: target.baseline,
          ...(previous
            ? {
                previousTarget: Number(previous.target),
                previousBaseline: previous.baseline === null ? null : Number(previous.baseline),
              }
            : {}),
        },
      });
      return target;
    });
  }

  /** Every target set for an indicator and year, the current one first. */
  async targetHistory(indicator: ImpactIndicator, year: number): Promise<TargetDto[]> {
    const rows: TargetRow[] = await this.dataSource.query(
      `SELECT indicator, year, target, baseline, set_by, set_at FROM indicator_target
        WHERE indicator = $1 AND year = $2 ORDER BY set_at DESC, id`,
      [indicator, year],
    );
    return rows.map(targetOf);
  }

  private async currentTargets(
    years: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, TargetDto>> {
    const rows: TargetRow[] = await manager.query(
      `SELECT indicator, year, target, baseline, set_by, set_at FROM indicator_target
        WHERE year = ANY($1::int[]) AND superseded_at IS NULL`,
      [years],
    );
    return new Map(rows.map((row) => [`${row.indicator}:${row.year}`, targetOf(row)]));
  }
}

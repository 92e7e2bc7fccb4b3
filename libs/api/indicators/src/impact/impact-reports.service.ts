import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import {
  type AuthenticatedUser,
  type Page,
  pageOf,
  RequestValidationException,
} from '@oris/api/platform';
import {
  type CountedRecord,
  DEFAULT_LOCALE,
  type ImpactIndicator,
  type Locale,
} from '@oris/shared/domain';
import type { DataSource } from 'typeorm';
import { differencesBetween, type ImpactEntry, type IndicatorDifference } from './impact-figures';
import { type YearIndicatorSources, sourceOf, YEAR_INDICATOR_SOURCES } from './impact-sources';
import type { FreezeBody, RecordsQuery, ReportDto, ReportVersionDto } from './impact.dto';
import { ImpactErrorCode, ImpactException } from './impact.exception';
import { ImpactIndicators, mayReadRecords, yearQuery } from './impact.service';

interface ReportRow {
  year: number;
  version: number;
  as_of: string;
  known_at: Date;
  reason: string | null;
  figures: ImpactEntry[];
  differences: IndicatorDifference[] | null;
  frozen_by: string | null;
  frozen_by_name: string | null;
  frozen_at: Date;
}

const SELECT_REPORT = `
  SELECT r.year, r.version, to_char(r.as_of, 'YYYY-MM-DD') AS as_of, r.known_at, r.reason,
         r.figures, r.differences, r.frozen_by, u.full_name AS frozen_by_name, r.frozen_at
    FROM impact_report r LEFT JOIN users u ON u.id = r.frozen_by`;

export function versionOf(row: ReportRow): ReportVersionDto {
  return {
    year: row.year,
    version: row.version,
    restatement: row.version > 1,
    asOf: row.as_of,
    knownAt: row.known_at.toISOString(),
    frozenAt: row.frozen_at.toISOString(),
    frozenBy: row.frozen_by ? { id: row.frozen_by, name: row.frozen_by_name ?? '' } : null,
    reason: row.reason,
    indicators: row.figures,
    differences: row.differences,
  };
}

/**
 * The frozen yearly reports (OBSERVATORY.md): the four indicators' figures of a year with the
 * ids counted behind each, the definitions' versions, `asOf` and `knownAt` (the freeze instant),
 * never overwritten. Freezing a frozen year again is a restatement: the next version, with its
 * reason and its differences from the version before.
 */
@Injectable()
export class ImpactReports {
  constructor(
    @Inject(YEAR_INDICATOR_SOURCES) private readonly sources: YearIndicatorSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly impact: ImpactIndicators,
    private readonly audit: AuditLog,
  ) {}

  async freeze(user: AuthenticatedUser, year: number, body: FreezeBody): Promise<ReportVersionDto> {
    const version = await this.dataSource.transaction(async (manager) => {
      // One freeze of a year at a time: versions follow each other without a gap or a clash.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('oris.impact-report'), $1)`, [
        year,
      ]);
      const [previous]: ReportRow[] = await manager.query(
        `${SELECT_REPORT} WHERE r.year = $1 ORDER BY r.version DESC LIMIT 1`,
        [year],
      );
      const reason = body.reason?.trim() || null;
      if (previous && reason === null) {
        throw new RequestValidationException([
          {
            field: 'reason',
            message: `year ${year} is already frozen: a restatement needs its reason`,
          },
        ]);
      }
      // The instant of knowledge is the freeze itself.
      const query = yearQuery({ year, asOf: body.asOf, knownAt: new Date() });
      const figures = await this.impact.entries(query, manager);
      const differences = previous ? differencesBetween(previous.figures, figures) : null;
      const next = (previous?.version ?? 0) + 1;
      await manager.query(
        `INSERT INTO impact_report (year, version, as_of, known_at, reason, figures, differences,
                                    frozen_by, frozen_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $4)`,
        [
          year,
          next,
          query.asOf,
          query.knownAt.toISOString(),
          reason,
          JSON.stringify(figures),
          differences === null ? null : JSON.stringify(differences),
          user.id,
        ],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: next === 1 ? 'impact.report_frozen' : 'impact.report_restated',
        subjectType: 'impact_report',
        subjectId: `${year}:${next}`,
        data: {
          year,
          version: next,
          asOf: query.asOf,
          knownAt: query.knownAt.toISOString(),
          ...(reason ? { reason } : {}),
          ...Object.fromEntries(
            figures.map((entry) => [`${entry.indicator}Value`, entry.figures?.value ?? null]),
          ),
        },
      });
      return next;
    });
    return this.version(year, version);
  }

  async report(year: number): Promise<ReportDto> {
    const rows: ReportRow[] = await this.dataSource.query(
      `${SELECT_REPORT} WHERE r.year = $1 ORDER BY r.version`,
      [year],
    );
    return { year, versions: rows.map(versionOf) };
  }

  async version(year: number, version: number): Promise<ReportVersionDto> {
    const [row]: ReportRow[] = await this.dataSource.query(
      `${SELECT_REPORT} WHERE r.year = $1 AND r.version = $2`,
      [year, version],
    );
    if (!row) {
      throw new ImpactException(
        ImpactErrorCode.ReportNotFound,
        `Year ${year} has no frozen version ${version}.`,
      );
    }
    return versionOf(row);
  }

  /** The latest version of every frozen year, oldest year first (the public page's). */
  async latestVersions(): Promise<ReportVersionDto[]> {
    const rows: ReportRow[] = await this.dataSource.query(
      `SELECT * FROM (${SELECT_REPORT}) x
        WHERE x.version = (SELECT max(version) FROM impact_report m WHERE m.year = x.year)
        ORDER BY x.year`,
    );
    return rows.map(versionOf);
  }

  /** The records behind a frozen figure, described today by their source, a page at a time. */
  async records(
    user: AuthenticatedUser,
    year: number,
    version: number,
    indicator: ImpactIndicator,
    query: RecordsQuery,
  ): Promise<Page<CountedRecord>> {
    mayReadRecords(user, indicator);
    const frozen = await this.version(year, version);
    const source = sourceOf(this.sources, indicator);
    const entry = frozen.indicators.find((candidate) => candidate.indicator === indicator);
    if (!source || !entry?.figures) {
      throw new ImpactException(
        ImpactErrorCode.SourceNotAvailable,
        `No ${indicator} figure in this version, or no source to describe its records.`,
      );
    }
    const ids = entry.figures.counted.slice(query.skip, query.skip + query.pageSize);
    const locale: Locale = query.lang ?? DEFAULT_LOCALE;
    return pageOf(await source.describe(ids, locale), entry.figures.counted.length, query);
  }
}

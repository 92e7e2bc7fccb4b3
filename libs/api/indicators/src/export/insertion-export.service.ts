import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog, type AuditData } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { RegionsService } from '@oris/api/regions';
import { DEFAULT_LOCALE, type Locale } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { InsertionExportQuery } from '../dto/insertion.query';
import { insertionCsv } from '../engine/insertion-csv';
import { InsertionIndicators } from '../engine/insertion-indicators.service';
import { EXPORT_LABELS } from './export-labels';
import {
  type ExportNames,
  insertionExportTable,
  type InsertionExportTable,
} from './insertion-export-table';
import { insertionXlsx } from './insertion-xlsx';

export type ExportFormat = 'csv' | 'xlsx';

const REGION_NAME = { fr: 'nameFr', ar: 'nameAr', en: 'nameEn' } as const;

/**
 * The insertion indicator as a file, CSV or XLSX, in the reader's language (`lang`). A file
 * leaves the platform, so each export is recorded as an audit event with its filters and format
 * (law 09-08: staff exports are traced).
 */
@Injectable()
export class InsertionExport {
  constructor(
    private readonly indicators: InsertionIndicators,
    private readonly regions: RegionsService,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async csv(user: AuthenticatedUser, query: InsertionExportQuery): Promise<string> {
    return insertionCsv(await this.table(user, query, 'csv'));
  }

  async xlsx(user: AuthenticatedUser, query: InsertionExportQuery): Promise<Buffer> {
    const table = await this.table(user, query, 'xlsx');
    return insertionXlsx(table, EXPORT_LABELS[table.locale].sheet);
  }

  private async table(
    user: AuthenticatedUser,
    { lang, ...query }: InsertionExportQuery,
    format: ExportFormat,
  ): Promise<InsertionExportTable> {
    const locale: Locale = lang ?? DEFAULT_LOCALE;
    const result = await this.indicators.compute(query);
    const table = insertionExportTable(
      result,
      EXPORT_LABELS[locale],
      await this.names(query, locale),
      locale,
    );
    const filters: AuditData = Object.fromEntries(
      Object.entries(query).filter(([, value]) => value !== undefined),
    );
    await this.audit.record(this.dataSource.manager, {
      actorId: user.id,
      action: 'indicators.insertion_exported',
      subjectType: 'indicator',
      subjectId: 'insertion',
      data: { ...filters, format, lang: locale },
    });
    return table;
  }

  /** The names the file shows instead of codes and ids: regions, the chosen course and session. */
  private async names(
    query: Pick<InsertionExportQuery, 'course' | 'session'>,
    locale: Locale,
  ): Promise<ExportNames> {
    const regions = new Map(
      (await this.regions.list()).map((region) => [region.code, region[REGION_NAME[locale]]]),
    );
    const [course] = query.course
      ? ((await this.dataSource.query(
          `SELECT code || ' — ' || title AS name FROM course WHERE id = $1`,
          [query.course],
        )) as { name: string }[])
      : [];
    const [session] = query.session
      ? ((await this.dataSource.query(
          `SELECT s.title || ' (' || s.starts_on || ')' AS name FROM course_session s WHERE s.id = $1`,
          [query.session],
        )) as { name: string }[])
      : [];
    return {
      region: (code) => regions.get(code) ?? code,
      course: course?.name ?? null,
      session: session?.name ?? null,
    };
  }
}

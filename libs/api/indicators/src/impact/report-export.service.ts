import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { DEFAULT_LOCALE, type Locale } from '@oris/shared/domain';
import type { DataSource } from 'typeorm';
import { XLSX_TYPE } from '../export/insertion-xlsx';
import { ImpactReports } from './impact-reports.service';
import type { ReportFormat } from './impact.dto';
import { reportCsv, reportXlsx } from './report-files';
import { reportPdf } from './report-pdf';
import { reportTable } from './report-table';

export const REPORT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
  json: 'application/json; charset=utf-8',
};

export interface ReportFile {
  bytes: Buffer;
  type: string;
  fileName: string;
}

/**
 * A frozen version as a file: PDF (the certificates' fonts and text layer), CSV (the project's
 * writer), XLSX (exceljs, as the insertion export), or JSON (the version as the API gives it,
 * counted ids included: a staff file). Each export is an audit event, as files leave the platform.
 */
@Injectable()
export class ReportExport {
  constructor(
    private readonly reports: ImpactReports,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async file(
    user: AuthenticatedUser,
    year: number,
    version: number,
    format: ReportFormat,
    lang: Locale | undefined,
  ): Promise<ReportFile> {
    const locale = lang ?? DEFAULT_LOCALE;
    const frozen = await this.reports.version(year, version);
    const table = reportTable(frozen, locale);
    const bytes =
      format === 'pdf'
        ? await reportPdf(table, new Date(frozen.frozenAt))
        : format === 'csv'
          ? Buffer.from(reportCsv(table), 'utf8')
          : format === 'xlsx'
            ? await reportXlsx(table)
            : Buffer.from(JSON.stringify(frozen, null, 2), 'utf8');
    await this.audit.record(this.dataSource.manager, {
      actorId: user.id,
      action: 'impact.report_exported',
      subjectType: 'impact_report',
      subjectId: `${year}:${version}`,
      data: { year, version, format, lang: locale },
    });
    return {
      bytes,
      type: REPORT_TYPES[format],
      fileName: `oris-impact-${year}-v${version}-${locale}.${format}`,
    };
  }
}

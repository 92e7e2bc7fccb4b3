import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { CsvSyntaxError, parseCsv } from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { EvidenceFiles } from '../coverage/evidence-files';
import type {
  CoverageImportQuery,
  CoverageImportReportDto,
  CoverageImportRowDto,
} from '../dto/coverage-import.dto';
import { SerialErrorCode, SerialException } from '../serials.exception';
import {
  type CoverageListRow,
  readCoverageList,
  UnknownListFormatError,
} from './coverage-list-formats';

/** Rows listed in the answer; the counts always cover the whole list. */
export const IMPORT_REPORT_MAX_ITEMS = 2000;
const BATCH = 2000;

interface KnownSerial {
  id: string;
  title: string;
}

interface CurrentCoverage {
  id: string;
  toYear: number | null;
  state: string;
  checkedOn: string;
  evidenceSha256: string | null;
  evidenceUrl: string | null;
}

interface PlannedRow {
  row: CoverageListRow;
  report: CoverageImportRowDto;
  /** For a new serial: its key among the serials to create (its first ISSN). */
  newKey: string | null;
  supersede: string[];
}

const chunks = <T>(items: T[], size = BATCH): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/**
 * Loads an index's coverage list (DOAJ, Scopus, Web of Science, ARCI, or the template), offline.
 * Rows are matched to serials by print or online ISSN; a row without a match creates its serial;
 * each coverage range is added, supersedes the current row for (serial, index, fromYear), or is
 * unchanged. The uploaded file is the evidence of every row it writes, stored once by its SHA-256.
 * Rows with a problem are left out and reported. A dry run plans the same and writes nothing.
 * Set-based: the serials and the index's current rows are read with a few `= ANY` queries, and
 * the writes go in batches of `unnest` arrays, so 50,000 rows take seconds, not minutes.
 */
@Injectable()
export class CoverageImport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceFiles,
    private readonly audit: AuditLog,
  ) {}

  async run(
    actor: AuthenticatedUser,
    query: CoverageImportQuery,
    bytes: Buffer,
  ): Promise<CoverageImportReportDto> {
    const dryRun = query.dryRun ?? false;
    let list;
    try {
      const text = bytes.toString('utf8');
      list = readCoverageList(parseCsv(text), {
        format: query.format,
        defaultFromYear: query.fromYear ?? Number(query.checkedOn.slice(0, 4)),
      });
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw new SerialException(SerialErrorCode.ImportFileInvalid, error.message);
      }
      if (error instanceof UnknownListFormatError) {
        throw new SerialException(SerialErrorCode.ImportFormatUnknown, error.message);
      }
      throw error;
    }
    const evidenceSha256 = createHash('sha256').update(bytes).digest('hex');
    if (!dryRun) await this.evidence.store(bytes);

    return this.dataSource.transaction(async (manager) => {
      // Writes wait for no one and no one writes serials meanwhile: the plan stays true.
      if (!dryRun) await manager.query(`LOCK TABLE serial IN EXCLUSIVE MODE`);
      const planned = await this.plan(manager, list.rows, query, evidenceSha256);
      if (!dryRun) await this.apply(manager, actor, planned, query, evidenceSha256);
      const reports = planned.map((entry) => entry.report);
      const count = (action: string) =>
        reports.reduce(
          (sum, report) => sum + report.coverage.filter((c) => c.action === action).length,
          0,
        );
      const rejected = reports.filter((report) => report.serial === 'rejected');
      const ordered = [...rejected, ...reports.filter((report) => report.serial !== 'rejected')];
      const summary: CoverageImportReportDto = {
        dryRun,
        format: list.format,
        index: query.index,
        checkedOn: query.checkedOn,
        evidenceSha256,
        rows: reports.length,
        matched: reports.filter((report) => report.serial === 'matched').length,
        newSerials: reports.filter((report) => report.serial === 'new').length,
        coverageAdded: count('add'),
        coverageSuperseded: count('supersede'),
        coverageUnchanged: count('unchanged'),
        rejected: rejected.length,
        items: ordered.slice(0, IMPORT_REPORT_MAX_ITEMS),
        truncated: ordered.length > IMPORT_REPORT_MAX_ITEMS,
      };
      if (!dryRun) {
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'serial_coverage.imported',
          subjectType: 'observatory_index',
          subjectId: query.index,
          data: {
            format: summary.format,
            checkedOn: summary.checkedOn,
            evidenceSha256,
            rows: summary.rows,
            newSerials: summary.newSerials,
            coverageAdded: summary.coverageAdded,
            coverageSuperseded: summary.coverageSuperseded,
            rejected: summary.rejected,
          },
        });
      }
      return summary;
    });
  }

  private async plan(
    manager: EntityManager,
    rows: CoverageListRow[],
    query: CoverageImportQuery,
    evidenceSha256: string,
  ): Promise<PlannedRow[]> {
    const issns = [
      ...new Set(rows.flatMap((row) => [row.issnPrint, row.issnOnline]).filter((i) => i !== null)),
    ] as string[];
    const byIssn = new Map<string, KnownSerial>();
    for (const batch of chunks(issns, 10_000)) {
      const found: { id: string; title: string; issnPrint: string; issnOnline: string }[] =
        await manager.query(
          `SELECT id, title, issn_print AS "issnPrint", issn_online AS "issnOnline" FROM serial
            WHERE issn_print = ANY($1) OR issn_online = ANY($1)`,
          [batch],
        );
      for (const serial of found) {
        if (serial.issnPrint) byIssn.set(serial.issnPrint, serial);
        if (serial.issnOnline) byIssn.set(serial.issnOnline, serial);
      }
    }
    const serialIds = [...new Set([...byIssn.values()].map((serial) => serial.id))];
    const current = new Map<string, CurrentCoverage>();
    for (const batch of chunks(serialIds, 10_000)) {
      const found = await manager.query(
        `SELECT id, serial_id AS "serialId", from_year AS "fromYear", to_year AS "toYear", state,
                to_char(checked_on, 'YYYY-MM-DD') AS "checkedOn", evidence_sha256 AS "evidenceSha256",
                evidence_url AS "evidenceUrl"
           FROM serial_coverage
          WHERE index_code = $1 AND superseded_at IS NULL AND serial_id = ANY($2)`,
        [query.index, batch],
      );
      for (const row of found) current.set(`${row.serialId}:${row.fromYear}`, row);
    }

    const lineOfSerial = new Map<string, number>();
    return rows.map((row) => {
      const problems = [...row.problems];
      const byPrint = row.issnPrint ? byIssn.get(row.issnPrint) : undefined;
      const byOnline = row.issnOnline ? byIssn.get(row.issnOnline) : undefined;
      if (byPrint && byOnline && byPrint.id !== byOnline.id) {
        problems.push({
          code: 'issns_match_two_serials',
          params: { issnPrint: row.issnPrint as string, issnOnline: row.issnOnline as string },
        });
      }
      const serial = byPrint ?? byOnline ?? null;
      // Two rows of the file for one serial (one by its print ISSN, one by its online ISSN).
      const earlier = serial ? lineOfSerial.get(serial.id) : undefined;
      if (serial && earlier !== undefined && problems.length === 0) {
        problems.push({
          code: 'duplicate_in_file',
          params: { issn: (row.issnPrint ?? row.issnOnline) as string, line: earlier },
        });
      } else if (serial && earlier === undefined) lineOfSerial.set(serial.id, row.line);
      const report: CoverageImportRowDto = {
        line: row.line,
        title: row.title,
        issnPrint: row.issnPrint,
        issnOnline: row.issnOnline,
        serial: problems.length > 0 ? 'rejected' : serial ? 'matched' : 'new',
        serialId: serial?.id ?? null,
        serialTitle: serial?.title ?? null,
        coverage: [],
        problems,
        warnings: row.warnings,
      };
      const supersede: string[] = [];
      if (problems.length === 0) {
        for (const range of row.ranges) {
          const existing = serial ? current.get(`${serial.id}:${range.fromYear}`) : undefined;
          const same =
            existing &&
            existing.toYear === range.toYear &&
            existing.state === range.state &&
            existing.checkedOn === query.checkedOn &&
            existing.evidenceSha256 === evidenceSha256 &&
            existing.evidenceUrl === row.evidenceUrl;
          if (existing && !same) supersede.push(existing.id);
          report.coverage.push({
            ...range,
            action: !existing ? 'add' : same ? 'unchanged' : 'supersede',
          });
        }
      }
      return {
        row,
        report,
        newKey: report.serial === 'new' ? ((row.issnPrint ?? row.issnOnline) as string) : null,
        supersede,
      };
    });
  }

  private async apply(
    manager: EntityManager,
    actor: AuthenticatedUser,
    planned: PlannedRow[],
    query: CoverageImportQuery,
    evidenceSha256: string,
  ): Promise<void> {
    const created = new Map<string, string>();
    for (const batch of chunks(planned.filter((entry) => entry.newKey !== null))) {
      const rows: { id: string; issnPrint: string | null; issnOnline: string | null }[] =
        await manager.query(
          `INSERT INTO serial (title, issn_print, issn_online, publisher, country, created_by)
           SELECT * FROM unnest($1::varchar[], $2::char(9)[], $3::char(9)[], $4::varchar[],
                                $5::char(2)[], $6::uuid[])
           RETURNING id, issn_print AS "issnPrint", issn_online AS "issnOnline"`,
          [
            batch.map((entry) => entry.row.title),
            batch.map((entry) => entry.row.issnPrint),
            batch.map((entry) => entry.row.issnOnline),
            batch.map((entry) => entry.row.publisher),
            batch.map((entry) => entry.row.country),
            batch.map(() => actor.id),
          ],
        );
      for (const row of rows) created.set((row.issnPrint ?? row.issnOnline) as string, row.id);
    }
    for (const entry of planned) {
      if (entry.newKey) entry.report.serialId = created.get(entry.newKey) ?? null;
    }
    const supersede = planned.flatMap((entry) => entry.supersede);
    for (const batch of chunks(supersede, 10_000)) {
      await manager.query(
        `UPDATE serial_coverage SET superseded_at = now() WHERE id = ANY($1) AND superseded_at IS NULL`,
        [batch],
      );
    }
    const inserts = planned.flatMap((entry) =>
      entry.report.coverage
        .filter((change) => change.action !== 'unchanged')
        .map((change) => ({
          serialId: entry.report.serialId as string,
          url: entry.row.evidenceUrl,
          change,
        })),
    );
    for (const batch of chunks(inserts)) {
      await manager.query(
        `INSERT INTO serial_coverage (serial_id, index_code, from_year, to_year, state, checked_on,
                                      evidence_sha256, evidence_url, recorded_by)
         SELECT serial_id, $1, from_year, to_year, state, $2::date, $3, evidence_url, $4
           FROM unnest($5::uuid[], $6::smallint[], $7::smallint[], $8::varchar[], $9::varchar[])
                AS t(serial_id, from_year, to_year, state, evidence_url)`,
        [
          query.index,
          query.checkedOn,
          evidenceSha256,
          actor.id,
          batch.map((item) => item.serialId),
          batch.map((item) => item.change.fromYear),
          batch.map((item) => item.change.toYear),
          batch.map((item) => item.change.state),
          batch.map((item) => item.url),
        ],
      );
    }
  }
}

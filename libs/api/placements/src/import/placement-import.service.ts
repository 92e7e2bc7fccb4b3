import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import { CsvSyntaxError, parseCsv, todayInMorocco } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { PlacementImportReportDto, PlacementImportRowDto } from '../dto/import.dto';
import { insertPlacement } from '../placements/placement-writer';
import {
  ImportProblem,
  PlacementImportRead,
  PlacementImportRow,
  readPlacementRows,
} from './import-rows';

interface PlannedRow extends PlacementImportRow {
  userId: string;
}

/**
 * Past situations from a CSV. A dry run reports every problem and writes nothing; the real run
 * re-checks everything and is all-or-nothing, in one transaction, refused with 400 (each problem
 * as `lines.<line>.<column>`) if anything is wrong. Rows become validated situations.
 */
@Injectable()
export class PlacementImport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async run(
    user: AuthenticatedUser,
    csv: string,
    dryRun: boolean,
  ): Promise<PlacementImportReportDto> {
    const read = readCsv(csv);
    if (dryRun) {
      const { planned, problems } = await this.plan(this.dataSource.manager, read);
      return report(true, false, problems, problems.length > 0 ? [] : planned.map(rowDto));
    }
    const rows = await this.dataSource.transaction(async (manager) => {
      // One import at a time: two files naming the same situation cannot both pass the check.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('oris.placement-import'))`);
      const { planned, problems } = await this.plan(manager, read);
      if (problems.length > 0) {
        throw new RequestValidationException(
          problems.map(({ line, field, reason }) => ({
            field: `lines.${line}.${field}`,
            message: reason,
          })),
        );
      }
      const at = new Date();
      const written: PlacementImportRowDto[] = [];
      for (const row of planned) {
        const placementId = await insertPlacement(
          manager,
          row.userId,
          {
            enrollmentId: null,
            kind: row.kind,
            contract: row.contract,
            organisationId: row.organisationId,
            employerName: row.employerName,
            sector: row.sector,
            position: row.position,
            regionCode: row.regionCode,
            startOn: row.startOn,
            endOn: row.endOn,
            source: row.source,
            evidence: row.evidence,
            note: row.note,
          },
          user.id,
          { by: user.id, at },
        );
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'placement.created',
          subjectType: 'placement',
          subjectId: placementId,
          data: {
            personId: row.userId,
            version: 1,
            kind: row.kind,
            validated: true,
            via: 'import',
          },
        });
        written.push({ ...rowDto(row), placementId });
      }
      return written;
    });
    return report(false, true, [], rows);
  }

  private async plan(
    manager: EntityManager,
    read: PlacementImportRead,
  ): Promise<{ planned: PlannedRow[]; problems: ImportProblem[] }> {
    const problems = [...read.problems];
    const rows = read.rows;
    if (read.emails.length === 0) return { planned: [], problems: sorted(problems) };
    const people: { id: string; email: string; trained: boolean }[] = await manager.query(
      `SELECT u.id, u.email,
              EXISTS (SELECT 1 FROM enrollment e WHERE e.user_id = u.id AND e.status = 'completed') AS trained
         FROM users u WHERE u.email = ANY($1)`,
      [read.emails.map((row) => row.email)],
    );
    const byEmail = new Map(people.map((person) => [person.email, person]));
    for (const { line, email } of read.emails) {
      const person = byEmail.get(email);
      if (!person) problems.push({ line, field: 'email', reason: 'no account with this email' });
      else if (!person.trained) {
        problems.push({ line, field: 'email', reason: 'this person has no completed training' });
      }
    }
    const organisationIds = rows.flatMap((row) => (row.organisationId ? [row.organisationId] : []));
    const known: { id: string }[] = await manager.query(
      `SELECT id FROM organisation WHERE id = ANY($1::uuid[])`,
      [organisationIds],
    );
    const knownIds = new Set(known.map((organisation) => organisation.id));
    const named = rows.filter((row) => row.employerName !== null);
    const byName: { id: string; regionCode: string; name: string }[] = await manager.query(
      `SELECT id, region_code AS "regionCode", lower(name) AS name FROM organisation
        WHERE (region_code, lower(name)) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))`,
      [
        named.map((row) => row.regionCode),
        named.map((row) => (row.employerName as string).toLowerCase()),
      ],
    );
    const partner = new Map(byName.map((row) => [`${row.regionCode}|${row.name}`, row.id]));
    const userIds = people.map((person) => person.id);
    const existing: { userId: string; kind: string; startOn: string }[] = await manager.query(
      `SELECT user_id AS "userId", kind, start_on::text AS "startOn" FROM placement_version
        WHERE superseded_at IS NULL AND user_id = ANY($1::uuid[])`,
      [userIds],
    );
    const recorded = new Set(existing.map((row) => `${row.userId}|${row.kind}|${row.startOn}`));
    const seen = new Map<string, number>();
    const planned: PlannedRow[] = [];
    for (const row of rows) {
      const problem = (field: string, reason: string) =>
        problems.push({ line: row.line, field, reason });
      const person = byEmail.get(row.email);
      if (row.organisationId && !knownIds.has(row.organisationId)) {
        problem('organisationId', 'no organisation with this id');
      }
      const key = `${row.email}|${row.kind}|${row.startOn}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problem('startOn', `the same situation is already on line ${earlier}`);
      seen.set(key, row.line);
      if (person && recorded.has(`${person.id}|${row.kind}|${row.startOn}`)) {
        problem('startOn', 'a situation of this kind starting that day is already recorded');
      }
      if (!person) continue;
      const linked =
        row.employerName === null
          ? undefined
          : partner.get(`${row.regionCode}|${row.employerName.toLowerCase()}`);
      planned.push(
        linked
          ? { ...row, userId: person.id, organisationId: linked, employerName: null }
          : { ...row, userId: person.id },
      );
    }
    return { planned, problems: sorted(problems) };
  }
}

const sorted = (problems: ImportProblem[]) =>
  [...problems].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));

function readCsv(csv: string): PlacementImportRead {
  try {
    return readPlacementRows(parseCsv(csv), todayInMorocco());
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return {
      rows: [],
      emails: [],
      problems: [{ line: error.line, field: 'file', reason: error.message }],
    };
  }
}

const rowDto = (row: PlannedRow): PlacementImportRowDto => ({
  line: row.line,
  email: row.email,
  userId: row.userId,
  kind: row.kind,
  startOn: row.startOn,
  organisationId: row.organisationId,
  placementId: null,
});

function report(
  dryRun: boolean,
  applied: boolean,
  problems: ImportProblem[],
  rows: PlacementImportRowDto[],
): PlacementImportReportDto {
  return { dryRun, applied, problems, rows, created: rows.length };
}

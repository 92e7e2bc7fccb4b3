import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import type { CoverageState } from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { CoverageDto, CoverageListDto, RecordCoverageDto } from '../dto/coverage.dto';
import { SerialCoverage } from '../entities/serial-coverage.entity';
import { COVERAGE_COLUMNS, toCoverageDto } from '../serial-rows';
import { SerialErrorCode, SerialException, serialNotFound } from '../serials.exception';
import { EvidenceFiles } from './evidence-files';

/** The facts of one coverage row, as recorded. */
export interface CoverageFacts {
  index: string;
  fromYear: number;
  toYear: number | null;
  state: CoverageState;
  checkedOn: string;
  evidenceSha256: string | null;
  evidenceUrl: string | null;
}

export type CoverageOutcome = 'added' | 'superseded' | 'unchanged';

const sameFacts = (row: Record<string, unknown>, facts: CoverageFacts): boolean =>
  row['toYear'] === facts.toYear &&
  row['state'] === facts.state &&
  row['checkedOn'] === facts.checkedOn &&
  row['evidenceSha256'] === facts.evidenceSha256 &&
  row['evidenceUrl'] === facts.evidenceUrl;

/**
 * Coverage is append-only: recording (serial, index, fromYear) again supersedes the current row
 * (`superseded_at = now()`) and inserts the new one in the same transaction, both at the
 * transaction's instant, so at any K exactly one of them is known. Facts are never updated in place.
 */
@Injectable()
export class CoverageRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceFiles,
    private readonly audit: AuditLog,
  ) {}

  async record(
    actor: AuthenticatedUser,
    serialId: string,
    body: RecordCoverageDto,
  ): Promise<CoverageDto> {
    const { url, fileBase64 } = body.evidence;
    if ((url === undefined) === (fileBase64 === undefined)) {
      throw new SerialException(
        SerialErrorCode.EvidenceRequired,
        'Send `evidence.url` or `evidence.fileBase64`, one of the two.',
      );
    }
    const toYear = body.toYear ?? null;
    if (toYear !== null && toYear < body.fromYear) {
      throw new SerialException(
        SerialErrorCode.CoverageYearsInvalid,
        `toYear ${toYear} is before fromYear ${body.fromYear}.`,
      );
    }
    let evidenceSha256: string | null = null;
    if (fileBase64 !== undefined) {
      const bytes = Buffer.from(fileBase64, 'base64');
      if (bytes.length === 0 || bytes.length > 600 * 1024) {
        throw new SerialException(SerialErrorCode.EvidenceFileInvalid);
      }
      evidenceSha256 = await this.evidence.store(bytes);
    }
    const facts: CoverageFacts = {
      index: body.index,
      fromYear: body.fromYear,
      toYear,
      state: body.state,
      checkedOn: body.checkedOn,
      evidenceSha256,
      evidenceUrl: url ?? null,
    };
    return this.dataSource.transaction(async (manager) => {
      const [serial] = await manager.query(`SELECT id FROM serial WHERE id = $1 FOR UPDATE`, [
        serialId,
      ]);
      if (!serial) throw serialNotFound(serialId);
      const { row, outcome } = await this.recordIn(manager, actor.id, serialId, facts);
      if (outcome !== 'unchanged') {
        await this.audit.record(manager, {
          actorId: actor.id,
          action: `serial_coverage.${outcome}`,
          subjectType: 'serial',
          subjectId: serialId,
          data: { ...facts },
        });
      }
      return row;
    });
  }

  /**
   * Records the facts inside the caller's transaction (which holds the serial): unchanged when
   * the current row says the same, otherwise supersedes it and appends.
   */
  async recordIn(
    manager: EntityManager,
    actorId: string | null,
    serialId: string,
    facts: CoverageFacts,
  ): Promise<{ row: CoverageDto; outcome: CoverageOutcome }> {
    const [current] = await manager.query(
      `SELECT ${COVERAGE_COLUMNS} FROM serial_coverage c
        WHERE c.serial_id = $1 AND c.index_code = $2 AND c.from_year = $3 AND c.superseded_at IS NULL
        FOR UPDATE`,
      [serialId, facts.index, facts.fromYear],
    );
    if (current && sameFacts(current, facts)) {
      return { row: toCoverageDto(current), outcome: 'unchanged' };
    }
    if (current) {
      await manager.query(`UPDATE serial_coverage SET superseded_at = now() WHERE id = $1`, [
        current.id,
      ]);
    }
    const inserted = await manager.insert(SerialCoverage, {
      serialId,
      indexCode: facts.index,
      fromYear: facts.fromYear,
      toYear: facts.toYear,
      state: facts.state,
      checkedOn: facts.checkedOn,
      evidenceSha256: facts.evidenceSha256,
      evidenceUrl: facts.evidenceUrl,
      recordedBy: actorId,
      recordedAt: () => 'now()',
    });
    const [row] = await manager.query(
      `SELECT ${COVERAGE_COLUMNS} FROM serial_coverage c WHERE c.id = $1`,
      [inserted.identifiers[0]['id']],
    );
    return { row: toCoverageDto(row), outcome: current ? 'superseded' : 'added' };
  }

  /** A serial's coverage rows as known at `knownAt` (default now). */
  async knownAt(serialId: string, knownAt?: string): Promise<CoverageListDto> {
    const at = knownAt ? new Date(knownAt) : new Date();
    const [serial] = await this.dataSource.query(`SELECT id FROM serial WHERE id = $1`, [serialId]);
    if (!serial) throw serialNotFound(serialId);
    const rows = await this.dataSource.query(
      `SELECT ${COVERAGE_COLUMNS} FROM serial_coverage c
        WHERE c.serial_id = $1 AND c.recorded_at <= $2
          AND (c.superseded_at IS NULL OR c.superseded_at > $2)
        ORDER BY c.index_code, c.from_year`,
      [serialId, at.toISOString()],
    );
    return { knownAt: at.toISOString(), items: rows.map(toCoverageDto) };
  }
}

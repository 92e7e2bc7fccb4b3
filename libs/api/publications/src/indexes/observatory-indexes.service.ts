import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { indexNotFound } from '../serials/serials.exception';
import { countingIndexesKnownAtSql } from './counting-indexes';
import { ObservatoryIndexDto } from './dto/observatory-index.dto';
import { ObservatoryIndex } from './entities/observatory-index.entity';
import { ObservatoryIndexChange } from './entities/observatory-index-change.entity';

const INDEX_COLUMNS = `code, name_fr AS "nameFr", name_ar AS "nameAr", name_en AS "nameEn", counts,
  position, updated_at AS "updatedAt"`;

const toDto = (row: Record<string, unknown>): ObservatoryIndexDto => ({
  ...(row as unknown as ObservatoryIndexDto),
  updatedAt: (row['updatedAt'] as Date).toISOString(),
});

/**
 * The reference list of indexes and which of them count. Changing `counts` appends to
 * `observatory_index_change` in the same transaction, so a past report sees the setting of then.
 */
@Injectable()
export class ObservatoryIndexes {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<ObservatoryIndexDto[]> {
    const rows = await this.dataSource.query(
      `SELECT ${INDEX_COLUMNS} FROM observatory_index ORDER BY position, code`,
    );
    return rows.map(toDto);
  }

  async setCounts(
    actor: AuthenticatedUser,
    code: string,
    counts: boolean,
  ): Promise<ObservatoryIndexDto> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT counts FROM observatory_index WHERE code = $1 FOR UPDATE`,
        [code],
      );
      if (!current) throw indexNotFound(code);
      if (current.counts !== counts) {
        await manager.update(
          ObservatoryIndex,
          { code },
          { counts, updatedBy: actor.id, updatedAt: () => 'now()' },
        );
        await manager.insert(ObservatoryIndexChange, {
          indexCode: code,
          counts,
          changedBy: actor.id,
          changedAt: () => 'now()',
        });
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'observatory_index.counts_changed',
          subjectType: 'observatory_index',
          subjectId: code,
          data: { from: current.counts, to: counts },
        });
      }
      const [row] = await manager.query(
        `SELECT ${INDEX_COLUMNS} FROM observatory_index WHERE code = $1`,
        [code],
      );
      return toDto(row);
    });
  }

  /** The codes of the indexes that counted as known at `knownAt` (the history, not today's setting). */
  async countingIndexesKnownAt(knownAt: Date): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM ${countingIndexesKnownAtSql('$1')} AS counting(code) ORDER BY code`,
      [knownAt.toISOString()],
    );
    return rows.map((row) => row.code);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser } from '@oris/api/platform';
import { SearchIndexer } from '@oris/api/search';
import { DataSource } from 'typeorm';
import {
  PublicationErrorCode,
  PublicationException,
  publicationNotFound,
} from '../publication.exception';
import { PublicationVersions } from './publication-versions';

/** The merge of a duplicate record into the one kept, recorded as a version and audited. */
@Injectable()
export class PublicationMerge {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: PublicationVersions,
    private readonly audit: AuditLog,
    private readonly search: SearchIndexer,
  ) {}

  /**
   * Merges `duplicateId` into `keptId`: the duplicate keeps its row and its history and points
   * at the kept record; its item-level index records count for the kept one. Never deleted.
   */
  merge(user: AuthenticatedUser, keptId: string, duplicateId: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      if (keptId === duplicateId) {
        throw new PublicationException(
          PublicationErrorCode.MergeRefused,
          'A publication cannot be merged into itself.',
        );
      }
      // Both rows locked in a fixed order, so two merges of the same pair cannot cross.
      const rows: { id: string; merged_into_id: string | null; status: string }[] =
        await manager.query(
          `SELECT id, merged_into_id, status FROM publication WHERE id = ANY ($1) ORDER BY id FOR UPDATE`,
          [[keptId, duplicateId]],
        );
      const kept = rows.find((row) => row.id === keptId);
      const duplicate = rows.find((row) => row.id === duplicateId);
      if (!kept) throw publicationNotFound(keptId);
      if (!duplicate) {
        throw new PublicationException(
          PublicationErrorCode.MergeRefused,
          `No publication with id ${duplicateId}.`,
        );
      }
      if (kept.merged_into_id || duplicate.merged_into_id) {
        throw new PublicationException(
          PublicationErrorCode.Merged,
          'One of them is already merged into another record.',
        );
      }
      const chained: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM publication WHERE merged_into_id = $1`,
        [duplicateId],
      );
      if (chained[0].n > 0) {
        throw new PublicationException(
          PublicationErrorCode.MergeRefused,
          'Other records were merged into the duplicate: merge it the other way round.',
        );
      }
      await manager.query(
        `UPDATE publication SET merged_into_id = $2, version = version + 1, updated_at = clock_timestamp()
          WHERE id = $1`,
        [duplicateId, keptId],
      );
      await this.versions.append(manager, duplicateId, 'merged', user.id);
      await this.search.remove(manager, 'publication', duplicateId);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'publication.merged',
        subjectType: 'publication',
        subjectId: duplicateId,
        data: { keptId },
      });
    });
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PublicationErrorCode, PublicationException } from '../publication.exception';
import type { PublicationFacts } from './publication-facts';

/**
 * A publication's item-level index records (which index lists it, under which id, verified
 * when): superseded, never updated, so what was known at an earlier instant stays readable.
 */
@Injectable()
export class PublicationIndexRecords {
  /** The current item-level records become `records`: unchanged ones stay, others are superseded. */
  async sync(
    manager: EntityManager,
    id: string,
    records: PublicationFacts['indexRecords'],
    actorId: string,
  ) {
    const current: {
      id: string;
      index_code: string;
      external_id: string | null;
      verified_on: string;
    }[] = await manager.query(
      `SELECT id, index_code, external_id, verified_on::text AS verified_on FROM publication_index_record
          WHERE publication_id = $1 AND superseded_at IS NULL FOR UPDATE`,
      [id],
    );
    const codes: { code: string }[] = await manager.query(`SELECT code FROM observatory_index`);
    const known = new Set(codes.map((c) => c.code));
    for (const record of records) {
      if (!known.has(record.index)) {
        throw new PublicationException(
          PublicationErrorCode.UnknownIndex,
          `No index ${record.index}.`,
        );
      }
    }
    for (const row of current) {
      const wanted = records.find((r) => r.index === row.index_code);
      if (wanted && wanted.externalId === row.external_id && wanted.verifiedOn === row.verified_on)
        continue;
      await manager.query(
        `UPDATE publication_index_record SET superseded_at = clock_timestamp() WHERE id = $1`,
        [row.id],
      );
    }
    for (const record of records) {
      const same = current.find(
        (row) =>
          row.index_code === record.index &&
          row.external_id === record.externalId &&
          row.verified_on === record.verifiedOn,
      );
      if (same) continue;
      await manager.query(
        `INSERT INTO publication_index_record (publication_id, index_code, external_id, verified_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, record.index, record.externalId, record.verifiedOn, actorId],
      );
    }
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PublicationChange } from '../entities/publication.entity';

/**
 * The history of a publication: each write appends the next `publication_version` (the counted
 * facts + a snapshot) and supersedes the previous one, in the writer's transaction.
 */
@Injectable()
export class PublicationVersions {
  /** Supersedes the current version and appends the record as it now stands, at one instant. */
  async append(manager: EntityManager, id: string, change: PublicationChange, actorId: string) {
    const [{ at }]: { at: string }[] = await manager.query(`SELECT clock_timestamp()::text AS at`);
    await manager.query(
      `UPDATE publication_version SET superseded_at = $2::timestamptz
        WHERE publication_id = $1 AND superseded_at IS NULL`,
      [id, at],
    );
    await manager.query(
      `INSERT INTO publication_version
         (publication_id, version, change, status, type, title, language, published_on, published_on_precision,
          serial_id, open_access, attribution, retracted_on, merged_into_id, validated_at, validated_by,
          snapshot, recorded_at, recorded_by)
       SELECT p.id, p.version, $2, p.status, p.type, p.title, p.language, p.published_on, p.published_on_precision,
              p.serial_id, p.open_access, p.attribution, p.retracted_on, p.merged_into_id, p.validated_at, p.validated_by,
              jsonb_build_object(
                'publication', to_jsonb(p) - 'search_text',
                'contributors', coalesce((SELECT jsonb_agg(to_jsonb(c) ORDER BY c.position)
                   FROM publication_contributor c WHERE c.publication_id = p.id), '[]')),
              $4::timestamptz, $3
         FROM publication p WHERE p.id = $1`,
      [id, change, actorId, at],
    );
  }
}

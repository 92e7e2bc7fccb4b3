import { Injectable } from '@nestjs/common';
import { normalizeForSearch } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import type { PossibleDuplicateDto } from '../dto/publication.dto';

/** What the duplicate checks compare. */
export interface DuplicateProbe {
  doi: string | null;
  isbn: string | null;
  title: string;
  publishedOn: string;
  firstAuthor: string | null;
}

/** Title similarity (pg_trgm, on normalised text) above which two titles are "close". */
export const CLOSE_TITLE = 0.6;

/**
 * Duplicates at entry (OBSERVATORY.md): the same normalised DOI (a conflict, refused by the
 * caller), or possible duplicates for the editor to merge: the same ISBN with a close title, or a
 * close title of the same year with the same first author. Merged duplicates are not offered
 * again; withdrawn records are not either.
 */
@Injectable()
export class DuplicateFinder {
  async doiOwner(
    manager: EntityManager,
    doi: string,
    except: string | null,
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM publication WHERE doi = $1 AND ($2::uuid IS NULL OR id <> $2) LIMIT 1`,
      [doi, except],
    );
    return rows[0]?.id ?? null;
  }

  async possible(
    manager: EntityManager,
    probe: DuplicateProbe,
    except: string | null,
  ): Promise<PossibleDuplicateDto[]> {
    const rows: PossibleDuplicateDto[] = await manager.query(
      `SELECT p.id, p.title, p.published_on::text AS "publishedOn", p.status,
              CASE WHEN $2::text IS NOT NULL AND p.isbn = $2 THEN 'isbn_title' ELSE 'title_year_author' END AS reason
         FROM publication p
         LEFT JOIN publication_contributor c ON c.publication_id = p.id AND c.position = 1
        WHERE p.merged_into_id IS NULL AND p.status <> 'withdrawn'
          AND ($1::uuid IS NULL OR p.id <> $1)
          AND similarity(oris_search_normalize(p.title), $3) >= $6
          AND ((p.isbn = $2)
            OR (extract(year FROM p.published_on) = $4
                AND oris_search_normalize(coalesce(c.family_name, c.name_ar, '')) = $5))
        ORDER BY similarity(oris_search_normalize(p.title), $3) DESC, p.created_at
        LIMIT 10`,
      [
        except,
        probe.isbn,
        normalizeForSearch(probe.title),
        Number(probe.publishedOn.slice(0, 4)),
        normalizeForSearch(probe.firstAuthor ?? ''),
        CLOSE_TITLE,
      ],
    );
    return rows;
  }
}

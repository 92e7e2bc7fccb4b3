import type { SearchIndexer } from '@oris/api/search';
import type {
  CourseTheme,
  DeliveryMode,
  Locale,
  RegionCode,
  SearchDocument,
} from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';

interface CourseSearchRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  description: string;
  theme: CourseTheme;
  delivery_mode: DeliveryMode;
  languages: string[];
  published_on: string;
  regions: RegionCode[];
}

const ARABIC_LETTER = /[\u0621-\u064A]/u;

/**
 * The language a course is written in: a course has one text, in the first language it is
 * taught in, unless its title is in Arabic script (a course taught in French and Arabic whose
 * sheet is in Arabic).
 */
function writtenLanguageOf(row: CourseSearchRow): Locale {
  if (ARABIC_LETTER.test(row.title)) return 'ar';
  const first = row.languages[0];
  return first === 'en' || first === 'ar' ? first : 'fr';
}

/**
 * What the observatory's search finds of a course (issue 17): a published course, as one
 * document in the language it is written in (its code, summary and description as the body),
 * with its theme and the regions of its sessions that are not cancelled as facets.
 */
export function courseSearchDocument(row: CourseSearchRow): SearchDocument {
  return {
    kind: 'course',
    id: row.id,
    language: writtenLanguageOf(row),
    original: true,
    title: row.title,
    body: [row.summary, row.description, row.code].filter(Boolean).join('\n\n'),
    regions: row.regions,
    themes: [row.theme],
    populations: [],
    evidenceLevel: null,
    subtype: row.delivery_mode,
    publishedOn: row.published_on,
    path: `/catalogue/${row.id}`,
  };
}

/**
 * The search documents of the given courses, or of every published one when `ids` is null (the
 * reindex of `cli search:reindex`), read through `manager` (the writer's transaction).
 */
export async function loadCourseSearchDocuments(
  manager: EntityManager,
  ids: string[] | null,
): Promise<SearchDocument[]> {
  const rows: CourseSearchRow[] = await manager.query(
    `SELECT c.id, c.code, c.title, c.summary, c.description, c.theme, c.delivery_mode, c.languages,
            (c.published_at AT TIME ZONE 'Africa/Casablanca')::date::text AS published_on,
            ARRAY(SELECT DISTINCT s.region_code FROM course_session s
                   WHERE s.course_id = c.id AND s.status <> 'cancelled' ORDER BY 1) AS regions
       FROM course c
      WHERE c.status = 'published' AND ($1::uuid[] IS NULL OR c.id = ANY ($1))`,
    [ids],
  );
  return rows.map(courseSearchDocument);
}

/** Rewrites a course's row of the search from what the transaction just wrote (or removes it). */
export async function reindexCourse(
  manager: EntityManager,
  indexer: SearchIndexer,
  id: string,
): Promise<void> {
  const docs = await loadCourseSearchDocuments(manager, [id]);
  if (docs.length > 0) await indexer.index(manager, docs);
  else await indexer.remove(manager, 'course', id);
}

import { isOneOf, LOCALES, type SearchDocument, type ToolKind } from '@oris/shared/domain';
import type { SearchIndexer } from '@oris/api/search';
import type { EntityManager } from 'typeorm';

interface ToolSearchRow {
  id: string;
  titles: Record<string, string>;
  descriptions: Record<string, string>;
  original_language: string;
  kind: ToolKind;
  published_on: string | null;
}

/**
 * What the observatory's search finds of a knowledge tool (issue 17): nothing until it is
 * validated; then one document per title in a language of the site, its description in that
 * language as the body, dated by its latest release (or its validation).
 */
export function toolSearchDocuments(row: ToolSearchRow): SearchDocument[] {
  return Object.entries(row.titles).flatMap(([language, title]) => {
    if (!isOneOf(LOCALES, language) || !title) return [];
    return [
      {
        kind: 'tool' as const,
        id: row.id,
        language,
        original: language === row.original_language,
        title,
        body: row.descriptions[language] ?? '',
        regions: [],
        themes: [],
        populations: [],
        evidenceLevel: null,
        subtype: row.kind,
        publishedOn: row.published_on,
        path: `/tools/${row.id}`,
      },
    ];
  });
}

/**
 * The search documents of the given tools, or of every validated one when `ids` is null (the
 * reindex of `cli search:reindex`), read through `manager` (the writer's transaction).
 */
export async function loadToolSearchDocuments(
  manager: EntityManager,
  ids: string[] | null,
): Promise<SearchDocument[]> {
  const rows: ToolSearchRow[] = await manager.query(
    `SELECT t.id, t.titles, t.descriptions, t.original_language, t.kind,
            coalesce((SELECT max(v.released_on) FROM knowledge_tool_version v WHERE v.tool_id = t.id),
                     (t.validated_at AT TIME ZONE 'Africa/Casablanca')::date)::text AS published_on
       FROM knowledge_tool t
      WHERE t.status = 'validated' AND ($1::uuid[] IS NULL OR t.id = ANY ($1))`,
    [ids],
  );
  return rows.flatMap(toolSearchDocuments);
}

/** Rewrites a tool's rows of the search from what the transaction just wrote (or removes them). */
export async function reindexTool(
  manager: EntityManager,
  indexer: SearchIndexer,
  id: string,
): Promise<void> {
  const docs = await loadToolSearchDocuments(manager, [id]);
  if (docs.length > 0) await indexer.index(manager, docs);
  else await indexer.remove(manager, 'tool', id);
}

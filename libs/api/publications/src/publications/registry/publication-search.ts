import { isOneOf, LOCALES, type SearchDocument } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import { contributorName, PUBLICATION_COLUMNS, type PublicationRow } from './publication-rows';

/**
 * The search documents of the given publications, or of every searchable one when `ids` is null
 * (the reindex of `cli search:reindex`). Read through `manager`, so inside a writer's transaction
 * they are what it just wrote.
 */
export async function loadPublicationSearchDocuments(
  manager: EntityManager,
  ids: string[] | null,
): Promise<SearchDocument[]> {
  const rows: PublicationRow[] = await manager.query(
    `SELECT ${PUBLICATION_COLUMNS} FROM publication p LEFT JOIN serial s ON s.id = p.serial_id
      WHERE p.status = 'validated' AND p.merged_into_id IS NULL AND ($1::uuid[] IS NULL OR p.id = ANY ($1))`,
    [ids],
  );
  return rows.flatMap(publicationSearchDocuments);
}

/**
 * What the observatory's search finds of a publication (issue 17): nothing unless it is
 * validated and not merged into another record; otherwise one document per title written in a
 * language of the site (fr, ar, en), its abstract then its authors and serial as the body. A
 * title in another language is not searchable (no stemming configured for it), its record is
 * through its other titles.
 */
export function publicationSearchDocuments(row: PublicationRow): SearchDocument[] {
  if (row.status !== 'validated' || row.merged_into_id) return [];
  const credits = [
    row.contributors.map(contributorName).filter(Boolean).join(', '),
    row.serial_title ?? '',
  ]
    .filter(Boolean)
    .join('. ');
  return row.titles.flatMap((title) => {
    if (!isOneOf(LOCALES, title.language)) return [];
    return [
      {
        kind: 'publication' as const,
        id: row.id,
        language: title.language,
        original: title.original,
        title: title.title,
        body: [title.abstract ?? '', credits].filter(Boolean).join('\n\n'),
        regions: [],
        themes: [],
        populations: [],
        evidenceLevel: null,
        subtype: row.type,
        publishedOn: row.published_on.slice(0, 10),
        path: `/publications/${row.id}`,
      },
    ];
  });
}

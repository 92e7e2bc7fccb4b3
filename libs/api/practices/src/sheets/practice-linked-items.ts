import type { Locale, PracticeSnapshot } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import type { PracticeLinkedItemDto, PracticeLinkKind } from '../dto/practice.dto';

const KIND_ORDER: readonly PracticeLinkKind[] = ['tool', 'publication', 'course', 'partnership'];

/**
 * Names the records a version links to, in one query over the four registries. `publicOnly`
 * keeps what a visitor may read of each registry (validated tools, validated publications that
 * were not merged into another, published courses; partnerships never), so a link to an
 * unpublished record never shows its title on the public page.
 */
export async function linkedItemsOf(
  manager: EntityManager,
  links: PracticeSnapshot['links'],
  publicOnly: boolean,
): Promise<PracticeLinkedItemDto[]> {
  const { toolIds, publicationIds, courseIds, partnershipIds } = links;
  if (toolIds.length + publicationIds.length + courseIds.length + partnershipIds.length === 0) {
    return [];
  }
  const rows: {
    kind: PracticeLinkKind;
    id: string;
    title: string | null;
    titles: Partial<Record<Locale, string>>;
  }[] = await manager.query(
    `SELECT 'tool' AS kind, t.id, t.titles->>t.original_language AS title, t.titles
       FROM knowledge_tool t
      WHERE t.id = ANY($1::uuid[]) AND (NOT $5 OR t.status = 'validated')
     UNION ALL
     SELECT 'publication', p.id, p.title, '{}'::jsonb
       FROM publication p
      WHERE p.id = ANY($2::uuid[]) AND (NOT $5 OR (p.status = 'validated' AND p.merged_into_id IS NULL))
     UNION ALL
     SELECT 'course', c.id, c.title, '{}'::jsonb
       FROM course c
      WHERE c.id = ANY($3::uuid[]) AND (NOT $5 OR c.status = 'published')
     UNION ALL
     SELECT 'partnership', r.id, r.title, '{}'::jsonb
       FROM partnership r
      WHERE r.id = ANY($4::uuid[]) AND NOT $5`,
    [toolIds, publicationIds, courseIds, partnershipIds, publicOnly],
  );
  return rows
    .map((row) => ({
      kind: row.kind,
      id: row.id,
      title: row.title ?? Object.values(row.titles)[0] ?? '',
      titles: row.titles,
    }))
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        a.title.localeCompare(b.title) ||
        a.id.localeCompare(b.id),
    );
}

import { searchTermsOf } from '@oris/shared/domain';
import type { PublicationFilterQuery } from '../dto/publication-list.query';

/** `%`, `_` and `\` are literal in a LIKE pattern (its escape character is `\`). */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Below this many characters a query is matched as written, never approximately. */
const FUZZY_MIN_LENGTH = 4;

/**
 * The WHERE clause of the list and the export on `publication p`. Visitors (`publicOnly`) see
 * validated records that are not merged duplicates, whatever `status` they ask. The text search
 * is the project's (normalised with `normalizeForSearch`, matched on the stored normalised
 * `search_text` by LIKE or pg_trgm word similarity).
 */
export function publicationFilter(
  filter: PublicationFilterQuery,
  publicOnly: boolean,
): { where: string; params: unknown[]; rank: string[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  const rank: string[] = [];
  if (publicOnly) where.push(`p.status = 'validated'`, `p.merged_into_id IS NULL`);
  else if (filter.status) where.push(`p.status = ${param(filter.status)}`);
  if (filter.type) where.push(`p.type = ${param(filter.type)}`);
  if (filter.year) {
    const year = param(filter.year);
    where.push(
      `p.published_on >= make_date(${year}::int, 1, 1) AND p.published_on < make_date(${year}::int + 1, 1, 1)`,
    );
  }
  if (filter.index) {
    const index = param(filter.index);
    where.push(
      `(EXISTS (SELECT 1 FROM publication_index_record r WHERE r.publication_id = p.id
                  AND r.index_code = ${index} AND r.superseded_at IS NULL)
        OR EXISTS (SELECT 1 FROM serial_coverage sc WHERE sc.serial_id = p.serial_id
                  AND sc.index_code = ${index} AND sc.superseded_at IS NULL
                  AND sc.from_year <= extract(year FROM p.published_on)
                  AND extract(year FROM p.published_on) <= coalesce(sc.to_year, 9999)))`,
    );
  }
  const trimmed = filter.q?.trim();
  if (trimmed) {
    const terms = searchTermsOf(trimmed);
    if (terms === null) where.push('false');
    else {
      const contains = param(`%${escapeLike(terms.normalized)}%`);
      const fuzzy = terms.normalized.length >= FUZZY_MIN_LENGTH ? param(terms.normalized) : null;
      where.push(
        fuzzy
          ? `(p.search_text LIKE ${contains} OR p.search_text %> ${fuzzy})`
          : `p.search_text LIKE ${contains}`,
      );
      rank.push(`(p.search_text LIKE ${contains}) DESC`);
      if (fuzzy) rank.push(`word_similarity(${fuzzy}, p.search_text) DESC`);
    }
  }
  return { where: where.length ? where.join(' AND ') : 'true', params, rank };
}

import { searchTermsOf } from '@oris/shared/domain';
import type { Locale, SearchKind } from '@oris/shared/domain';

/** The facets a search counts and filters by, in the order of the response. */
export const SEARCH_FACETS = ['type', 'region', 'theme', 'population', 'evidence'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export interface SearchFilter {
  q?: string;
  types: SearchKind[];
  regions: string[];
  themes: string[];
  populations: string[];
  evidence: number[];
  /** The visitor's language: among a record's languages it is shown first, and ranks a little higher. */
  language: Locale;
  page: number;
  pageSize: number;
}

/**
 * Below this many characters a query is matched as written (after normalisation), never by
 * trigram similarity: a typo in two or three letters is another word (as in the catalogue).
 */
export const FUZZY_MIN_LENGTH = 4;

/** The SQL of one facet's filter over the `matched` rows, and the column it counts. */
const FACET_SQL: Record<SearchFacet, { filter: (param: string) => string; values: string }> = {
  type: { filter: (p) => `m.kind = ANY (${p}::text[])`, values: `m.kind` },
  region: { filter: (p) => `m.regions && ${p}::text[]`, values: `unnest(m.regions)` },
  theme: { filter: (p) => `m.themes && ${p}::text[]`, values: `unnest(m.themes)` },
  population: {
    filter: (p) => `m.populations && ${p}::text[]`,
    values: `unnest(m.populations)`,
  },
  evidence: {
    filter: (p) => `m.evidence_level = ANY (${p}::int[])`,
    values: `m.evidence_level::text`,
  },
};

const selected = (filter: SearchFilter): Record<SearchFacet, unknown[]> => ({
  type: filter.types,
  region: filter.regions,
  theme: filter.themes,
  population: filter.populations,
  evidence: filter.evidence,
});

/** The escape of LIKE's own characters, so a pattern stays literal (as in the catalogue). */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchStatement {
  sql: string;
  params: unknown[];
  /** The normalised query ('' when listing by recency). */
  normalized: string;
}

/**
 * One statement answering a search: the matching records (one row each, the best of its
 * languages), their total and page after the filters, and each facet's counts over the matching
 * set with every filter but that facet's own (so a visitor sees what ticking another value of the
 * same facet would add). The text search, with the query normalised by `normalizeForSearch` and
 * the rows by `oris_search_normalize` (ARCHITECTURE "Search normalisation"), matches a row when:
 * - its stemmed full text answers the query in French, English or as written (`@@`, GIN), so
 *   `coopératives` finds « coopérative » and `trainings` « training »; each word of
 *   FUZZY_MIN_LENGTH letters or more also stands for the indexed words most similar to it by
 *   trigrams (`search_word`, see `tsqueryExpression`), so `cooperatves` finds « coopératives »
 *   wherever it is written;
 * - or its normalised title or body contains the query (`LIKE`, trigram GIN), which finds Arabic
 *   words with a clitic before them (`اقتصاد` in « الاقتصاد ») and any spelling variant folded by
 *   the normalisation;
 * - or, from FUZZY_MIN_LENGTH characters, a word sequence of its title is similar to the query
 *   (`%>`, pg_trgm word similarity at 0.6). Bodies are not compared so: at 45,000 documents
 *   (P11) that comparison alone took seconds; their typos go through the corrected words.
 * Ranked by `ts_rank` (title weighted A over body B) plus the title's word similarity and a bonus
 * when the title contains the query, then a small preference for the visitor's language and the
 * original text. Without a query: every public record, the most recent first.
 */
export function buildSearchStatement(filter: SearchFilter): SearchStatement {
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const terms = filter.q?.trim() ? searchTermsOf(filter.q) : null;
  const normalized = terms?.normalized ?? '';
  const language = param(filter.language);
  const preference = `(CASE WHEN d.language = ${language} THEN 0.02 ELSE 0 END + CASE WHEN d.original THEN 0.01 ELSE 0 END)`;

  let where = 'true';
  let score = preference;
  let corrections = '';
  if (filter.q?.trim() && !terms) {
    where = 'false';
  } else if (terms) {
    const query = param(normalized);
    const contains = param(`%${escapeLike(normalized)}%`);
    corrections = `,
    expression AS MATERIALIZED (${tsqueryExpression(query)}),
    tsq AS MATERIALIZED (
      SELECT to_tsquery('french', e.text) || to_tsquery('english', e.text)
             || to_tsquery('simple', e.text) AS query
        FROM expression e
    )`;
    const tsquery = `(SELECT query FROM tsq)`;
    const conditions = [
      `d.search_vector @@ ${tsquery}`,
      `d.title_normalized LIKE ${contains}`,
      `d.body_normalized LIKE ${contains}`,
    ];
    if (normalized.length >= FUZZY_MIN_LENGTH) conditions.push(`d.title_normalized %> ${query}`);
    where = conditions.join(' OR ');
    score =
      `ts_rank(d.search_vector, ${tsquery})` +
      ` + 0.5 * word_similarity(${query}, d.title_normalized)` +
      ` + CASE WHEN d.title_normalized LIKE ${contains} THEN 0.5 ELSE 0 END + ${preference}`;
  }

  const chosen = selected(filter);
  const facetParams = Object.fromEntries(
    SEARCH_FACETS.map((facet) => [facet, chosen[facet].length > 0 ? param(chosen[facet]) : null]),
  ) as Record<SearchFacet, string | null>;
  const filtersBut = (except: SearchFacet | null): string => {
    const conditions = SEARCH_FACETS.filter((facet) => facet !== except && facetParams[facet]).map(
      (facet) => FACET_SQL[facet].filter(facetParams[facet] as string),
    );
    return conditions.length > 0 ? conditions.join(' AND ') : 'true';
  };
  const limit = param(filter.pageSize);
  const offset = param((filter.page - 1) * filter.pageSize);
  const order = terms
    ? `m.score DESC, m.published_on DESC NULLS LAST, m.kind, m.record_id`
    : `m.published_on DESC NULLS LAST, m.score DESC, m.kind, m.record_id`;

  const facetCounts = SEARCH_FACETS.map(
    (facet) =>
      `(SELECT coalesce(json_agg(json_build_object('value', f.value, 'count', f.count) ORDER BY f.count DESC, f.value), '[]')` +
      ` FROM (SELECT ${FACET_SQL[facet].values} AS value, count(*)::int AS count FROM matched m` +
      ` WHERE ${filtersBut(facet)} GROUP BY 1) f WHERE f.value IS NOT NULL) AS "${facet}"`,
  );

  const sql = `
    WITH ${corrections ? corrections.slice(2) + ',' : ''}
    matched AS MATERIALIZED (
      SELECT DISTINCT ON (d.kind, d.record_id)
             d.kind, d.record_id, d.language, d.regions, d.themes, d.populations,
             d.evidence_level, d.published_on, ${score} AS score
        FROM search_document d
       WHERE ${where}
       ORDER BY d.kind, d.record_id, score DESC, d.language
    ),
    filtered AS (SELECT * FROM matched m WHERE ${filtersBut(null)})
    SELECT (SELECT count(*)::int FROM filtered) AS total,
           (SELECT coalesce(json_agg(p ORDER BY p.position), '[]') FROM (
              SELECT row_number() OVER (ORDER BY ${order}) AS position,
                     d.kind, d.record_id AS id, d.language, d.original, d.title, d.body,
                     d.regions, d.themes, d.populations, d.evidence_level AS "evidenceLevel",
                     d.subtype, to_char(d.published_on, 'YYYY-MM-DD') AS "publishedOn", d.path
                FROM filtered m
                JOIN search_document d
                  ON d.kind = m.kind AND d.record_id = m.record_id AND d.language = m.language
               ORDER BY ${order}
               LIMIT ${limit} OFFSET ${offset}) p) AS items,
           ${facetCounts.join(',\n           ')}`;
  return { sql, params, normalized };
}

/** How similar an indexed word must be to a query word to stand in for it (pg_trgm similarity). */
export const CORRECTION_SIMILARITY = 0.5;
/** At most this many indexed words stand in for one query word. */
export const CORRECTIONS_PER_WORD = 3;

/**
 * The text of the full-text query, in `to_tsquery` syntax: the query's words AND-ed, each word of
 * FUZZY_MIN_LENGTH letters or more OR-ed with the indexed words most similar to it
 * (`search_word`, trigram GIN). Normalised words hold only letters and digits, so they are
 * literal in that syntax.
 */
function tsqueryExpression(query: string): string {
  return `
      SELECT string_agg(
               CASE WHEN length(t.term) < ${FUZZY_MIN_LENGTH} THEN t.term
                    ELSE '(' || t.term || coalesce((
                      SELECT string_agg(' | ' || c.word, '' ORDER BY c.rank)
                        FROM (SELECT w.word, row_number() OVER (ORDER BY similarity(w.word, t.term) DESC, w.word) AS rank
                                FROM search_word w
                               WHERE w.word % t.term AND w.word <> t.term
                                 AND similarity(w.word, t.term) >= ${CORRECTION_SIMILARITY}
                               ORDER BY similarity(w.word, t.term) DESC, w.word
                               LIMIT ${CORRECTIONS_PER_WORD}) c), '') || ')'
               END, ' & ' ORDER BY t.position) AS text
        FROM unnest(string_to_array(${query}, ' ')) WITH ORDINALITY AS t(term, position)`;
}

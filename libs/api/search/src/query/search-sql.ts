import type { Locale, SearchKind } from '@oris/shared/domain';

/** The facets a search counts and filters by, in the order of the response. */
export const SEARCH_FACETS = ['type', 'region', 'theme', 'population', 'evidence'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export interface SearchFilter {
  /** The normalised query (`normalizeForSearch`); '' lists by recency. */
  normalized: string;
  /** The full-text query of `normalized`, in `to_tsquery` syntax (`tsqueryText`). */
  tsquery: string;
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

/** How similar an indexed word must be to a query word to stand in for it (pg_trgm similarity). */
export const CORRECTION_SIMILARITY = 0.5;
/** At most this many indexed words stand in for one query word. */
export const CORRECTIONS_PER_WORD = 3;
/** From this length a query word also stands for the indexed words containing it. */
export const CONTAINING_MIN_LENGTH = 3;
/** At most this many indexed words containing a query word (the shortest first) stand in for it. */
export const CONTAINING_PER_WORD = 50;
/**
 * How many records (the best by the cheap score) are ranked on their whole text; the records
 * after them, on deeper pages, keep the cheap score's order.
 */
export const RANKED_CANDIDATES = 300;

/** The SQL of one facet's filter over a record row `m`, and the values it counts. */
const FACET_SQL: Record<SearchFacet, { filter: (param: string) => string; values: string }> = {
  type: { filter: (p) => `m.kind = ANY (${p}::text[])`, values: `m.kind::text` },
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
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchStatement {
  sql: string;
  params: unknown[];
}

/**
 * The first statement of a search with words: for each word of the normalised query, the indexed
 * words (`search_word`, trigram GIN) that stand in for it — the most similar ones from
 * FUZZY_MIN_LENGTH letters (typos: `cooperatves` for « coopératives ») and those containing it
 * from CONTAINING_MIN_LENGTH letters (Arabic clitics: `اقتصاد` in « الاقتصاد »; longer forms).
 * One sub-select per word with its own parameters, so each is planned on the index.
 */
export function buildExpansionStatement(normalized: string): SearchStatement | null {
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const selects = termsOf(normalized).map((term, position) => {
    // Only words long enough for an expansion take a parameter (an unused one has no type).
    if (term.length < CONTAINING_MIN_LENGTH) {
      return `SELECT ${position} AS position, '{}'::text[] AS similar, '{}'::text[] AS containing`;
    }
    const t = param(term);
    const similar =
      term.length >= FUZZY_MIN_LENGTH
        ? `ARRAY(SELECT w.word FROM search_word w
                  WHERE w.word % ${t} AND w.word <> ${t}
                    AND similarity(w.word, ${t}) >= ${CORRECTION_SIMILARITY}
                  ORDER BY similarity(w.word, ${t}) DESC, w.word
                  LIMIT ${CORRECTIONS_PER_WORD})`
        : `'{}'::text[]`;
    const containing =
      term.length >= CONTAINING_MIN_LENGTH
        ? `ARRAY(SELECT w.word FROM search_word w
                  WHERE w.word LIKE ${param(`%${escapeLike(term)}%`)} AND w.word <> ${t}
                  ORDER BY length(w.word), w.word
                  LIMIT ${CONTAINING_PER_WORD})`
        : `'{}'::text[]`;
    return `SELECT ${position} AS position, ${similar} AS similar, ${containing} AS containing`;
  });
  if (!termsOf(normalized).some((term) => term.length >= CONTAINING_MIN_LENGTH)) return null;
  return { sql: selects.join('\nUNION ALL\n'), params };
}

/** The words of a normalised query, as the full-text query takes them. */
export const termsOf = (normalized: string): string[] =>
  normalized.split(' ').filter((term) => term !== '');

/**
 * The full-text query in `to_tsquery` syntax: the query's words AND-ed, each OR-ed with the
 * indexed words standing in for it (`buildExpansionStatement`). Normalised words hold only
 * letters and digits, so they are literal in that syntax.
 */
export function tsqueryText(
  normalized: string,
  expansions: { similar: string[]; containing: string[] }[],
): string {
  return termsOf(normalized)
    .map((term, position) => {
      const words = [
        term,
        ...(expansions[position]?.similar ?? []),
        ...(expansions[position]?.containing ?? []),
      ];
      return `(${[...new Set(words)].join(' | ')})`;
    })
    .join(' & ');
}

/**
 * The main statement of a search: the matching records (one row each, the best of its
 * languages), their exact total and page after the filters, and each facet's exact counts over
 * the matching set with every filter but that facet's own (so a visitor sees what ticking another
 * value of the same facet would add). The text search, with the query normalised by
 * `normalizeForSearch` and the rows by `oris_search_normalize` (ARCHITECTURE "Search
 * normalisation"), matches a row when:
 * - its stemmed full text answers the query in French, English or as written (`@@`, GIN), so
 *   `coopératives` finds « coopérative » and `trainings` « training »; each word also stands for
 *   the indexed words similar to it (typos) or containing it (`buildExpansionStatement`);
 * - or its normalised title contains the query (`LIKE`, trigram GIN);
 * - or, from FUZZY_MIN_LENGTH characters, a word sequence of its title is similar to the query
 *   (`%>`, pg_trgm word similarity at 0.6).
 * All three are index scans OR-ed in one bitmap: nothing reads a row that does not match.
 *
 * Ranking, in two steps so that its cost does not grow with the matching set (P11):
 * 1. every matching row gets a cheap score from its small title vector (`title_vector`, never
 *    compressed): `ts_rank` of the title plus a bonus when the title contains the query, plus a
 *    small preference for the visitor's language and the original text; each record keeps its
 *    best language by that score (at P11, the title's word similarity cost as much as the whole
 *    text's `ts_rank`: it is left to step 2);
 * 2. the RANKED_CANDIDATES best records by it are ranked by the whole score — `ts_rank` of the
 *    whole text (title A over body B) in place of the title's, plus 0.5 × the title's word
 *    similarity to the query — which orders them first; records beyond them (deeper pages)
 *    follow in the cheap score's order.
 * Without a query: every public record, the most recent first.
 *
 * Only the page's rows are read whole (title, body, path); the counts read the narrow columns.
 *
 * Each matching row is handled as few times as possible (P11, every cold search pays for it):
 * the rows go straight from the index scan into the per-record sort (`matched` is not stored
 * first), that sort compares the record id before the kind (a uuid compares in one step, a kind
 * by collation), and the filters are applied where the records are read (`filtered` is not a
 * stored copy of `records`). Only `records`, which the total, the page and five facets read, is
 * stored once.
 */
export function buildSearchStatement(filter: SearchFilter): SearchStatement {
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const language = param(filter.language);
  const preference = (row: string) =>
    `(CASE WHEN ${row}.language = ${language} THEN 0.02 ELSE 0 END + CASE WHEN ${row}.original THEN 0.01 ELSE 0 END)`;
  const hasQuery = filter.normalized !== '';

  let where = 'true';
  let cheap = preference('d');
  let full = '';
  if (hasQuery) {
    const text = param(filter.tsquery);
    const tsquery = `(to_tsquery('french', ${text}) || to_tsquery('english', ${text}) || to_tsquery('simple', ${text}))`;
    const query = param(filter.normalized);
    const contains = param(`%${escapeLike(filter.normalized)}%`);
    const conditions = [`d.search_vector @@ ${tsquery}`, `d.title_normalized LIKE ${contains}`];
    if (filter.normalized.length >= FUZZY_MIN_LENGTH) {
      conditions.push(`d.title_normalized %> ${query}`);
    }
    where = conditions.join(' OR ');
    const title = ` + CASE WHEN d.title_normalized LIKE ${contains} THEN 0.5 ELSE 0 END + ${preference('d')}`;
    cheap = `ts_rank(d.title_vector, ${tsquery})${title}`;
    full =
      `ts_rank(d.search_vector, ${tsquery})` +
      ` + 0.5 * word_similarity(${query}, d.title_normalized)${title}`;
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
  const offset = (filter.page - 1) * filter.pageSize;
  const offsetParam = param(offset);

  // Each facet counted over the records with every filter but its own.
  const facetCounts = SEARCH_FACETS.map(
    (facet) =>
      `(SELECT coalesce(json_agg(json_build_object('value', f.value, 'count', f.count) ORDER BY f.count DESC, f.value), '[]')` +
      ` FROM (SELECT ${FACET_SQL[facet].values} AS value, count(*)::int AS count FROM records m` +
      ` WHERE ${filtersBut(facet)} GROUP BY 1) f WHERE f.value IS NOT NULL) AS "${facet}"`,
  );

  const candidates = hasQuery ? param(RANKED_CANDIDATES) : '';
  let page: string;
  if (!hasQuery) {
    page = `
      SELECT m.kind, m.record_id, m.language,
             row_number() OVER (ORDER BY m.published_on DESC NULLS LAST, m.cheap DESC, m.kind, m.record_id) AS position
        FROM filtered m
       ORDER BY m.published_on DESC NULLS LAST, m.cheap DESC, m.kind, m.record_id
       LIMIT ${limit} OFFSET ${offsetParam}`;
  } else {
    const ranked = `
      (SELECT DISTINCT ON (d.kind, d.record_id)
             d.kind, d.record_id, d.language, d.published_on, 1 AS tier, ${full} AS score
        FROM candidates c
        JOIN search_document d ON d.kind = c.kind AND d.record_id = c.record_id
       WHERE ${where}
       ORDER BY d.kind, d.record_id, score DESC, d.language)`;
    // Records beyond the candidates only when the page reaches past them.
    const rest =
      offset + filter.pageSize > RANKED_CANDIDATES
        ? `
       UNION ALL
      SELECT m.kind, m.record_id, m.language, m.published_on, 0 AS tier, m.cheap AS score
        FROM filtered m
       WHERE NOT EXISTS (SELECT 1 FROM candidates c WHERE c.kind = m.kind AND c.record_id = m.record_id)`
        : '';
    const order = `o.tier DESC, o.score DESC, o.published_on DESC NULLS LAST, o.kind, o.record_id`;
    page = `
      SELECT o.kind, o.record_id, o.language, row_number() OVER (ORDER BY ${order}) AS position
        FROM (${ranked}${rest}) o
       ORDER BY ${order}
       LIMIT ${limit} OFFSET ${offsetParam}`;
  }

  const candidatesCte = hasQuery
    ? `,
    candidates AS MATERIALIZED (
      SELECT m.kind, m.record_id FROM filtered m
       ORDER BY m.cheap DESC, m.published_on DESC NULLS LAST, m.kind, m.record_id
       LIMIT ${candidates}
    )`
    : '';

  const sql = `
    WITH matched AS NOT MATERIALIZED (
      SELECT d.kind, d.record_id, d.language, d.original, d.regions, d.themes, d.populations,
             d.evidence_level, d.published_on, ${cheap} AS cheap
        FROM search_document d
       WHERE ${where}
    ),
    records AS MATERIALIZED (
      SELECT DISTINCT ON (m.record_id, m.kind) m.*
        FROM matched m
       ORDER BY m.record_id, m.kind, m.cheap DESC, m.language
    ),
    filtered AS NOT MATERIALIZED (SELECT * FROM records m WHERE ${filtersBut(null)})${candidatesCte},
    page AS MATERIALIZED (${page})
    SELECT (SELECT count(*)::int FROM filtered) AS total,
           (SELECT coalesce(json_agg(p ORDER BY p.position), '[]') FROM (
              SELECT pg.position, d.kind, d.record_id AS id, d.language, d.original, d.title, d.body,
                     d.regions, d.themes, d.populations, d.evidence_level AS "evidenceLevel",
                     d.subtype, to_char(d.published_on, 'YYYY-MM-DD') AS "publishedOn", d.path
                FROM page pg
                JOIN search_document d
                  ON d.kind = pg.kind AND d.record_id = pg.record_id AND d.language = pg.language) p) AS items,
           ${facetCounts.join(',\n           ')}`;
  return { sql, params };
}

import {
  buildCatalogueFilter,
  buildTeachingFilter,
  COURSE_SEARCH_TEXT,
  escapeLike,
} from './catalogue-filter';

const TODAY = '2026-11-26';

describe('buildCatalogueFilter', () => {
  it('always restricts the catalogue to published courses', () => {
    expect(buildCatalogueFilter({}, TODAY)).toEqual({
      where: [`c.status = 'published'`],
      params: [],
      rank: [],
    });
  });

  it('searches the normalised course and session texts with the normalised query as parameters', () => {
    const { where, params, rank } = buildCatalogueFilter({ q: ' ES-101 Coopérative ' }, TODAY);
    expect(params).toEqual(['%es 101 cooperative%', '%es101cooperative%', 'es 101 cooperative']);
    expect(where[1]).toBe(
      `c.id IN (SELECT c.id FROM course c WHERE ${COURSE_SEARCH_TEXT} LIKE $1 OR ${COURSE_SEARCH_TEXT} LIKE $2 OR ${COURSE_SEARCH_TEXT} %> $3` +
        ` UNION SELECT s.course_id FROM course_session s WHERE s.status <> 'cancelled'` +
        ` AND (oris_search_normalize(s.title || ' ' || coalesce(s.venue, '')) LIKE $1` +
        ` OR oris_search_normalize(s.title || ' ' || coalesce(s.venue, '')) LIKE $2` +
        ` OR oris_search_normalize(s.title || ' ' || coalesce(s.venue, '')) %> $3))`,
    );
    expect(rank).toEqual([
      `(${COURSE_SEARCH_TEXT} LIKE $1) DESC`,
      `word_similarity($3, ${COURSE_SEARCH_TEXT}) DESC`,
    ]);
  });

  it('matches a short query as written, without typos or a compact form it does not have', () => {
    const { where, params, rank } = buildCatalogueFilter({ q: 'Fès' }, TODAY);
    expect(params).toEqual(['%fes%']);
    expect(where[1]).not.toContain('%>');
    expect(rank).toEqual([`(${COURSE_SEARCH_TEXT} LIKE $1) DESC`]);
  });

  it('matches nothing when only punctuation is typed, and ignores a blank search', () => {
    expect(buildCatalogueFilter({ q: ' %_ ' }, TODAY)).toMatchObject({
      where: [`c.status = 'published'`, 'false'],
      params: [],
    });
    expect(buildCatalogueFilter({ q: '   ' }, TODAY).where).toHaveLength(1);
  });

  it('filters by theme, delivery mode and language with numbered parameters', () => {
    const { where, params } = buildCatalogueFilter(
      { theme: 'cooperatives', mode: 'online', language: 'ar' },
      TODAY,
    );
    expect(where.slice(1)).toEqual([
      'c.theme = $1',
      'c.delivery_mode = $2',
      '$3 = ANY (c.languages)',
    ]);
    expect(params).toEqual(['cooperatives', 'online', 'ar']);
  });

  it('asks one non-cancelled session to be both in the region and upcoming', () => {
    const { where, params } = buildCatalogueFilter({ region: 'MA-03', upcoming: true }, TODAY);
    expect(where[1]).toBe(
      `EXISTS (SELECT 1 FROM course_session s WHERE s.course_id = c.id AND s.status <> 'cancelled' AND s.region_code = $1 AND s.starts_on >= $2::date)`,
    );
    expect(params).toEqual(['MA-03', TODAY]);
  });

  it('filters on upcoming sessions alone, and ignores upcoming=false', () => {
    expect(buildCatalogueFilter({ upcoming: true }, TODAY).where[1]).toContain(
      's.starts_on >= $1::date',
    );
    expect(buildCatalogueFilter({ upcoming: false }, TODAY).where).toHaveLength(1);
  });

  it('never puts a value in the SQL text', () => {
    const filter = buildCatalogueFilter(
      { q: "'; DROP TABLE course; --", region: 'MA-01', theme: 'other' },
      TODAY,
    );
    expect(filter.where.join(' ')).not.toContain('DROP');
  });
});

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
  });
});

describe('buildTeachingFilter', () => {
  it('has no condition without a filter: every status', () => {
    expect(buildTeachingFilter({})).toEqual({ where: [], params: [], rank: [] });
  });

  it('numbers its parameters after those already bound, search first, then status', () => {
    const { where, params, rank } = buildTeachingFilter({ q: ' Coop_ ', status: 'draft' }, [
      'owner-id',
    ]);
    expect(where[0]).toContain(`${COURSE_SEARCH_TEXT} LIKE $2 OR ${COURSE_SEARCH_TEXT} %> $3`);
    expect(where[1]).toBe('c.status = $4');
    expect(params).toEqual(['owner-id', '%coop%', 'coop', 'draft']);
    expect(rank).toEqual([
      `(${COURSE_SEARCH_TEXT} LIKE $2) DESC`,
      `word_similarity($3, ${COURSE_SEARCH_TEXT}) DESC`,
    ]);
  });
});

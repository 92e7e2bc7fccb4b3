import { buildCatalogueFilter, buildTeachingFilter, escapeLike } from './catalogue-filter';

const TODAY = '2026-11-26';

describe('buildCatalogueFilter', () => {
  it('always restricts the catalogue to published courses', () => {
    expect(buildCatalogueFilter({}, TODAY)).toEqual({
      where: [`c.status = 'published'`],
      params: [],
    });
  });

  it('searches code, title and summary with the text as a parameter, wildcards escaped', () => {
    const { where, params } = buildCatalogueFilter({ q: ' 100%_sûr\\ ' }, TODAY);
    expect(where[1]).toBe(`(c.code || ' ' || c.title || ' ' || c.summary) ILIKE $1 ESCAPE '\\'`);
    expect(params).toEqual(['%100\\%\\_sûr\\\\%']);
  });

  it('ignores a blank search', () => {
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
    expect(buildTeachingFilter({})).toEqual({ where: [], params: [] });
  });

  it('numbers its parameters after those already bound, search first, then status', () => {
    const { where, params } = buildTeachingFilter({ q: ' Coop_ ', status: 'draft' }, ['owner-id']);
    expect(where).toEqual([
      `(c.code || ' ' || c.title || ' ' || c.summary) ILIKE $2 ESCAPE '\\'`,
      'c.status = $3',
    ]);
    expect(params).toEqual(['owner-id', '%Coop\\_%', 'draft']);
  });
});

// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { buildCatalogueFilter, seedDemoCatalogue } from '@oris/api/catalogue';
import { normalizeForSearch } from '@oris/shared/domain';
import { SEARCH_NORMALIZATION_CASES } from '@oris/shared/domain/testing';
import { DataSource } from 'typeorm';
import { signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { client, publishedCourse } from './catalogue-client';

/** Every code point of the given inclusive ranges, as one-character strings. */
const charactersOf = (...ranges: [number, number][]) =>
  ranges.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index)),
  );

describe('catalogue: a search that forgives', () => {
  let api: TestApp;
  let dataSource: DataSource;
  let http: ReturnType<typeof client>;
  let courseIds: Record<string, string>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    dataSource = api.app.get(DataSource);
    http = client(api);
    const admin = await signInAsNewAdmin(api);
    const trainer = await signInWithRoles(api, admin, ['trainer']);
    await seedDemoCatalogue(dataSource, { trainerId: trainer.user.id });
    const arabic = await publishedCourse(api, trainer, {
      code: 'AR-200',
      title: 'تَسْيِيرُ المُقَاوَلَةِ الاجْتِمَاعِيَّةِ',
      summary: 'تكوين عملي على مستوى الجهة لإدارة التعاونيات والمؤسسات.',
      languages: ['ar'],
    });
    const typo = await publishedCourse(api, trainer, {
      code: 'TY-300',
      title: 'Entreprenariat rural (titre mal orthographié)',
      summary: 'Un intitulé écrit avec la faute que les gens tapent.',
    });
    const rows: { id: string; code: string }[] = await dataSource.query(
      `SELECT id, code FROM course`,
    );
    courseIds = Object.fromEntries(rows.map((row) => [row.code, row.id]));
    expect(courseIds['AR-200']).toBe(arabic.id);
    expect(courseIds['TY-300']).toBe(typo.id);
  });

  afterAll(() => api.close());

  const codes = async (q: string) => {
    const response = await http.anonymous
      .get(`/api/v1/courses?pageSize=100&q=${encodeURIComponent(q)}`)
      .expect(200);
    const byId = new Map(Object.entries(courseIds).map(([code, id]) => [id, code]));
    return response.body.items.map((item: { id: string }) => byId.get(item.id));
  };

  describe('one normalisation, in TypeScript and in PostgreSQL', () => {
    it('gives the agreed result for every example of the table, in both', async () => {
      const inputs = SEARCH_NORMALIZATION_CASES.map(([input]) => input);
      const rows: { normalized: string }[] = await dataSource.query(
        `SELECT oris_search_normalize(input) AS normalized
           FROM unnest($1::text[]) WITH ORDINALITY AS t(input, n) ORDER BY n`,
        [inputs],
      );
      const expected = SEARCH_NORMALIZATION_CASES.map(([, result]) => result);
      expect(rows.map((row) => row.normalized)).toEqual(expected);
      expect(inputs.map(normalizeForSearch)).toEqual(expected);
    });

    it('agrees character by character on ASCII, Latin, Arabic, punctuation and Tifinagh', async () => {
      const characters = charactersOf(
        [0x20, 0x7e],
        [0xa0, 0x24f],
        [0x0300, 0x036f],
        [0x0600, 0x06ff],
        [0x1e00, 0x1eff],
        [0x2000, 0x206f],
        [0x2d30, 0x2d7f],
      );
      // Each between two letters, so a separator shows as a space rather than being trimmed.
      const inputs = characters.map((char) => `a${char}b`);
      const rows: { normalized: string }[] = await dataSource.query(
        `SELECT oris_search_normalize(input) AS normalized
           FROM unnest($1::text[]) WITH ORDINALITY AS t(input, n) ORDER BY n`,
        [inputs],
      );
      const disagreements = inputs.flatMap((input, index) => {
        const typescript = normalizeForSearch(input);
        const sql = rows[index].normalized;
        return typescript === sql
          ? []
          : [`U+${characters[index].codePointAt(0)?.toString(16)}: ts ${typescript} sql ${sql}`];
      });
      expect(disagreements).toEqual([]);
    });
  });

  /** The best match: a query may also find others approximately, ranked after it. */
  const best = async (q: string) => (await codes(q))[0];

  it('ignores accents and case: cooperative finds « Créer et gérer une coopérative »', async () => {
    expect(await best('cooperative')).toBe('COOP-120');
    expect(await best('COOPÉRATIVE')).toBe('COOP-120');
  });

  it('ignores spaces and punctuation in a code: es101, ES 101 and es-101 find ES-101', async () => {
    expect(await best('es101')).toBe('ES-101');
    expect(await best('ES 101')).toBe('ES-101');
    expect(await best('es-101')).toBe('ES-101');
    expect(await best('ESSAR160')).toBe('ESS-AR-160');
  });

  it('finds a course by the town of one of its sessions, not of a cancelled one', async () => {
    expect(await codes('meknes')).toEqual(['ES-101']);
    // PL-140's session in Laâyoune is cancelled.
    expect(await codes('laayoune')).toEqual([]);
  });

  it('forgives a typo, and puts the exact spelling first', async () => {
    const found = await codes('entreprenariat');
    // The course whose title has this very spelling first, then those with the right one.
    expect(found[0]).toBe('TY-300');
    expect(found).toContain('ES-101');
    expect(await codes('cooperatve')).toContain('COOP-120');
    // Short queries are not approximated: three letters with a typo are another word.
    expect(await codes('fsx')).toEqual([]);
  });

  it('finds Arabic without diacritics, with alef, hamza, yeh and teh marbuta variants', async () => {
    // Stored with diacritics, typed without.
    expect(await best('تسيير المقاولة')).toBe('AR-200');
    // Teh marbuta typed as heh.
    expect(await best('المقاوله الاجتماعيه')).toBe('AR-200');
    // Alef maqsura typed as yeh: « على مستوى ».
    expect(await best('علي مستوي الجهه')).toBe('AR-200');
    // The demo course, typed with hamza on the alefs, and with diacritics.
    expect(await best('الإقتصاد الإجتماعي')).toBe('ESS-AR-160');
    expect(await best('الاقْتِصَادُ')).toBe('ESS-AR-160');
    // Its summary has « إلى », typed plain with a yeh.
    expect(await best('مدخل الي')).toBe('ESS-AR-160');
  });

  it('matches nothing when only punctuation is typed', async () => {
    expect(await codes('%%')).toEqual([]);
    expect(await codes('—')).toEqual([]);
  });

  it('keeps the search on the trigram indexes (EXPLAIN)', async () => {
    const { where, params, rank } = buildCatalogueFilter(
      { q: 'entreprenariat meknes' },
      '2026-01-01',
    );
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      // The tables are tiny: forbid sequential scans so the plan shows whether an index can serve.
      await runner.query(`SET LOCAL enable_seqscan = off`);
      const [{ 'QUERY PLAN': plan }] = await runner.query(
        `EXPLAIN (FORMAT JSON) SELECT c.id FROM course c WHERE ${where.join(' AND ')}
          ORDER BY ${[...rank, 'c.published_at DESC', 'c.id'].join(', ')}`,
        params,
      );
      const text = JSON.stringify(plan);
      expect(text).toContain('"Index Name":"course_search_idx"');
      expect(text).toContain('"Index Name":"course_session_search_idx"');
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });
});

// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  databaseNow,
  http,
  PublicationCast,
  publicationBody,
  publicationCast,
  serialWithCoverage,
} from './publication-client';

/**
 * The indexed-publications indicator on a hand-built year, one publication per rule and trap,
 * the expected figures written out below. Y is last year, so every date of Y is in the past.
 */
describe('indicator: indexed publications in a year', () => {
  let api: TestApp;
  let cast: PublicationCast;
  const Y = new Date().getUTCFullYear() - 1;
  const today = new Date().toISOString().slice(0, 10);
  const ids: Record<string, string> = {};
  let knownBefore: string;

  const figures = (query: string, who = () => cast.editor) =>
    http(api).as(who()).get(`/api/v1/indicators/publications?${query}`).expect(200);

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await publicationCast(api);
    const editor = http(api).as(cast.editor);
    const covered = await serialWithCoverage(api, 'Revue couverte par Scopus', [
      { index: 'scopus', fromYear: Y - 5, checkedOn: `${Y}-01-10` },
    ]);
    const ended = await serialWithCoverage(api, 'Revue sortie de l’ESCI', [
      {
        index: 'wos_esci',
        fromYear: Y - 6,
        toYear: Y - 2,
        checkedOn: `${Y}-01-10`,
        state: 'discontinued',
      },
    ]);
    const arcifOnly = await serialWithCoverage(api, 'Revue arabe (Arcif seulement)', [
      { index: 'arcif', fromYear: Y - 3, checkedOn: `${Y}-01-10` },
    ]);
    // Its DOAJ coverage was checked this January: after 31 December of Y.
    const checkedLate = await serialWithCoverage(api, 'Revue du DOAJ vérifiée en janvier', [
      { index: 'doaj', fromYear: Y, checkedOn: `${Y + 1}-01-20` },
    ]);
    const record = async (name: string, overrides: Record<string, unknown>, validate = true) => {
      const created = await editor
        .post('/api/v1/publications', publicationBody({ publishedOn: `${Y}-03-15`, ...overrides }))
        .expect(201);
      ids[name] = created.body.id;
      if (validate)
        await editor.post(`/api/v1/publications/${created.body.id}/validate`).expect(200);
    };
    const title = (text: string, language = 'fr') => [{ language, title: text, original: true }];
    await record('P1 scopus via serial', {
      titles: title('Coopératives féminines et arganier'),
      serialId: covered,
      openAccess: 'gold',
    });
    await record('P2 coverage ended', {
      titles: title('Microfinance et inclusion'),
      serialId: ended,
    });
    await record('P3 arcif only', {
      titles: title('الاقتصاد الاجتماعي في جهة فاس', 'ar'),
      serialId: arcifOnly,
    });
    await record('P4 item-level twice', {
      titles: [
        { language: 'ar', title: 'التعاونيات والتنمية المحلية', original: true },
        { language: 'fr', title: 'Coopératives et développement local' },
      ],
      openAccess: 'diamond',
      indexRecords: [
        { index: 'wos_scie', externalId: 'WOS:000111', verifiedOn: `${Y}-06-01` },
        { index: 'doaj', verifiedOn: `${Y}-06-01` },
      ],
    });
    await record('P5 retracted in Y', {
      titles: title('Étude rétractée en novembre'),
      serialId: covered,
      retractedOn: `${Y}-11-01`,
    });
    await record('P6 retracted in January after Y', {
      titles: title('Étude rétractée en janvier'),
      serialId: covered,
      retractedOn: `${Y + 1}-01-10`,
    });
    await record('P7 not ORIS', {
      titles: title('Un travail sans lien avec l’ORIS'),
      serialId: covered,
      attribution: null,
      attributionEvidence: null,
    });
    await record('P8 working paper', {
      type: 'working_paper',
      titles: title('Document de travail sur l’incubation'),
      indexRecords: [{ index: 'scopus', verifiedOn: `${Y}-05-01` }],
    });
    await record('P9 book, year only', {
      type: 'book',
      doi: null,
      titles: title('Manuel de l’entrepreneuriat social'),
      publishedOn: `${Y}-09-30`,
      publishedOnPrecision: 'year',
      attribution: 'acknowledgement',
      attributionEvidence: 'Ouvrage publié avec le soutien de l’ORIS.',
      indexRecords: [{ index: 'scopus', verifiedOn: `${Y}-05-01` }],
    });
    await record('P10a kept', {
      titles: title('Les tiers-lieux au Maroc : une typologie'),
      serialId: covered,
    });
    await record('P10b duplicate', {
      titles: title('Les tiers lieux au Maroc: une typologie'),
      doi: null,
      indexRecords: [{ index: 'pubmed', verifiedOn: `${Y}-04-01` }],
    });
    await record('P11 submitted', { titles: title('Jamais validée'), serialId: covered }, false);
    await record(
      'P12 validated later',
      { titles: title('Validée après le premier rapport'), serialId: covered },
      false,
    );
    await record('P13 corrected', {
      titles: title('Date corrigée après validation'),
      serialId: covered,
      publishedOn: `${Y}-05-05`,
    });
    await record('P15 english, late coverage check', {
      titles: title('Social innovation hubs', 'en'),
      serialId: checkedLate,
    });
    await record('P16 other year', {
      titles: title('Publiée l’année d’avant'),
      serialId: covered,
      publishedOn: `${Y - 1}-06-01`,
    });
    await record('P17 withdrawn later', {
      titles: title('Retirée après le premier rapport'),
      serialId: covered,
    });

    knownBefore = await databaseNow(api);
    await editor.post(`/api/v1/publications/${ids['P12 validated later']}/validate`).expect(200);
    await editor
      .patch(`/api/v1/publications/${ids['P13 corrected']}`, { publishedOn: `${Y - 1}-12-20` })
      .expect(200);
    await editor
      .post(`/api/v1/publications/${ids['P10a kept']}/merge`, {
        duplicateId: ids['P10b duplicate'],
      })
      .expect(200);
    await editor.post(`/api/v1/publications/${ids['P17 withdrawn later']}/withdraw`).expect(200);
  });

  afterAll(() => api.close());

  const idsOf = (...names: string[]) => names.map((name) => ids[name]).sort();
  const breakdownOf = (
    body: { breakdown: { dimension: string; key: string; value: number }[] },
    dimension: string,
  ) =>
    Object.fromEntries(
      body.breakdown
        .filter((row) => row.dimension === dimension)
        .map((row) => [row.key, row.value]),
    );

  it('counts distinct validated ORIS works of the five types indexed by a counting index, as of today', async () => {
    const { body } = await figures(`year=${Y}`);
    expect(body.asOf).toBe(today);
    // P1 (serial in Scopus), P4 (item-level WoS and DOAJ), P9 (a year-only date counts in its year),
    // P10a (once, with its merged duplicate's PubMed record), P12 (validated since), P15 (DOAJ coverage
    // checked in January, before today). Not: P2 (coverage ended), P3 (Arcif never counts), P5 and P6
    // (retracted by today), P7 (not ORIS), P8 (a working paper), P10b (merged), P11 (submitted),
    // P13 (moved to the year before), P16 (another year), P17 (withdrawn).
    expect(body.value).toBe(6);
    expect(body.counted).toEqual(
      idsOf(
        'P1 scopus via serial',
        'P4 item-level twice',
        'P9 book, year only',
        'P10a kept',
        'P12 validated later',
        'P15 english, late coverage check',
      ),
    );
    const companions = Object.fromEntries(
      body.companions.map((c: { key: string; value: number }) => [c.key, c.value]),
    );
    // Every validated ORIS work of Y not retracted: the six, and P2, P3, P8.
    expect(companions).toEqual({ orisPublications: 9, shareIndexed: 0.6667 });
    // A work indexed twice is in two rows: 4 + 1 + 2 + 1 = 8 rows for 6 works.
    expect(breakdownOf(body, 'index')).toEqual({ scopus: 4, wos_scie: 1, doaj: 2, pubmed: 1 });
    expect(breakdownOf(body, 'type')).toEqual({ journal_article: 5, book: 1 });
    expect(breakdownOf(body, 'language')).toEqual({ fr: 4, ar: 1, en: 1 });
    expect(breakdownOf(body, 'openAccess')).toEqual({ gold: 1, diamond: 1, unknown: 4 });
    expect(body.definition.version).toBe('publications-1');
    expect(body.definition.text.en).toContain('the rows do not sum to the total');
    expect(body.definition.text.fr).toContain(today);
  });

  it('applies asOf to the facts’ own dates: a January retraction and a January coverage check are not yet facts on 31 December', async () => {
    const { body } = await figures(`year=${Y}&asOf=${Y}-12-31`);
    // P6 counts (retracted after the day); P15 is not indexed yet (coverage checked after it).
    expect(body.counted).toEqual(
      idsOf(
        'P1 scopus via serial',
        'P4 item-level twice',
        'P6 retracted in January after Y',
        'P9 book, year only',
        'P10a kept',
        'P12 validated later',
      ),
    );
    const companions = Object.fromEntries(
      body.companions.map((c: { key: string; value: number }) => [c.key, c.value]),
    );
    expect(companions).toEqual({ orisPublications: 10, shareIndexed: 0.6 });
  });

  it('reproduces what was known at an earlier instant: before a validation, a correction, a merge and a withdrawal', async () => {
    const { body } = await figures(`year=${Y}&knownAt=${encodeURIComponent(knownBefore)}`);
    // Then: P12 not validated, P13 still dated in Y, P10a and P10b not yet known as one work, P17 validated.
    expect(body.counted).toEqual(
      idsOf(
        'P1 scopus via serial',
        'P4 item-level twice',
        'P9 book, year only',
        'P10a kept',
        'P10b duplicate',
        'P13 corrected',
        'P15 english, late coverage check',
        'P17 withdrawn later',
      ),
    );
    expect(body.companions[0]).toMatchObject({ key: 'orisPublications', value: 11 });
    expect(breakdownOf(body, 'index')).toMatchObject({ scopus: 5, pubmed: 1 });
  });

  it('lists the counted records for the drill-down, titled in the language asked when the work has it', async () => {
    const page = await http(api)
      .as(cast.partnerships)
      .get(`/api/v1/indicators/publications/records?year=${Y}&lang=fr&pageSize=100`)
      .expect(200);
    expect(page.body.total).toBe(6);
    const p4 = page.body.items.find(
      (item: { id: string }) => item.id === ids['P4 item-level twice'],
    );
    expect(p4).toEqual({
      id: ids['P4 item-level twice'],
      label: 'Coopératives et développement local',
      date: `${Y}-03-15`,
      path: `/observatory/publications/${ids['P4 item-level twice']}`,
    });
    const p9 = page.body.items.find(
      (item: { id: string }) => item.id === ids['P9 book, year only'],
    );
    expect(p9.date).toBe(`${Y}-01-01`);
  });

  it('is for staff: observatory editor, partnership and placement officers, administrators; others 403, anonymous 401', async () => {
    for (const staff of [cast.admin, cast.editor, cast.partnerships, cast.officer]) {
      await http(api).as(staff).get(`/api/v1/indicators/publications?year=${Y}`).expect(200);
    }
    for (const someone of [cast.trainee, cast.trainer]) {
      await http(api).as(someone).get(`/api/v1/indicators/publications?year=${Y}`).expect(403);
      await http(api)
        .as(someone)
        .get(`/api/v1/indicators/publications/records?year=${Y}`)
        .expect(403);
    }
    const anonymous = await http(api)
      .anonymous.get(`/api/v1/indicators/publications?year=${Y}`)
      .expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('counts the indexes that counted as known then: an administrator making Arcif count leaves an earlier knownAt as it was', async () => {
    const beforeTheChange = await databaseNow(api);
    await http(api).as(cast.admin).patch('/api/v1/indexes/arcif', { counts: true }).expect(200);
    try {
      const now = await figures(`year=${Y}`);
      expect(now.body.value).toBe(7);
      expect(now.body.counted).toContain(ids['P3 arcif only']);
      const then = await figures(`year=${Y}&knownAt=${encodeURIComponent(beforeTheChange)}`);
      expect(then.body.value).toBe(6);
      expect(then.body.counted).not.toContain(ids['P3 arcif only']);
    } finally {
      await http(api).as(cast.admin).patch('/api/v1/indexes/arcif', { counts: false }).expect(200);
    }
  });

  it('refuses a missing year, a future asOf and a knownAt before the asOf day with problem+json', async () => {
    const missing = await http(api)
      .as(cast.editor)
      .get('/api/v1/indicators/publications')
      .expect(400);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const future = await http(api)
      .as(cast.editor)
      .get(`/api/v1/indicators/publications?year=${Y}&asOf=2999-01-01`)
      .expect(400);
    expect(future.body.errors).toEqual([
      { field: 'asOf', message: 'asOf cannot be in the future' },
    ]);
    const early = await http(api)
      .as(cast.editor)
      .get(`/api/v1/indicators/publications?year=${Y}&asOf=${today}&knownAt=${Y}-06-01T00:00:00Z`)
      .expect(400);
    expect(early.body.errors[0].field).toBe('knownAt');
  });
});

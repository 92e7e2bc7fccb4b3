// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { InsertionIndicators, InsertionRollup, type GroupBy } from '@oris/api/indicators';
import { parseCsv } from '@oris/shared/domain';
import { Workbook } from 'exceljs';
import { client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { PlacementCast, placementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { IndicatorDataset, seedIndicatorDataset } from './indicator-dataset';

const GROUP_BYS: GroupBy[] = [
  'region',
  'gender',
  'ageBand',
  'education',
  'course',
  'session',
  'year',
  'kind',
];
const COUNTS = ['trained', 'eligible', 'inserted', 'employed', 'responded'] as const;

const counts = (body: Record<string, unknown>) =>
  Object.fromEntries(
    [...COUNTS, 'insertionRate', 'employmentRate', 'responseRate', 'lowerBoundRate'].map((key) => [
      key,
      body[key],
    ]),
  );

describe('indicators: trained and inserted', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let data: IndicatorDataset;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    data = await seedIndicatorDataset(database(api), cast.admin.user.id);
  });

  afterAll(() => api.close());

  it('is for placement officers and administrators: trainees and trainers 403, anonymous 401', async () => {
    for (const url of [
      '/api/v1/indicators/insertion',
      '/api/v1/indicators/insertion.csv',
      '/api/v1/indicators/insertion.xlsx',
    ]) {
      for (const someone of [cast.trainee, cast.trainer]) {
        const refused = await http.as(someone).get(url).expect(403);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      await http.anonymous.get(url).expect(401);
      await http.as(cast.officer).get(url).expect(200);
      await http.as(cast.admin).get(url).expect(200);
    }
  });

  it('validates the query with problem+json naming each field', async () => {
    const bad = await http
      .as(cast.officer)
      .get(
        '/api/v1/indicators/insertion?months=7&groupBy=colour&region=MA-99&asOf=2025-02-30&course=x',
      )
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field);
    expect(new Set(fields)).toEqual(new Set(['months', 'groupBy', 'region', 'asOf', 'course']));
    const reversed = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?from=2025-01-01&to=2024-01-01')
      .expect(400);
    expect(reversed.body.errors).toEqual([
      { field: 'from', message: 'from must be on or before to' },
    ]);
    const future = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?asOf=2999-01-01')
      .expect(400);
    expect(future.body.errors).toEqual([
      { field: 'asOf', message: 'asOf cannot be in the future' },
    ]);
    const afterAsOf = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?asOf=2025-01-01&from=2025-02-01')
      .expect(400);
    expect(afterAsOf.body.errors).toEqual([
      { field: 'from', message: 'from must be on or before asOf' },
    ]);
    const badInstant = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?knownAt=yesterday')
      .expect(400);
    expect(badInstant.body.errors).toEqual([
      { field: 'knownAt', message: 'knownAt must be an ISO 8601 date-time with a time zone' },
    ]);
  });

  it('computes today’s T+9 figures live from the raw tables before any rollup exists', async () => {
    const { body } = await http.as(cast.officer).get('/api/v1/indicators/insertion').expect(200);
    // Trained: p1 (once, two completions), p2, p3, p4, p6, p7, p8, p9, p10, p12; not p5 and
    // p11 (revoked). Eligible: all but p8 (recent). Inserted: p1, p6, p10 — not p2 (job from
    // before the training), p3 (after the reference date), p4 (further studies), p7 and p9
    // (not validated now). Employed: p1, p10 (p6 ended). Responded: p1, p2, p4, p6, p10, p12.
    expect(counts(body)).toEqual({
      trained: 10,
      eligible: 9,
      inserted: 3,
      employed: 2,
      responded: 6,
      insertionRate: 3 / 6,
      employmentRate: 2 / 6,
      responseRate: 6 / 9,
      lowerBoundRate: 3 / 9,
    });
    expect(body.employmentRate).toBeLessThanOrEqual(body.insertionRate);
    expect(body.lowerBoundRate).toBeLessThanOrEqual(body.insertionRate);
    expect(body.freshness).toMatchObject({ source: 'live', refreshedAt: null });
    expect(body.definition.fr).toContain('Taux d’insertion = insérées ÷ répondants');
    expect(body.definition.en).toContain('completion + 9 months');
    expect(body.definition.ar).toContain('9');
    expect(body.breakdown).toEqual([]);
  });

  it('answers from the rollup once the worker built it, with the same figures and its freshness', async () => {
    const state = await api.app.get(InsertionRollup).refresh();
    expect(state?.rowCount).toBe(13 - 2); // 13 completions, 2 with a revoked certificate
    const { body } = await http.as(cast.officer).get('/api/v1/indicators/insertion').expect(200);
    expect(body.freshness.source).toBe('rollup');
    expect(new Date(body.freshness.refreshedAt).getTime()).toBe(state?.refreshedAt.getTime());
    expect(counts(body)).toMatchObject({
      trained: 10,
      eligible: 9,
      inserted: 3,
      employed: 2,
      responded: 6,
    });
  });

  it('gives identical answers from the rollup and the raw tables, for every horizon, breakdown and filter', async () => {
    const engine = api.app.get(InsertionIndicators);
    const queries = [
      ...([6, 9, 12] as const).flatMap((months) =>
        [undefined, ...GROUP_BYS].map((groupBy) => ({ months, groupBy })),
      ),
      { region: 'MA-06' as const, groupBy: 'kind' as const },
      { course: data.courseA, groupBy: 'gender' as const },
      { session: data.s2 },
      { from: '2024-05-01', to: '2024-12-31', groupBy: 'region' as const },
      { from: '2024-03-02', groupBy: 'session' as const },
    ];
    // The rollup holds today's state; live reads any asOf and knownAt. Both apply today, at the
    // rollup's own knownAt, and on a past day after the last revocation (p11, 2025-08-01).
    const knownAt = (await api.app.get(InsertionRollup).state())?.refreshedAt.toISOString();
    const twoDates = [{}, { knownAt }, { asOf: '2025-09-30' }, { asOf: '2025-09-30', knownAt }];
    for (const dates of twoDates) {
      for (const query of queries.map((query) => ({ ...query, ...dates }))) {
        const rollup = await engine.compute(query, 'rollup');
        const live = await engine.compute(query, 'live');
        // The figures and notes; the instant of knowledge each reports is its own.
        const strip = (result: typeof rollup) => ({
          ...result,
          freshness: undefined,
          definition: undefined,
          filters: { ...result.filters, knownAt: undefined },
        });
        expect({ query, result: strip(rollup) }).toEqual({ query, result: strip(live) });
      }
    }
  });

  it('reads T+12 and T+6 by their own reference dates', async () => {
    const t12 = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?months=12')
      .expect(200);
    // p3's job (2025-01-15) is before p3's T+12 reference date (2025-03-01).
    expect(counts(t12.body)).toMatchObject({
      trained: 10,
      eligible: 9,
      inserted: 4,
      employed: 3,
      responded: 6,
    });
    const t6 = await http.as(cast.officer).get('/api/v1/indicators/insertion?months=6').expect(200);
    // T+6 of S2 is 2025-01-01: p6 (ended 2024-10-31) inserted, not employed; p12 answered only
    // the T+9 follow-up.
    expect(counts(t6.body)).toMatchObject({
      trained: 10,
      eligible: 9,
      inserted: 3,
      employed: 2,
      responded: 5,
    });
  });

  it('breaks down by every dimension, each summing to the totals, unknowns in their own group', async () => {
    const totals = (await http.as(cast.officer).get('/api/v1/indicators/insertion').expect(200))
      .body;
    for (const groupBy of GROUP_BYS) {
      const { body } = await http
        .as(cast.officer)
        .get(`/api/v1/indicators/insertion?groupBy=${groupBy}`)
        .expect(200);
      for (const count of COUNTS) {
        const sum = (body.breakdown as Record<string, number>[]).reduce((n, g) => n + g[count], 0);
        expect({ groupBy, count, sum }).toEqual({ groupBy, count, sum: totals[count] });
      }
    }
    const byKind = (await http.as(cast.officer).get('/api/v1/indicators/insertion?groupBy=kind'))
      .body;
    const kinds = Object.fromEntries(
      (byKind.breakdown as { key: string; trained: number; inserted: number }[]).map((g) => [
        g.key,
        [g.trained, g.inserted],
      ]),
    );
    // p1, p10 wage; p6 self-employment; p4 further studies; p2 (job from before) and p12
    // (follow-up only) `other`; p3, p7, p9 (no answer for T+9) and p8 (not eligible) `unknown`.
    expect(kinds).toEqual({
      wage_employment: [2, 2],
      self_employment: [1, 1],
      further_studies: [1, 0],
      other: [2, 0],
      unknown: [4, 0],
    });
    const byGender = (
      await http.as(cast.officer).get('/api/v1/indicators/insertion?groupBy=gender')
    ).body;
    expect(
      byGender.breakdown.map((g: { key: string; trained: number }) => [g.key, g.trained]),
    ).toEqual([
      ['female', 3],
      ['male', 6],
      ['unknown', 1],
    ]);
    const byAge = (await http.as(cast.officer).get('/api/v1/indicators/insertion?groupBy=ageBand'))
      .body;
    // At the start of the reference training: p3 23, p12 24 | p1 26, p6 29, p7 25 |
    // p2 34, p8 41 (S3 this year), p9 32, p10 36 | p4 54.
    expect(
      byAge.breakdown.map((g: { key: string; trained: number }) => [g.key, g.trained]),
    ).toEqual([
      ['15-24', 2],
      ['25-29', 3],
      ['30-44', 4],
      ['45+', 1],
    ]);
    const byCourse = (
      await http.as(cast.officer).get('/api/v1/indicators/insertion?groupBy=course')
    ).body;
    expect(byCourse.breakdown.find((g: { key: string }) => g.key === data.courseB).label).toMatch(
      /^IND-B/,
    );
  });

  it('filters select persons by their reference training, as the breakdown groups them', async () => {
    const region = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?region=MA-06')
      .expect(200);
    // p6, p7, p12: p1's reference training is S1 (MA-01), p5's certificate is revoked.
    expect(counts(region.body)).toMatchObject({
      trained: 3,
      eligible: 3,
      inserted: 1,
      employed: 0,
      responded: 2,
    });
    const session = await http
      .as(cast.officer)
      .get(`/api/v1/indicators/insertion?session=${data.s3}`)
      .expect(200);
    expect(counts(session.body)).toMatchObject({
      trained: 1,
      eligible: 0,
      insertionRate: null,
      responseRate: null,
    });
    // A period starting after S1's completion makes S2 p1's reference training.
    const later = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?from=2024-06-01&to=2024-12-31')
      .expect(200);
    // p1's job (2024-05-01) started before S2 (2024-06-03): ongoing, so responded, not inserted.
    expect(counts(later.body)).toMatchObject({
      trained: 4,
      eligible: 4,
      inserted: 1,
      employed: 0,
      responded: 3,
    });
  });

  it('reads a past asOf on the facts’ own dates, and knownAt as what was recorded by then', async () => {
    const byRegion = async (query: string) => {
      const { body } = await http
        .as(cast.officer)
        .get(`/api/v1/indicators/insertion?groupBy=region&${query}`)
        .expect(200);
      const unknown = body.breakdown.find((group: { key: string }) => group.key === 'unknown');
      return { body, p9: { inserted: unknown.inserted, employed: unknown.employed } };
    };
    // On 2025-05-01: p11 is still trained (revoked later), p8 had not completed yet. Situations
    // count as validated now: p10's job (validated later) counts, p9's cooperative (changed and
    // not validated again since) does not.
    const asOf = await byRegion('asOf=2025-05-01');
    expect(asOf.body.freshness.source).toBe('live');
    expect(counts(asOf.body)).toEqual({
      trained: 10,
      eligible: 10,
      inserted: 3,
      employed: 2,
      responded: 6,
      insertionRate: 3 / 6,
      employmentRate: 2 / 6,
      responseRate: 6 / 10,
      lowerBoundRate: 3 / 10,
    });
    expect(asOf.p9).toEqual({ inserted: 0, employed: 0 });
    // Known at the end of that day (Morocco, UTC+1 then): the report as produced that evening —
    // p9's cooperative was validated and not yet changed, p10's job not yet validated.
    const knownThen = await byRegion('asOf=2025-05-01&knownAt=2025-05-01T23:59:59%2B01:00');
    expect(counts(knownThen.body)).toMatchObject({
      trained: 10,
      eligible: 10,
      inserted: 3,
      employed: 2,
      responded: 6,
    });
    expect(knownThen.p9).toEqual({ inserted: 1, employed: 1 });
    expect(knownThen.body.filters.knownAt).toBe('2025-05-01T22:59:59.000Z');
    // Before S2 reached T+9 (2025-04-01): only S1's seven are eligible.
    const earlier = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?asOf=2025-03-10')
      .expect(200);
    expect(counts(earlier.body)).toMatchObject({
      trained: 10,
      eligible: 7,
      inserted: 2,
      employed: 2,
      responded: 4,
    });
    // Known on 2024-04-01, before S2 and before any situation had been validated but p2's: only
    // S1's completions, none eligible yet at 2024-04-01.
    const early = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?knownAt=2024-04-01T12:00:00Z')
      .expect(200);
    expect(early.body.filters.asOf).toBe('2024-04-01');
    expect(counts(early.body)).toMatchObject({ trained: 7, eligible: 0 });
    expect(early.body.notes).toEqual([expect.objectContaining({ code: 'none_eligible_yet' })]);
  });

  it('exports CSV in the chosen language: filters in words, rounded rates, group names, neutralised cells', async () => {
    // A course title is text a spreadsheet would evaluate.
    await database(api).query(`UPDATE course SET title = '=HYPERLINK("http://x")' WHERE id = $1`, [
      data.courseB,
    ]);
    const response = await http
      .as(cast.admin)
      .get('/api/v1/indicators/insertion.csv?groupBy=course&months=9&lang=en')
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=/);
    const text = response.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text).map((record) => record.cells);
    expect(rows[0]).toEqual(['ORIS Academy — Professionals trained and inserted', '']);
    expect(rows).toContainEqual(['Horizon (months)', '9']);
    expect(rows).toContainEqual(['Breakdown', 'Course']);
    expect(rows).toContainEqual(['Region', 'All regions']);
    expect(rows.find((row) => row[0] === 'Reference day')?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.find((row) => row[0] === 'As known on (Morocco time)')?.[1]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    expect(rows.find((row) => row[0] === 'Definition')?.[1]).toContain('Insertion rate');
    const header = rows.findIndex((row) => row[1] === 'Code');
    expect(rows[header]).toEqual([
      'Course',
      'Code',
      'Trained',
      'Observable',
      'Respondents',
      'Inserted',
      'Employed',
      'Insertion rate (%)',
      'Employment rate (%)',
      'Response rate (%)',
      'Lower bound (%)',
    ]);
    // 3 inserted and 2 employed of 6 respondents, 6 of 9 observable: percentages, one decimal.
    expect(rows[header + 1]).toEqual([
      'Total',
      '',
      '10',
      '9',
      '6',
      '3',
      '2',
      '50.0',
      '33.3',
      '66.7',
      '33.3',
    ]);
    const courseRow = rows.find((row) => row[1] === data.courseB) as string[];
    expect(courseRow[0]).toMatch(/^IND-B\S+ — =HYPERLINK\("http:\/\/x"\)$/);
    // No cell anywhere starts with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('names regions and categories in French by default, with the decimal comma', async () => {
    const regions = (await http.as(cast.officer).get('/api/v1/regions').expect(200)).body as {
      code: string;
      nameFr: string;
    }[];
    const byRegion = parseCsv(
      (
        await http
          .as(cast.officer)
          .get('/api/v1/indicators/insertion.csv?groupBy=region')
          .expect(200)
      ).text,
    ).map((record) => record.cells);
    expect(byRegion[0]).toEqual(['ORIS Academy — Professionnels formés et insérés', '']);
    expect(byRegion.find((row) => row[0] === 'Définition')?.[1]).toContain('Taux d’insertion');
    const header = byRegion.findIndex((row) => row[1] === 'Code');
    expect(byRegion[header][0]).toBe('Région');
    expect(byRegion[header + 1].slice(7)).toEqual(['50,0', '33,3', '66,7', '33,3']);
    const groups = byRegion.slice(header + 2).filter((row) => row.length > 1);
    expect(groups.length).toBeGreaterThan(0);
    for (const [name, code] of groups) {
      const region = regions.find((item) => item.code === code);
      expect(name).toBe(region ? region.nameFr : 'Non connu');
    }
    const byGender = parseCsv(
      (
        await http
          .as(cast.officer)
          .get('/api/v1/indicators/insertion.csv?groupBy=gender&lang=ar')
          .expect(200)
      ).text,
    ).map((record) => record.cells);
    const names = byGender.map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining(['أنثى', 'ذكر', 'المجموع']));
    await http.as(cast.officer).get('/api/v1/indicators/insertion.csv?lang=de').expect(400);
    // `lang` belongs to the files, not to the figures' route.
    await http.as(cast.officer).get('/api/v1/indicators/insertion?lang=fr').expect(400);
  });

  it('exports an XLSX workbook: right to left in Arabic, numbers as numbers, audited', async () => {
    const response = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion.xlsx?groupBy=gender&lang=ar&months=9')
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="oris-insertion.xlsx"/,
    );
    const workbook = new Workbook();
    // exceljs types its input as the older, non-generic Buffer.
    await workbook.xlsx.load(response.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getCell('A1').value).toBe('أكاديمية ORIS — المهنيون المكوَّنون والمُدمَجون');
    let header = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(2).value === 'الرمز') header = number;
    });
    expect(header).toBeGreaterThan(1);
    const total = sheet.getRow(header + 1);
    expect(total.getCell(1).value).toBe('المجموع');
    expect([3, 4, 5, 6, 7].map((column) => total.getCell(column).value)).toEqual([10, 9, 6, 3, 2]);
    expect(total.getCell(8).value).toBe(50);
    expect(total.getCell(10).value).toBe(66.7);
    expect(total.getCell(8).numFmt).toBe('0.0');
    const [audit] = await database(api).query(
      `SELECT data FROM audit_event WHERE action = 'indicators.insertion_exported'
        ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.data).toMatchObject({ format: 'xlsx', lang: 'ar', groupBy: 'gender', months: 9 });
  });
});

// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { inspectPdf, readRightToLeft, type TextBlock } from '@oris/api/pdf/testing';
import { parseCsv } from '@oris/shared/domain';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { castOf, client, type Cast } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { type Session, signInWithRoles } from '../identity/support/identity-client';
import { type IndicatorDataset, seedIndicatorDataset } from '../indicators/indicator-dataset';
import type { TestApp } from '../support/test-app';
import { startImpactTestApp, TestYearSource } from './impact-test-app';

interface Figures {
  value: number;
  counted: string[];
  companions: { key: string; value: number | null }[];
  definition: { version: string; text: Record<string, string> };
}
interface Entry {
  indicator: string;
  available: boolean;
  figures: Figures | null;
  target: number | null;
  baseline: number | null;
}
const entry = (entries: Entry[], indicator: string) =>
  entries.find((candidate) => candidate.indicator === indicator) as Entry;

/**
 * The four indicators together, with the real insertion source on the hand-built dataset of the
 * insertion tests (year 2024, six-month horizon: p1, p6 and p10 inserted) and two in-memory
 * registries (publications, partnerships); tools has no source here: "not available".
 */
describe('impact: the four indicators, targets, frozen reports and the public page', () => {
  let api: TestApp;
  let cast: Cast;
  let editor: Session;
  let partnerships: Session;
  let officer: Session;
  let http: ReturnType<typeof client>;
  let data: IndicatorDataset;
  const publicationsSource = new TestYearSource('publications');
  const partnershipsSource = new TestYearSource('partnerships');

  beforeAll(async () => {
    api = await startImpactTestApp([publicationsSource, partnershipsSource]);
    cast = await castOf(api);
    [editor, partnerships, officer] = await Promise.all([
      signInWithRoles(api, cast.admin, ['observatory_editor']),
      signInWithRoles(api, cast.admin, ['partnership_officer']),
      signInWithRoles(api, cast.admin, ['placement_officer']),
    ]);
    http = client(api);
    data = await seedIndicatorDataset(database(api), cast.admin.user.id);
    const long = new Date('2025-01-01T00:00:00Z');
    publicationsSource.add({ id: 'pub-a', year: 2024, label: 'Article A' }, long);
    publicationsSource.add({ id: 'pub-b', year: 2024, label: 'Article B' }, long);
    publicationsSource.add({ id: 'pub-c', year: 2023, label: 'Article C' }, long);
    partnershipsSource.add({ id: 'part-1', year: 2024, label: 'Convention 1' }, long);
  });

  afterAll(() => api.close());

  it('opens the impact figures to staff only, targets and freezing to admins only', async () => {
    const impact = '/api/v1/indicators/impact?year=2024';
    for (const staff of [cast.admin, editor, partnerships, officer]) {
      await http.as(staff).get(impact).expect(200);
      await http.as(staff).get('/api/v1/reports/2024').expect(200);
      await http.as(staff).get('/api/v1/indicators/targets/insertion/2024').expect(200);
    }
    for (const someone of [cast.trainee, cast.trainer]) {
      const refused = await http.as(someone).get(impact).expect(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      await http.as(someone).get('/api/v1/reports/2024').expect(403);
    }
    await http.anonymous.get(impact).expect(401);
    await http.anonymous.get('/api/v1/reports/2024').expect(401);
    for (const staff of [editor, partnerships, officer]) {
      await http
        .as(staff)
        .put('/api/v1/indicators/targets/insertion/2024', { target: 5 })
        .expect(403);
      await http.as(staff).post('/api/v1/reports/2030/freeze', {}).expect(403);
    }
    await http.anonymous
      .put('/api/v1/indicators/targets/insertion/2024', { target: 5 })
      .expect(401);
    await http.anonymous.post('/api/v1/reports/2024/freeze', {}).expect(401);
    await http.anonymous.get('/api/v1/public/impact').expect(200);
  });

  it('answers bad input with problem+json naming each field', async () => {
    const bad = await http
      .as(cast.admin)
      .get('/api/v1/indicators/impact?year=1999&asOf=2024-02-30')
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(new Set(bad.body.errors.map((error: { field: string }) => error.field))).toEqual(
      new Set(['year', 'asOf']),
    );
    const future = await http.as(cast.admin).get('/api/v1/indicators/impact?year=2100').expect(400);
    expect(future.body.errors).toEqual([
      { field: 'year', message: 'year cannot be after the year of asOf' },
    ]);
    const indicator = await http
      .as(cast.admin)
      .put('/api/v1/indicators/targets/happiness/2024', { target: 1 })
      .expect(400);
    expect(indicator.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'indicator',
    ]);
    const target = await http
      .as(cast.admin)
      .put('/api/v1/indicators/targets/tools/2024', { target: -1, colour: 'red' })
      .expect(400);
    expect(new Set(target.body.errors.map((error: { field: string }) => error.field))).toEqual(
      new Set(['target', 'colour']),
    );
    await http.as(cast.admin).get('/api/v1/reports/2024/versions/9').expect(404);
  });

  it('gives the insertion year figures of the insertion indicator at six months', async () => {
    const impact = await http.as(officer).get('/api/v1/indicators/impact?year=2024').expect(200);
    const insertion = entry(impact.body.indicators, 'insertion').figures as Figures;
    const { people } = data;
    expect(insertion.counted).toEqual([people['p1'], people['p6'], people['p10']].sort());
    expect(insertion.value).toBe(3);
    // The same persons and counts as the insertion indicator over the year at six months.
    const same = await http
      .as(officer)
      .get(
        `/api/v1/indicators/insertion?from=2024-01-01&to=2024-12-31&months=6&knownAt=${impact.body.knownAt}`,
      )
      .expect(200);
    const companion = (key: string) => insertion.companions.find((c) => c.key === key)?.value;
    expect({
      trained: companion('trained'),
      eligible: companion('eligible'),
      responded: companion('responded'),
      employed: companion('employed'),
      inserted: insertion.value,
      insertionRate: companion('insertionRate'),
    }).toEqual({
      trained: same.body.trained,
      eligible: same.body.eligible,
      responded: same.body.responded,
      employed: same.body.employed,
      inserted: same.body.inserted,
      insertionRate: same.body.insertionRate,
    });
    expect(insertion.definition.version).toBe('insertion-year-1');
    expect(insertion.definition.text['en']).toMatch(/^Professionals trained and inserted in 2024/);
  });

  it('shows the four indicators with targets, progress, a five-year trend, and tools not available', async () => {
    await http
      .as(cast.admin)
      .put('/api/v1/indicators/targets/publications/2024', { target: 10, baseline: 1 })
      .expect(200);
    const second = await http
      .as(cast.admin)
      .put('/api/v1/indicators/targets/publications/2024', { target: 5, baseline: 1 })
      .expect(200);
    expect(second.body).toMatchObject({
      indicator: 'publications',
      year: 2024,
      target: 5,
      baseline: 1,
    });
    const history = await http
      .as(editor)
      .get('/api/v1/indicators/targets/publications/2024')
      .expect(200);
    expect(history.body.map((target: { target: number }) => target.target)).toEqual([5, 10]);
    const audit = await database(api).query(
      `SELECT data FROM audit_event WHERE action = 'indicators.target_set' AND subject_id = 'publications:2024'
        ORDER BY at DESC LIMIT 1`,
    );
    expect(audit[0].data).toMatchObject({ target: 5, previousTarget: 10 });

    const impact = await http.as(editor).get('/api/v1/indicators/impact?year=2024').expect(200);
    expect(impact.body.indicators.map((i: Entry) => i.indicator)).toEqual([
      'insertion',
      'publications',
      'tools',
      'partnerships',
    ]);
    const publications = entry(impact.body.indicators, 'publications') as Entry & {
      progress: number;
      trend: { year: number; value: number | null; target: number | null }[];
    };
    expect(publications).toMatchObject({ available: true, target: 5, baseline: 1, progress: 0.25 });
    expect(publications.figures?.value).toBe(2);
    expect(publications.trend).toEqual([
      { year: 2020, value: 0, target: null },
      { year: 2021, value: 0, target: null },
      { year: 2022, value: 0, target: null },
      { year: 2023, value: 1, target: null },
      { year: 2024, value: 2, target: 5 },
    ]);
    expect(entry(impact.body.indicators, 'tools')).toMatchObject({
      available: false,
      figures: null,
    });
  });

  it('freezes a year, keeps it unchanged when data change, reproduces it from its knownAt, and restates it with its differences', async () => {
    const first = await http.as(cast.admin).post('/api/v1/reports/2024/freeze', {}).expect(201);
    expect(first.body).toMatchObject({
      year: 2024,
      version: 1,
      restatement: false,
      reason: null,
      differences: null,
    });
    expect(first.body.frozenBy.id).toBe(cast.admin.user.id);
    expect(first.body.knownAt).toBe(first.body.frozenAt);
    const frozenAt = new Date(first.body.knownAt);

    // Afterwards: a publication recorded, and p4's wage job recorded and validated.
    publicationsSource.add(
      { id: 'pub-d', year: 2024, label: 'Article D' },
      new Date(frozenAt.getTime() + 1),
    );
    const db = database(api);
    const [{ id: placementId }] = await db.query(
      `INSERT INTO placement (user_id, created_by) VALUES ($1, $2) RETURNING id`,
      [data.people['p4'], cast.admin.user.id],
    );
    await db.query(
      `INSERT INTO placement_version (placement_id, version, user_id, kind, contract, employer_name, sector,
                                      position, region_code, start_on, source, evidence, validated_by,
                                      validated_at, recorded_by, created_at)
       VALUES ($1, 1, $2, 'wage_employment', 'permanent', 'Employeur', 'ESS', 'Poste', 'MA-01', '2024-05-01',
               'officer', 'confirmed', $3, greatest(now(), $4::timestamptz + interval '1 millisecond'), $3,
               greatest(now(), $4::timestamptz + interval '1 millisecond'))`,
      [placementId, data.people['p4'], cast.admin.user.id, frozenAt.toISOString()],
    );

    const report = await http.as(officer).get('/api/v1/reports/2024').expect(200);
    expect(report.body.versions).toEqual([first.body]);
    // Recomputed with the frozen dates: exactly the frozen figures.
    const again = await http
      .as(cast.admin)
      .get(
        `/api/v1/indicators/impact?year=2024&asOf=${first.body.asOf}&knownAt=${first.body.knownAt}`,
      )
      .expect(200);
    for (const frozen of first.body.indicators as Entry[]) {
      expect(entry(again.body.indicators, frozen.indicator).figures).toEqual(frozen.figures);
    }
    // Now: the new facts count.
    const now = await http.as(cast.admin).get('/api/v1/indicators/impact?year=2024').expect(200);
    expect(entry(now.body.indicators, 'insertion').figures?.value).toBe(4);

    const noReason = await http.as(cast.admin).post('/api/v1/reports/2024/freeze', {}).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const restated = await http
      .as(cast.admin)
      .post('/api/v1/reports/2024/freeze', { reason: 'Emploi de p4 validé après le rapport' })
      .expect(201);
    expect(restated.body).toMatchObject({
      version: 2,
      restatement: true,
      reason: 'Emploi de p4 validé après le rapport',
    });
    expect(restated.body.differences).toEqual([
      expect.objectContaining({
        indicator: 'insertion',
        changed: true,
        valueBefore: 3,
        valueAfter: 4,
        added: [data.people['p4']],
        removed: [],
      }),
      expect.objectContaining({
        indicator: 'publications',
        changed: true,
        valueBefore: 2,
        valueAfter: 3,
        added: ['pub-d'],
        removed: [],
      }),
      expect.objectContaining({
        indicator: 'tools',
        changed: false,
        valueBefore: null,
        valueAfter: null,
      }),
      expect.objectContaining({
        indicator: 'partnerships',
        changed: false,
        valueBefore: 1,
        valueAfter: 1,
      }),
    ]);
    const both = await http.as(editor).get('/api/v1/reports/2024').expect(200);
    expect(both.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(both.body.versions[0]).toEqual(first.body);
    // A frozen version is never changed, even by hand.
    await expect(
      db.query(`UPDATE impact_report SET reason = 'x' WHERE year = 2024`),
    ).rejects.toThrow(/never changed/);
    const events = await db.query(
      `SELECT action FROM audit_event WHERE subject_type = 'impact_report' ORDER BY at`,
    );
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'impact.report_frozen',
      'impact.report_restated',
    ]);
  });

  it('lists the records behind a frozen figure; the persons only for officers and admins', async () => {
    const pubs = await http
      .as(editor)
      .get('/api/v1/reports/2024/versions/1/records/publications?lang=ar&pageSize=1&page=2')
      .expect(200);
    expect(pubs.body).toEqual({
      items: [
        {
          id: 'pub-b',
          label: 'Article B (ar)',
          date: '2024-06-01',
          path: '/observatory/publications/pub-b',
        },
      ],
      total: 2,
      page: 2,
      pageSize: 1,
    });
    const persons = await http
      .as(officer)
      .get('/api/v1/reports/2024/versions/1/records/insertion')
      .expect(200);
    expect(persons.body.total).toBe(3);
    expect(persons.body.items.map((item: { label: string }) => item.label).sort()).toEqual([
      'Person p1',
      'Person p10',
      'Person p6',
    ]);
    expect(persons.body.items[0].path).toMatch(/^\/insertion\/people\//);
    const refused = await http
      .as(editor)
      .get('/api/v1/reports/2024/versions/1/records/insertion')
      .expect(403);
    expect(refused.body.code).toBe('impact_person_records_restricted');
    const tools = await http
      .as(cast.admin)
      .get('/api/v1/reports/2024/versions/1/records/tools')
      .expect(404);
    expect(tools.body.code).toBe('impact_source_not_available');

    // The same drill-down on the figures computed now: pub-d, recorded after the freeze, counts.
    const live = await http
      .as(partnerships)
      .get('/api/v1/indicators/impact/records/publications?year=2024&lang=en')
      .expect(200);
    expect(live.body.items.map((item: { id: string }) => item.id)).toEqual([
      'pub-a',
      'pub-b',
      'pub-d',
    ]);
    const livePersons = await http
      .as(cast.admin)
      .get('/api/v1/indicators/impact/records/insertion?year=2024')
      .expect(200);
    expect(livePersons.body.total).toBe(4);
    await http
      .as(partnerships)
      .get('/api/v1/indicators/impact/records/insertion?year=2024')
      .expect(403);
    await http
      .as(cast.trainee)
      .get('/api/v1/indicators/impact/records/publications?year=2024')
      .expect(403);
    await http.anonymous
      .get('/api/v1/indicators/impact/records/publications?year=2024')
      .expect(401);
    const missing = await http
      .as(cast.admin)
      .get('/api/v1/indicators/impact/records/tools?year=2024')
      .expect(404);
    expect(missing.body.code).toBe('impact_source_not_available');
  });

  describe('exports of a frozen version', () => {
    const download = (url: string) =>
      request(api.url)
        .get(url)
        .auth(editor.accessToken, { type: 'bearer' })
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        });

    it('writes a PDF whose text reads the figures, in French and in Arabic', async () => {
      const fr = await download('/api/v1/reports/2024/versions/2/export?format=pdf&lang=fr').expect(
        200,
      );
      expect(fr.headers['content-type']).toBe('application/pdf');
      expect(fr.headers['content-disposition']).toContain('oris-impact-2024-v2-fr.pdf');
      const page = await inspectPdf(fr.body as Buffer);
      const text = page.blocks.map((block) => block.text).join(' ');
      expect(text).toContain('ORIS — rapport d’impact 2024, version 2');
      expect(text).toContain('Professionnels formés et insérés');
      expect(text).toContain('non disponible');

      const ar = await download('/api/v1/reports/2024/versions/2/export?format=pdf&lang=ar').expect(
        200,
      );
      const arabic = await inspectPdf(ar.body as Buffer);
      const lines = new Map<string, TextBlock[]>();
      for (const block of arabic.blocks) {
        const key = block.baseline.toFixed(2);
        lines.set(key, [...(lines.get(key) ?? []), block]);
      }
      const read = [...lines.values()].map(readRightToLeft);
      expect(read.some((line) => line.includes('تقرير الأثر'))).toBe(true);
      expect(read.some((line) => line.includes('المهنيون المُكوَّنون والمُدمَجون'))).toBe(true);
    });

    it('writes CSV, XLSX and JSON with the same figures', async () => {
      const csv = await download(
        '/api/v1/reports/2024/versions/2/export?format=csv&lang=en',
      ).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const text = (csv.body as Buffer).toString('utf8');
      const rows = text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .map((line) => line.split(';'));
      expect(rows[0][0]).toBe('ORIS — impact report 2024, version 2');
      expect(rows).toContainEqual([
        'Professionals trained and inserted',
        '4',
        '',
        '',
        '',
        '4',
        'insertion-year-1',
      ]);
      expect(rows).toContainEqual([
        'Indexed scientific publications',
        '3',
        '1',
        '5',
        '50',
        '3',
        'publications-test-1',
      ]);
      expect(rows).toContainEqual([
        'Tools for collecting, processing and disseminating knowledge',
        'not available',
        '',
        '',
        '',
        '',
        '',
      ]);
      expect(parseCsv(text).length).toBeGreaterThan(0);

      const xlsx = await download(
        '/api/v1/reports/2024/versions/2/export?format=xlsx&lang=ar',
      ).expect(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.worksheets[0];
      expect(sheet.views[0].rightToLeft).toBe(true);
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      expect(values[0][0]).toBe('ORIS — تقرير الأثر 2024، النسخة 2');
      expect(values).toContainEqual(
        ['المهنيون المُكوَّنون والمُدمَجون', 4, null, null, null, 4, 'insertion-year-1'].map(
          (v) => v ?? undefined,
        ),
      );

      const json = await download('/api/v1/reports/2024/versions/2/export?format=json').expect(200);
      const version = JSON.parse((json.body as Buffer).toString('utf8'));
      const api2 = await http.as(editor).get('/api/v1/reports/2024/versions/2').expect(200);
      expect(version).toEqual(api2.body);
    });
  });

  it('publishes the frozen years only, the latest version flagged restated, persons under 5 hidden', async () => {
    const published = await http.anonymous.get('/api/v1/public/impact').expect(200);
    expect(published.body.licence.id).toBe('CC-BY-4.0');
    expect(published.body.years.map((year: { year: number }) => year.year)).toEqual([2024]);
    const [year] = published.body.years;
    expect(year).toMatchObject({ version: 2, restated: true });
    const insertion = entry(year.indicators, 'insertion') as unknown as {
      value: number | null;
      suppressed: boolean;
    };
    // Four persons inserted: under 5, hidden with what would give it away.
    expect(insertion).toMatchObject({ value: null, suppressed: true });
    expect(entry(year.indicators, 'publications')).toMatchObject({ value: 3, suppressed: false });
    expect(entry(year.indicators, 'tools')).toMatchObject({ available: false, value: null });
    expect(JSON.stringify(published.body)).not.toContain(data.people['p1']);
    expect(JSON.stringify(published.body)).not.toContain('pub-a');

    const json = await http.anonymous.get('/api/v1/public/impact.json').expect(200);
    expect(json.body).toEqual(published.body);
    const csv = await http.anonymous.get('/api/v1/public/impact.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('licence;CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)');
    expect(
      lines.some(
        (line) => line.startsWith('2024;2;true;') && line.includes(';publications;value;3;false;'),
      ),
    ).toBe(true);
    expect(lines.some((line) => line.includes(';insertion;value;;true;'))).toBe(true);
    expect(lines.some((line) => line.startsWith('suppressed;'))).toBe(true);
  });
});

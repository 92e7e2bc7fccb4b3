// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import { type AppConfig, ConfigModule, JobsModule, StorageModule } from '@oris/api/platform';
import {
  ObservatoryIndexes,
  SerialEvidenceCheck,
  SerialsWorkerModule,
} from '@oris/api/publications';
import { addDays, todayInMorocco } from '@oris/shared/domain';
import request from 'supertest';
import { client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import {
  type Session,
  signInAsNewAdmin,
  signInWithRoles,
} from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { eventually, workerConfig } from '../notifications/outbox-support';
import { auditEvents } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../../../../libs/api/publications/src/serials/import/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

@Module({})
class SerialsWorkerTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SerialsWorkerTestModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-worker-test'),
        JobsModule.forRoot(),
        StorageModule,
        SerialsWorkerModule,
      ],
    };
  }
}

/**
 * Serials, their coverage by each index (append-only, readable as known at an instant), the
 * coverage-list import with its dry run, and the reference list of indexes (who may change which
 * count, and which counted as known at a past instant).
 */
describe('serials, coverage and indexes', () => {
  let api: TestApp;
  let http: ReturnType<typeof client>;
  let admin: Session;
  let editor: Session;
  let officer: Session;
  let trainer: Session;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    http = client(api);
    admin = await signInAsNewAdmin(api);
    [editor, officer, trainer] = await Promise.all([
      signInWithRoles(api, admin, ['observatory_editor']),
      signInWithRoles(api, admin, ['partnership_officer']),
      signInWithRoles(api, admin, ['trainer']),
    ]);
  });

  afterAll(() => api.close());

  const importList = (session: Session, body: Buffer | string, query: Record<string, string>) =>
    request(api.url)
      .post('/api/v1/serials/coverage-import')
      .query(query)
      .auth(session.accessToken, { type: 'bearer' })
      .set('content-type', 'text/csv')
      .send(Buffer.isBuffer(body) ? body : Buffer.from(body));

  const countOf = async (table: string) =>
    Number((await database(api).query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  describe('serials', () => {
    it('records a serial with its ISSNs normalised, and answers 409 naming the serial holding an ISSN', async () => {
      const created = await http
        .as(editor)
        .post('/api/v1/serials', {
          title: 'Revue Marocaine de Santé Publique',
          issnOnline: '23518200',
          publisher: 'IMIST',
          country: 'MA',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        issnPrint: null,
        issnOnline: '2351-8200',
        indexes: [],
        stale: false,
        coverage: [],
        history: [],
      });
      // The same ISSN, even given as the print one of another serial.
      const duplicate = await http
        .as(editor)
        .post('/api/v1/serials', { title: 'Autre titre', issnPrint: '2351-8200' })
        .expect(409);
      expect(duplicate.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(duplicate.body.code).toBe('issn_taken');
      expect(duplicate.body.detail).toContain('Revue Marocaine de Santé Publique');
      expect(duplicate.body.detail).toContain(created.body.id);
    });

    it('refuses an ISSN whose check character does not match, with 422', async () => {
      const response = await http
        .as(editor)
        .post('/api/v1/serials', { title: 'Mauvais', issnPrint: '0317-8472' })
        .expect(422);
      expect(response.body.code).toBe('issn_invalid');
      expect(response.body.detail).toContain('issnPrint');
    });

    it('finds serials by title whatever the accents and case, and by ISSN with or without hyphen', async () => {
      const { body } = await http
        .as(editor)
        .post('/api/v1/serials', { title: 'Études Économiques du Maghreb', issnPrint: '0317-8471' })
        .expect(201);
      for (const q of ['etudes economiques', 'ÉCONOMIQUES', '0317-8471', '03178471', '3178']) {
        const found = await http
          .as(editor)
          .get(`/api/v1/serials?q=${encodeURIComponent(q)}`)
          .expect(200);
        expect(found.body.items.map((item: { id: string }) => item.id)).toContain(body.id);
      }
      const none = await http.as(editor).get('/api/v1/serials?q=zzzz-nothing').expect(200);
      expect(none.body).toMatchObject({ items: [], total: 0, page: 1 });
    });

    it('edits a serial, checking the new ISSN for duplicates too', async () => {
      const { body } = await http
        .as(editor)
        .post('/api/v1/serials', { title: 'À corriger' })
        .expect(201);
      const edited = await http
        .as(editor)
        .patch(`/api/v1/serials/${body.id}`, { title: 'Corrigé', issnPrint: '2049-3630' })
        .expect(200);
      expect(edited.body).toMatchObject({ title: 'Corrigé', issnPrint: '2049-3630' });
      const clash = await http
        .as(editor)
        .patch(`/api/v1/serials/${body.id}`, { issnOnline: '0317-8471' })
        .expect(409);
      expect(clash.body.detail).toContain('Études Économiques du Maghreb');
      await http.as(editor).get(`/api/v1/serials/00000000-0000-4000-8000-000000000000`).expect(404);
    });
  });

  describe('coverage', () => {
    it('is append-only: a correction supersedes the current row, and the past stays readable with knownAt', async () => {
      const { body: serial } = await http
        .as(editor)
        .post('/api/v1/serials', { title: 'Journal of Coverage Tests', issnPrint: '1050-124X' })
        .expect(201);
      const first = await http
        .as(editor)
        .post(`/api/v1/serials/${serial.id}/coverage`, {
          index: 'scopus',
          fromYear: 2015,
          state: 'active',
          checkedOn: '2025-03-01',
          evidence: { url: 'https://www.scopus.com/sourceid/1' },
        })
        .expect(201);
      expect(first.body).toMatchObject({
        index: 'scopus',
        fromYear: 2015,
        toYear: null,
        supersededAt: null,
      });
      const between = new Date().toISOString();
      const evidence = Buffer.from('Scopus says: discontinued after 2022');
      const correction = await http
        .as(editor)
        .post(`/api/v1/serials/${serial.id}/coverage`, {
          index: 'scopus',
          fromYear: 2015,
          toYear: 2022,
          state: 'discontinued',
          checkedOn: '2025-06-01',
          evidence: { fileBase64: evidence.toString('base64') },
        })
        .expect(201);
      expect(correction.body.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);

      const rows = await database(api).query(
        `SELECT id, to_year AS "toYear", state, superseded_at AS "supersededAt", recorded_at AS "recordedAt"
           FROM serial_coverage WHERE serial_id = $1 ORDER BY recorded_at, superseded_at NULLS LAST`,
        [serial.id],
      );
      expect(rows).toHaveLength(2);
      // The first row's facts are untouched; only its superseded_at was set, at the new row's instant.
      expect(rows[0]).toMatchObject({ id: first.body.id, toYear: null, state: 'active' });
      expect(rows[0].supersededAt).toEqual(rows[1].recordedAt);
      expect(rows[1]).toMatchObject({ toYear: 2022, state: 'discontinued', supersededAt: null });

      const then = await http
        .as(editor)
        .get(`/api/v1/serials/${serial.id}/coverage?knownAt=${encodeURIComponent(between)}`)
        .expect(200);
      expect(then.body.items).toEqual([
        expect.objectContaining({ id: first.body.id, state: 'active', toYear: null }),
      ]);
      const now = await http.as(editor).get(`/api/v1/serials/${serial.id}/coverage`).expect(200);
      expect(now.body.items).toEqual([
        expect.objectContaining({ id: correction.body.id, state: 'discontinued', toYear: 2022 }),
      ]);
      const before = await http
        .as(editor)
        .get(`/api/v1/serials/${serial.id}/coverage?knownAt=2000-01-01T00:00:00Z`)
        .expect(200);
      expect(before.body.items).toEqual([]);

      const detail = await http.as(editor).get(`/api/v1/serials/${serial.id}`).expect(200);
      expect(detail.body.coverage).toHaveLength(1);
      expect(detail.body.history).toHaveLength(2);
      expect(detail.body.indexes).toEqual(['scopus']);
      expect((await auditEvents(api, serial.id)).map((event) => event.action)).toEqual(
        expect.arrayContaining([
          'serial.created',
          'serial_coverage.added',
          'serial_coverage.superseded',
        ]),
      );
    });

    it('refuses coverage without evidence, with both evidences, or ending before it starts', async () => {
      const { body: serial } = await http
        .as(editor)
        .post('/api/v1/serials', { title: 'Evidence Needed' })
        .expect(201);
      const base = { index: 'doaj', fromYear: 2020, state: 'active', checkedOn: '2025-01-01' };
      const url = `/api/v1/serials/${serial.id}/coverage`;
      expect(
        (
          await http
            .as(editor)
            .post(url, { ...base, evidence: {} })
            .expect(422)
        ).body.code,
      ).toBe('coverage_evidence_required');
      await http
        .as(editor)
        .post(url, { ...base, evidence: { url: 'https://doaj.org', fileBase64: 'YQ==' } })
        .expect(422);
      expect(
        (
          await http
            .as(editor)
            .post(url, { ...base, toYear: 2019, evidence: { url: 'https://doaj.org' } })
            .expect(422)
        ).body.code,
      ).toBe('coverage_years_invalid');
      await http
        .as(editor)
        .post(url, { ...base, index: 'nope', evidence: { url: 'https://doaj.org' } })
        .expect(400);
      expect(
        await database(api).query(`SELECT 1 FROM serial_coverage WHERE serial_id = $1`, [
          serial.id,
        ]),
      ).toEqual([]);
    });
  });

  describe('coverage list import', () => {
    it('a dry run reports per row and writes nothing; the real run writes what it reported', async () => {
      const [serials, coverage] = [await countOf('serial'), await countOf('serial_coverage')];
      const query = { index: 'doaj', checkedOn: '2026-01-10', dryRun: 'true' };
      const dry = await importList(editor, fixture('doaj-journals.csv'), query).expect(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        format: 'doaj',
        rows: 3,
        matched: 1,
        newSerials: 1,
        coverageAdded: 2,
        rejected: 1,
      });
      // Rejected rows come first, with their codes and parameters.
      expect(dry.body.items[0]).toMatchObject({
        line: 4,
        serial: 'rejected',
        problems: [{ code: 'issn_invalid', params: { column: 'issnPrint', value: '0317-8472' } }],
        warnings: [{ code: 'country_unknown', params: { value: 'Atlantis' } }],
      });
      expect(dry.body.items[1]).toMatchObject({
        line: 2,
        serial: 'matched',
        serialTitle: 'Revue Marocaine de Santé Publique',
        coverage: [{ fromYear: 2018, toYear: null, state: 'active', action: 'add' }],
      });
      expect(dry.body.items[2]).toMatchObject({ line: 3, serial: 'new', serialId: null });
      expect([await countOf('serial'), await countOf('serial_coverage')]).toEqual([
        serials,
        coverage,
      ]);

      const real = await importList(editor, fixture('doaj-journals.csv'), {
        ...query,
        dryRun: 'false',
      }).expect(200);
      expect(real.body).toMatchObject({
        dryRun: false,
        newSerials: 1,
        coverageAdded: 2,
        rejected: 1,
      });
      expect(real.body.evidenceSha256).toBe(dry.body.evidenceSha256);
      expect([await countOf('serial'), await countOf('serial_coverage')]).toEqual([
        serials + 1,
        coverage + 2,
      ]);
      const written = await database(api).query(
        `SELECT DISTINCT evidence_sha256 AS sha FROM serial_coverage WHERE index_code = 'doaj' AND checked_on = '2026-01-10'`,
      );
      expect(written).toEqual([{ sha: dry.body.evidenceSha256 }]);

      // The same list again: nothing to do.
      const again = await importList(editor, fixture('doaj-journals.csv'), {
        ...query,
        dryRun: 'false',
      }).expect(200);
      expect(again.body).toMatchObject({
        matched: 2,
        newSerials: 0,
        coverageAdded: 0,
        coverageUnchanged: 2,
      });
      // A later check of the same list supersedes, keeping the earlier rows.
      const later = await importList(editor, fixture('doaj-journals.csv'), {
        ...query,
        checkedOn: '2026-02-10',
        dryRun: 'false',
      }).expect(200);
      expect(later.body).toMatchObject({ coverageSuperseded: 2, coverageAdded: 0 });
      expect(await countOf('serial_coverage')).toBe(coverage + 4);
    });

    it('reads Scopus ranges into one row each, and refuses files it cannot read, naming the problem', async () => {
      const scopus = await importList(editor, fixture('scopus-sources.csv'), {
        index: 'scopus',
        checkedOn: '2026-01-10',
        dryRun: 'true',
      }).expect(200);
      expect(scopus.body.format).toBe('scopus');
      const canadian = scopus.body.items.find(
        (item: { issnPrint: string }) => item.issnPrint === '0317-8471',
      );
      expect(canadian).toMatchObject({
        serial: 'matched',
        coverage: [
          { fromYear: 1970, toYear: 1985, state: 'discontinued', action: 'add' },
          { fromYear: 1996, toYear: 2004, state: 'discontinued', action: 'add' },
        ],
      });
      const unknown = await importList(editor, 'Name,Code\nx,y\n', {
        index: 'scopus',
        checkedOn: '2026-01-10',
      }).expect(422);
      expect(unknown.body.code).toBe('coverage_import_format_unknown');
      const broken = await importList(editor, 'title,issnPrint\n"never closed', {
        index: 'scopus',
        checkedOn: '2026-01-10',
      }).expect(400);
      expect(broken.body.code).toBe('coverage_import_file_invalid');
      await importList(editor, 'x', { index: 'nope', checkedOn: '2026-01-10' }).expect(400);
      await http
        .as(editor)
        .post('/api/v1/serials/coverage-import?index=doaj&checkedOn=2026-01-10', {})
        .expect(400);
    });

    it('loads a large DOAJ list (50,000 rows) in one request without timing out', async () => {
      const header =
        '"Journal title","Journal ISSN (print version)","Journal EISSN (online version)","Publisher","Country of publisher","Added on Date"\n';
      const lines: string[] = [];
      for (let n = 0; lines.length < 50_000; n++) {
        const seven = String(3_000_000 + n).padStart(7, '0');
        let sum = 0;
        for (let i = 0; i < 7; i++) sum += Number(seven[i]) * (8 - i);
        const check = (11 - (sum % 11)) % 11;
        const issn = `${seven.slice(0, 4)}-${seven.slice(4)}${check === 10 ? 'X' : check}`;
        lines.push(
          `"Journal ${n}","","${issn}","Press ${n % 97}","Morocco","2019-05-0${1 + (n % 9)} 10:00:00"`,
        );
      }
      const body = header + lines.join('\n');
      const started = Date.now();
      const response = await importList(editor, body, {
        index: 'doaj',
        checkedOn: '2026-01-15',
      }).expect(200);
      const elapsed = Date.now() - started;
      // Seen on the shared 2-core machine; printed for the report, not asserted.
      console.info(
        `coverage import of 50,000 DOAJ rows (${(body.length / 1e6).toFixed(1)} MB): ${elapsed} ms`,
      );
      expect(response.body).toMatchObject({
        rows: 50_000,
        newSerials: 50_000,
        coverageAdded: 50_000,
        truncated: true,
      });
      expect(response.body.items).toHaveLength(2000);
    }, 240_000);
  });

  describe('yearly evidence check', () => {
    it('lists serials whose current evidence is over a year old, and emails each editor once a year, in their language', async () => {
      const today = todayInMorocco();
      const coverage = (checkedOn: string) => ({
        index: 'pubmed',
        fromYear: 2010,
        state: 'active',
        checkedOn,
        evidence: { url: 'https://pubmed.ncbi.nlm.nih.gov/' },
      });
      const [{ body: old }, { body: fresh }] = await Promise.all([
        http.as(editor).post('/api/v1/serials', { title: 'Stale Evidence Review' }).expect(201),
        http.as(editor).post('/api/v1/serials', { title: 'Fresh Evidence Review' }).expect(201),
      ]);
      await http
        .as(editor)
        .post(`/api/v1/serials/${old.id}/coverage`, coverage(addDays(today, -400)))
        .expect(201);
      await http
        .as(editor)
        .post(`/api/v1/serials/${fresh.id}/coverage`, coverage(addDays(today, -30)))
        .expect(201);
      await database(api).query(`UPDATE users SET locale = 'ar' WHERE id = $1`, [editor.user.id]);

      const stale = await http
        .as(editor)
        .get('/api/v1/serials?stale=true&pageSize=100')
        .expect(200);
      const ids = stale.body.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(old.id);
      expect(ids).not.toContain(fresh.id);
      expect(stale.body.items.find((item: { id: string }) => item.id === old.id).stale).toBe(true);

      const check = api.app.get(SerialEvidenceCheck);
      const [first, second] = [await check.run(), await check.run()];
      expect(first).toBeGreaterThanOrEqual(1);
      expect(second).toBe(0);
      const emails = await database(api).query(
        `SELECT to_address AS "to", locale, params FROM email_outbox WHERE template = 'serial_evidence_stale'`,
      );
      const mine = emails.filter((email: { to: string }) => email.to === editor.email);
      expect(mine).toHaveLength(1);
      expect(mine[0].locale).toBe('ar');
      expect(mine[0].params.titles).toContain('Stale Evidence Review');
      expect(mine[0].params.titles).not.toContain('Fresh Evidence Review');
      // Admins and other roles are not observatory editors: no email.
      expect(emails.map((email: { to: string }) => email.to)).not.toContain(admin.email);
      // Refreshing the evidence takes the serial off the stale list.
      await http.as(editor).post(`/api/v1/serials/${old.id}/coverage`, coverage(today)).expect(201);
      const after = await http
        .as(editor)
        .get('/api/v1/serials?stale=true&pageSize=100')
        .expect(200);
      expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(old.id);
    });
  });

  describe('the worker', () => {
    it('runs the yearly evidence check by itself at start, writing the editors’ emails', async () => {
      const { body: serial } = await http
        .as(editor)
        .post('/api/v1/serials', { title: 'Worker Checked Review' })
        .expect(201);
      await http
        .as(editor)
        .post(`/api/v1/serials/${serial.id}/coverage`, {
          index: 'scielo',
          fromYear: 2012,
          state: 'active',
          checkedOn: addDays(todayInMorocco(), -500),
          evidence: { url: 'https://scielo.org/' },
        })
        .expect(201);
      const worker = await NestFactory.createApplicationContext(
        SerialsWorkerTestModule.forRoot(workerConfig(api, 'smtp://127.0.0.1:1')),
        { logger: false, abortOnError: false },
      );
      await worker.init();
      try {
        const email = await eventually(async () => {
          const [row] = await database(api).query(
            `SELECT params FROM email_outbox WHERE template = 'serial_evidence_stale'
                AND to_address = $1 AND params->>'titles' LIKE '%Worker Checked Review%'`,
            [editor.email],
          );
          return row;
        });
        expect(email.params.count).toBe('1');
      } finally {
        await worker.close();
      }
    });
  });

  describe('indexes', () => {
    it('lists the 14 indexes with their names in three languages, to editors and admins only', async () => {
      const list = await http.as(editor).get('/api/v1/indexes').expect(200);
      expect(list.body).toHaveLength(14);
      expect(list.body[0]).toMatchObject({
        code: 'scopus',
        nameFr: 'Scopus',
        nameAr: 'سكوبس',
        counts: true,
      });
      await http.as(admin).get('/api/v1/indexes').expect(200);
      await http.as(officer).get('/api/v1/indexes').expect(403);
      await http.as(trainer).get('/api/v1/serials').expect(403);
      await http.anonymous.get('/api/v1/indexes').expect(401);
    });

    it('lets only an admin change which count, audited, and answers which counted as known at a past instant', async () => {
      const indexes = api.app.get(ObservatoryIndexes);
      const before = new Date();
      const editorTry = await http
        .as(editor)
        .patch('/api/v1/indexes/google_scholar', { counts: true })
        .expect(403);
      expect(editorTry.headers['content-type']).toMatch(/problem\+json/);
      const changed = await http
        .as(admin)
        .patch('/api/v1/indexes/google_scholar', { counts: true })
        .expect(200);
      expect(changed.body).toMatchObject({ code: 'google_scholar', counts: true });
      await http.as(admin).patch('/api/v1/indexes/not_an_index', { counts: true }).expect(404);
      await http.as(admin).patch('/api/v1/indexes/scopus', { counts: 'yes' }).expect(400);

      const defaults = [
        'arci',
        'doaj',
        'pubmed',
        'scielo',
        'scopus',
        'wos_ahci',
        'wos_esci',
        'wos_scie',
        'wos_ssci',
      ];
      expect(await indexes.countingIndexesKnownAt(before)).toEqual(defaults);
      expect(await indexes.countingIndexesKnownAt(new Date())).toEqual(
        [...defaults, 'google_scholar'].sort(),
      );
      const between = new Date();
      await http.as(admin).patch('/api/v1/indexes/google_scholar', { counts: false }).expect(200);
      expect(await indexes.countingIndexesKnownAt(between)).toContain('google_scholar');
      expect(await indexes.countingIndexesKnownAt(new Date())).toEqual(defaults);
      // The SQL function the indicator uses says the same.
      const [{ codes }] = await database(api).query(
        `SELECT array_agg(code ORDER BY code) AS codes FROM oris_counting_indexes_known_at($1) AS code`,
        [between.toISOString()],
      );
      expect(codes).toContain('google_scholar');
      expect((await auditEvents(api, 'google_scholar')).map((event) => event.data)).toEqual([
        { from: false, to: true },
        { from: true, to: false },
      ]);
    });
  });
});

// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrossrefLookup } from '@oris/api/publications';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { http, PublicationCast, publicationBody, publicationCast } from './publication-client';

const BIBTEX = `@string{rms = {Revue marocaine des sciences sociales}}

@article{benali2025,
  title   = {Les coopératives féminines de l'arganier},
  author  = {Benali, Samira and {Al Amrani}, Youssef},
  journal = rms, year = {2025}, month = mar, volume = {12}, number = {3}, pages = {45--67},
  doi     = {https://doi.org/10.5555/ORIS.IMPORT.1},
  issn    = {0317-8471},
}

@book{alaoui2024,
  title  = {التعاونيات والتنمية المحلية في جهة فاس مكناس},
  author = {العلوي, يوسف},
  year   = {2024},
  isbn   = {978-3-16-148410-0},
}

@article{broken,
  title = {An entry whose braces never close,
  year = {2024}

@techreport{nodate,
  title = {Working paper without a year},
  author = {Doe, Jane},
}
`;

describe('publications: import, export, DOI lookup', () => {
  let api: TestApp;
  let cast: PublicationCast;
  let serialId: string;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await publicationCast(api);
    [{ id: serialId }] = await database(api).query(
      `INSERT INTO serial (title, issn_print) VALUES ('Revue marocaine des sciences sociales', '0317-8471') RETURNING id`,
    );
  });

  afterAll(() => api.close());

  const editor = () => http(api).as(cast.editor);
  const count = async () =>
    (await database(api).query(`SELECT count(*)::int AS n FROM publication`))[0].n as number;

  it('previews a BibTeX paste entry by entry, with problems per entry, and writes nothing', async () => {
    const before = await count();
    const { body } = await editor()
      .post('/api/v1/publications/import?dryRun=true', { format: 'bibtex', text: BIBTEX })
      .expect(200);
    expect(body).toMatchObject({ dryRun: true, format: 'bibtex', total: 4, valid: 2, saved: 0 });
    expect(body.entries.map((e: { line: number }) => e.line)).toEqual([3, 11, 18, 22]);
    expect(body.entries[0]).toMatchObject({
      title: "Les coopératives féminines de l'arganier",
      type: 'journal_article',
      publishedOn: '2025-03-01',
      doi: '10.5555/oris.import.1',
      authors: ['Benali, Samira', 'Al Amrani, Youssef'],
      serialId,
      problems: [],
      warnings: [],
      id: null,
    });
    expect(body.entries[1]).toMatchObject({
      title: 'التعاونيات والتنمية المحلية في جهة فاس مكناس',
      authors: ['يوسف العلوي'],
      problems: [],
    });
    expect(body.entries[2].problems).toEqual([
      { code: 'entry_unreadable', params: { message: expect.any(String) } },
    ]);
    expect(body.entries[3].problems).toEqual([{ code: 'date_missing', field: 'publishedOn' }]);
    expect(await count()).toBe(before);
  });

  it('saves the valid entries in one go, submitted; the same file again finds them as duplicates', async () => {
    const saved = await editor()
      .post('/api/v1/publications/import', { format: 'bibtex', text: BIBTEX })
      .expect(200);
    expect(saved.body).toMatchObject({ dryRun: false, valid: 2, saved: 2 });
    const [article, book] = saved.body.entries;
    const stored = await editor().get(`/api/v1/publications/${article.id}`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'submitted',
      serialId,
      volume: '12',
      pages: '45-67',
      attribution: null,
    });
    expect(stored.body.history).toEqual([expect.objectContaining({ change: 'imported' })]);
    const again = await editor()
      .post('/api/v1/publications/import?dryRun=true', { format: 'bibtex', text: BIBTEX })
      .expect(200);
    expect(again.body.entries[0].problems).toEqual([
      { code: 'doi_taken', field: 'doi', params: { id: article.id } },
    ]);
    expect(again.body.entries[1].possibleDuplicates).toEqual([
      expect.objectContaining({ id: book.id, reason: 'isbn_title' }),
    ]);
    expect(again.body.valid).toBe(1);
  });

  it('answers problem+json for unreadable text, an unknown format, and too many entries', async () => {
    const notJson = await editor()
      .post('/api/v1/publications/import?dryRun=true', { format: 'csl-json', text: '{oops' })
      .expect(400);
    expect(notJson.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(notJson.body.code).toBe('publication_import_unreadable');
    const nothing = await editor()
      .post('/api/v1/publications/import?dryRun=true', {
        format: 'bibtex',
        text: 'https://doi.org/10.5555/x',
      })
      .expect(400);
    expect(nothing.body.code).toBe('publication_import_unreadable');
    await editor()
      .post('/api/v1/publications/import?dryRun=true', { format: 'endnote', text: 'x' })
      .expect(400);
    await editor()
      .post('/api/v1/publications/import?dryRun=maybe', { format: 'bibtex', text: 'x' })
      .expect(400);
    const many = Array.from(
      { length: 501 },
      (_v, i) => `@misc{e${i}, title = {T${i}}, year = 2020}`,
    ).join('\n');
    const tooMany = await editor()
      .post('/api/v1/publications/import?dryRun=true', { format: 'bibtex', text: many })
      .expect(413);
    expect(tooMany.body.code).toBe('publication_import_too_large');
    for (const someone of [cast.trainee, cast.partnerships]) {
      await http(api)
        .as(someone)
        .post('/api/v1/publications/import?dryRun=true', { format: 'bibtex', text: BIBTEX })
        .expect(403);
    }
    await http(api)
      .anonymous.post('/api/v1/publications/import?dryRun=true', { format: 'bibtex', text: BIBTEX })
      .expect(401);
  });

  it('exports in four formats with their content types and file names; visitors get validated records only', async () => {
    const validated = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          titles: [
            { language: 'fr', title: '=HYPERLINK("http://evil.example","clic")', original: true },
          ],
          openAccess: 'gold',
        }),
      )
      .expect(201);
    await editor().post(`/api/v1/publications/${validated.body.id}/validate`).expect(200);
    const day = new Date().toISOString().slice(0, 10);
    const expected = {
      bibtex: ['application/x-bibtex', 'bib'],
      ris: ['application/x-research-info-systems', 'ris'],
      'csl-json': ['application/vnd.citationstyles.csl+json', 'json'],
      csv: ['text/csv', 'csv'],
    };
    for (const [format, [type, extension]] of Object.entries(expected)) {
      const response = await http(api)
        .anonymous.get(`/api/v1/publications/export?format=${format}`)
        .buffer(true)
        .parse((res, done) => {
          let data = '';
          res.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
          res.on('end', () => done(null, data));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe(`${type}; charset=utf-8`);
      expect(response.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="publications-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`),
      );
      expect(response.headers['content-disposition']).toContain(day.slice(0, 4));
      const text = response.body as string;
      expect(text).toContain(validated.body.doi);
      // The imported (submitted) records are not for visitors.
      expect(text).not.toContain('oris.import.1');
      if (format === 'csv') {
        expect(text.startsWith('\uFEFFid;type;title')).toBe(true);
        expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
      }
      if (format === 'csl-json')
        expect(JSON.parse(text)).toEqual([
          expect.objectContaining({ DOI: validated.body.doi, type: 'article-journal' }),
        ]);
    }
    const staff = await editor()
      .get('/api/v1/publications/export?format=ris&status=submitted')
      .expect(200);
    expect(String(staff.text ?? staff.body)).toContain('10.5555/oris.import.1');
  });

  it('round-trips: an exported BibTeX imported again finds every entry as a duplicate', async () => {
    const exported = await editor()
      .get('/api/v1/publications/export?format=bibtex')
      .buffer(true)
      .parse((res, done) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        res.on('end', () => done(null, data));
      })
      .expect(200);
    const { body } = await editor()
      .post('/api/v1/publications/import?dryRun=true', { format: 'bibtex', text: exported.body })
      .expect(200);
    const total = await count();
    expect(body.total).toBe(total);
    for (const entry of body.entries) {
      const flagged =
        entry.problems.some((p: { code: string }) => p.code === 'doi_taken') ||
        entry.possibleDuplicates.length > 0;
      expect({ title: entry.title, flagged }).toEqual({ title: entry.title, flagged: true });
    }
    expect(await count()).toBe(total);
  });

  it('has the DOI lookup off by default', async () => {
    const off = await editor()
      .post('/api/v1/publications/lookup', { doi: '10.5555/oris.import.1' })
      .expect(409);
    expect(off.body.code).toBe('publication_lookup_disabled');
  });
});

describe('publications: the DOI lookup when turned on (a recorded Crossref answer, no network)', () => {
  let api: TestApp;
  let cast: PublicationCast;
  const fixture = readFileSync(
    join(
      __dirname,
      '../../../../libs/api/publications/src/publications/testing/crossref-work.fixture.json',
    ),
    'utf8',
  );

  beforeAll(async () => {
    api = await startIdentityTestApp({ PUBLICATION_DOI_LOOKUP: 'crossref' });
    cast = await publicationCast(api);
    api.app.get(CrossrefLookup).fetcher = async (url) =>
      url.endsWith(encodeURIComponent('10.5555/oris.2025.1'))
        ? new Response(fixture, { status: 200 })
        : new Response('{}', { status: 404 });
  });

  afterAll(() => api.close());

  it('proposes the differing fields, locks the filled ones of a validated record, and writes nothing', async () => {
    const editor = http(api).as(cast.editor);
    const created = await editor
      .post(
        '/api/v1/publications',
        publicationBody({ doi: '10.5555/oris.2025.1', publishedOn: '2025-03-15', volume: '11' }),
      )
      .expect(201);
    await editor.post(`/api/v1/publications/${created.body.id}/validate`).expect(200);
    const { body } = await editor
      .post('/api/v1/publications/lookup', { publicationId: created.body.id })
      .expect(200);
    expect(body.source).toBe('crossref');
    const byField = Object.fromEntries(body.fields.map((f: { field: string }) => [f.field, f]));
    expect(byField['volume']).toEqual({
      field: 'volume',
      current: '11',
      proposed: '12',
      locked: true,
    });
    expect(byField['issue']).toEqual({
      field: 'issue',
      current: null,
      proposed: '3',
      locked: false,
    });
    const after = await editor.get(`/api/v1/publications/${created.body.id}`).expect(200);
    expect(after.body.volume).toBe('11');
    const unknown = await editor
      .post('/api/v1/publications/lookup', { doi: '10.5555/unknown' })
      .expect(404);
    expect(unknown.body.code).toBe('publication_lookup_not_found');
    await http(api)
      .as(cast.trainee)
      .post('/api/v1/publications/lookup', { doi: '10.5555/oris.2025.1' })
      .expect(403);
  });
});

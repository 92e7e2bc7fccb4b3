// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  http,
  PublicationCast,
  publicationBody,
  publicationCast,
  uniqueDoi,
} from './publication-client';

describe('publications: the registry', () => {
  let api: TestApp;
  let cast: PublicationCast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await publicationCast(api);
  });

  afterAll(() => api.close());

  const editor = () => http(api).as(cast.editor);

  it('records a publication with its DOI normalised, its contributors in order and a year-precision date', async () => {
    const doi = uniqueDoi();
    const created = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          doi: ` https://doi.org/${doi.toUpperCase()} `,
          publishedOn: '2024-09-30',
          publishedOnPrecision: 'year',
          isbn: '0-306-40615-2',
          contributors: [
            {
              familyName: 'Benali',
              givenNames: 'Samira',
              orcid: 'https://orcid.org/0000-0002-1825-0097',
              orisAffiliation: true,
            },
            { nameAr: 'يوسف العلوي', affiliations: ['جامعة سيدي محمد بن عبد الله'] },
          ],
        }),
      )
      .expect(201);
    expect(created.body).toMatchObject({
      doi,
      isbn: '9780306406157',
      publishedOn: '2024-01-01',
      publishedOnPrecision: 'year',
      status: 'submitted',
      authors: ['Benali, Samira', 'يوسف العلوي'],
      possibleDuplicates: [],
    });
    expect(created.body.contributors[0].orcid).toBe('0000-0002-1825-0097');
    expect(created.body.history).toEqual([
      expect.objectContaining({ version: 1, change: 'created' }),
    ]);
    const [audit] = await database(api).query(
      `SELECT action FROM audit_event WHERE subject_id = $1`,
      [created.body.id],
    );
    expect(audit.action).toBe('publication.created');
  });

  it('refuses a second record of the same DOI, however it is written, with 409 naming the first', async () => {
    const doi = uniqueDoi();
    const first = await editor().post('/api/v1/publications', publicationBody({ doi })).expect(201);
    const again = await editor()
      .post('/api/v1/publications', publicationBody({ doi: `doi:${doi.toUpperCase()}` }))
      .expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.code).toBe('publication_doi_taken');
    expect(again.body.detail).toContain(first.body.id);
    const other = await editor().post('/api/v1/publications', publicationBody()).expect(201);
    const patched = await editor()
      .patch(`/api/v1/publications/${other.body.id}`, { doi: `http://dx.doi.org/${doi}` })
      .expect(409);
    expect(patched.body.code).toBe('publication_doi_taken');
  });

  it('flags possible duplicates: a close title of the same year with the same first author, or the same ISBN and title', async () => {
    const first = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          doi: null,
          titles: [
            {
              language: 'fr',
              title: 'Les incubateurs sociaux au Maroc : bilan 2020-2024',
              original: true,
            },
          ],
        }),
      )
      .expect(201);
    const close = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          doi: null,
          publishedOn: '2025-11-02',
          titles: [
            {
              language: 'fr',
              title: 'Les incubateurs sociaux au Maroc, bilan 2020–2024',
              original: true,
            },
          ],
        }),
      )
      .expect(201);
    expect(close.body.possibleDuplicates).toEqual([
      expect.objectContaining({ id: first.body.id, reason: 'title_year_author' }),
    ]);
    // Another year, or another first author: not offered.
    const otherYear = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          doi: null,
          publishedOn: '2023-01-10',
          titles: [
            {
              language: 'fr',
              title: 'Les incubateurs sociaux au Maroc : bilan 2020-2024',
              original: true,
            },
          ],
        }),
      )
      .expect(201);
    expect(otherYear.body.possibleDuplicates).toEqual([]);
    const book = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          type: 'book',
          doi: null,
          isbn: '978-3-16-148410-0',
          contributors: [],
          titles: [{ language: 'fr', title: 'Guide de la coopérative agricole', original: true }],
          publishedOn: '2022-01-01',
        }),
      )
      .expect(201);
    const sameBook = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          type: 'book',
          doi: null,
          isbn: '9783161484100',
          contributors: [{ familyName: 'Autre' }],
          titles: [{ language: 'fr', title: 'Guide de la coopérative agricole', original: true }],
          publishedOn: '2023-01-01',
        }),
      )
      .expect(201);
    expect(sameBook.body.possibleDuplicates).toEqual([
      expect.objectContaining({ id: book.body.id, reason: 'isbn_title' }),
    ]);
    // The editor merges: the duplicate is kept, points at the first, and is offered no more.
    const merged = await editor()
      .post(`/api/v1/publications/${book.body.id}/merge`, { duplicateId: sameBook.body.id })
      .expect(200);
    expect(merged.body.possibleDuplicates).toEqual([]);
    const duplicate = await editor().get(`/api/v1/publications/${sameBook.body.id}`).expect(200);
    expect(duplicate.body.mergedIntoId).toBe(book.body.id);
    expect(duplicate.body.history.map((h: { change: string }) => h.change)).toEqual([
      'merged',
      'created',
    ]);
    await editor()
      .post(`/api/v1/publications/${book.body.id}/merge`, { duplicateId: sameBook.body.id })
      .expect(409);
    await editor().patch(`/api/v1/publications/${sameBook.body.id}`, { pages: '1-10' }).expect(409);
    const self = await editor()
      .post(`/api/v1/publications/${book.body.id}/merge`, { duplicateId: book.body.id })
      .expect(422);
    expect(self.body.code).toBe('publication_merge_refused');
  });

  it('refuses invalid facts with problem+json naming each field', async () => {
    const bad = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          doi: '10.12/abc',
          isbn: '978-3-16-148410-1',
          titles: [
            { language: 'fr', title: 'Un', original: true },
            { language: 'ar', title: 'اثنان', original: true },
          ],
          attributionEvidence: null,
          retractedOn: '2025-01-01',
          contributors: [{ familyName: 'Benali', orcid: '0000-0002-1825-0098' }],
        }),
      )
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'attributionEvidence',
        'contributors.0.orcid',
        'doi',
        'isbn',
        'retractedOn',
        'titles',
      ].sort(),
    );
    await editor()
      .post('/api/v1/publications', publicationBody({ status: 'validated' }))
      .expect(400);
    await editor()
      .post('/api/v1/publications', publicationBody({ type: 'tweet' }))
      .expect(400);
    const unknownSerial = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({ serialId: '00000000-0000-4000-8000-000000000000' }),
      )
      .expect(422);
    expect(unknownSerial.body.code).toBe('unknown_serial');
    const [{ n }] = await database(api).query(
      `SELECT count(*)::int AS n FROM publication WHERE doi = '10.12/abc'`,
    );
    expect(n).toBe(0);
  });

  it('keeps a correction after validation as a new version, the record staying validated', async () => {
    const created = await editor().post('/api/v1/publications', publicationBody()).expect(201);
    const id = created.body.id;
    await editor().post(`/api/v1/publications/${id}/validate`).expect(200);
    await editor().post(`/api/v1/publications/${id}/validate`).expect(409);
    const corrected = await editor()
      .patch(`/api/v1/publications/${id}`, {
        pages: '45-67',
        indexRecords: [{ index: 'scopus', verifiedOn: '2025-06-01' }],
      })
      .expect(200);
    expect(corrected.body).toMatchObject({ status: 'validated', pages: '45-67' });
    expect(corrected.body.indexRecords).toEqual([
      expect.objectContaining({ index: 'scopus', verifiedOn: '2025-06-01' }),
    ]);
    expect(corrected.body.history.map((h: { change: string }) => h.change)).toEqual([
      'updated',
      'validated',
      'created',
    ]);
    const versions = await database(api).query(
      `SELECT version, superseded_at IS NULL AS current, snapshot->'publication'->>'pages' AS pages
         FROM publication_version WHERE publication_id = $1 ORDER BY version`,
      [id],
    );
    expect(versions).toEqual([
      { version: 1, current: false, pages: null },
      { version: 2, current: false, pages: null },
      { version: 3, current: true, pages: '45-67' },
    ]);
    // A new verification supersedes the record; the old one stays for an earlier knownAt.
    await editor()
      .patch(`/api/v1/publications/${id}`, {
        indexRecords: [{ index: 'scopus', verifiedOn: '2025-07-01' }],
      })
      .expect(200);
    const records = await database(api).query(
      `SELECT verified_on::text AS "verifiedOn", superseded_at IS NULL AS current FROM publication_index_record
        WHERE publication_id = $1 ORDER BY recorded_at`,
      [id],
    );
    expect(records).toEqual([
      { verifiedOn: '2025-06-01', current: false },
      { verifiedOn: '2025-07-01', current: true },
    ]);
    await editor().post(`/api/v1/publications/${id}/withdraw`).expect(200);
    await editor().patch(`/api/v1/publications/${id}`, { pages: '1' }).expect(409);
  });

  it('shows validated publications to anyone, the others to editors and administrators only', async () => {
    const submitted = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          titles: [{ language: 'fr', title: 'Recherche sur les souks ruraux', original: true }],
        }),
      )
      .expect(201);
    const validated = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          titles: [{ language: 'ar', title: 'الأسواق القروية والتنمية', original: true }],
        }),
      )
      .expect(201);
    await editor().post(`/api/v1/publications/${validated.body.id}/validate`).expect(200);
    for (const visitor of [
      http(api).anonymous,
      http(api).as(cast.trainee),
      http(api).as(cast.partnerships),
    ]) {
      await visitor.get(`/api/v1/publications/${submitted.body.id}`).expect(404);
      const open = await visitor.get(`/api/v1/publications/${validated.body.id}`).expect(200);
      expect(open.body.history).toBeUndefined();
      expect(open.body.possibleDuplicates).toBeUndefined();
      const list = await visitor
        .get('/api/v1/publications?status=submitted&pageSize=100')
        .expect(200);
      expect(list.body.items.every((item: { status: string }) => item.status === 'validated')).toBe(
        true,
      );
      // The search forgives Arabic spelling (hamza, alef forms).
      const found = await visitor
        .get(`/api/v1/publications?q=${encodeURIComponent('الاسواق القرويه')}`)
        .expect(200);
      expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([validated.body.id]);
    }
    await http(api).as(cast.admin).get(`/api/v1/publications/${submitted.body.id}`).expect(200);
    const staffList = await editor()
      .get('/api/v1/publications?status=submitted&q=souks')
      .expect(200);
    expect(staffList.body.items.map((item: { id: string }) => item.id)).toEqual([
      submitted.body.id,
    ]);
    // Writing is for editors and administrators.
    for (const someone of [cast.trainee, cast.trainer, cast.partnerships, cast.officer]) {
      await http(api).as(someone).post('/api/v1/publications', publicationBody()).expect(403);
      await http(api)
        .as(someone)
        .patch(`/api/v1/publications/${submitted.body.id}`, { pages: '1' })
        .expect(403);
      await http(api)
        .as(someone)
        .post(`/api/v1/publications/${submitted.body.id}/validate`)
        .expect(403);
      await http(api)
        .as(someone)
        .post(`/api/v1/publications/${submitted.body.id}/merge`, { duplicateId: validated.body.id })
        .expect(403);
    }
    await http(api).anonymous.post('/api/v1/publications', publicationBody()).expect(401);
    await http(api)
      .as(cast.admin)
      .post(`/api/v1/publications/${submitted.body.id}/validate`)
      .expect(200);
  });

  it('filters the list by status, type, year and index', async () => {
    const chapter = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          type: 'book_chapter',
          publishedOn: '2019-05-01',
          indexRecords: [{ index: 'wos_ssci', verifiedOn: '2020-01-01' }],
        }),
      )
      .expect(201);
    const byAll = await editor()
      .get('/api/v1/publications?type=book_chapter&year=2019&index=wos_ssci&status=submitted')
      .expect(200);
    expect(byAll.body.items.map((item: { id: string }) => item.id)).toEqual([chapter.body.id]);
    const none = await editor()
      .get('/api/v1/publications?type=book_chapter&year=2019&index=scopus')
      .expect(200);
    expect(none.body.total).toBe(0);
    await editor().get('/api/v1/publications?year=abc').expect(400);
  });
});

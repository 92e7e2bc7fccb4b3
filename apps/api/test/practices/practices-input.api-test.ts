// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import request from 'supertest';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { TINY_PDF } from '../tools/tools-client';
import {
  practiceBody,
  practicesCast,
  practicesClient,
  problem,
  publishedPractice,
  type PracticesCast,
} from './practices-client';

/** The smallest PNG signature: enough for the type check. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);

describe('practice library: input, concurrency, files and who may do what', () => {
  let api: TestApp;
  let cast: PracticesCast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await practicesCast(api);
  });

  afterAll(() => api.close());

  it('refuses bad input with problem+json, writing nothing', async () => {
    const editor = practicesClient(api, cast.editor);
    const cases: [Record<string, unknown>, string][] = [
      [{ texts: { fr: { title: 'x'.repeat(201) } } }, 'texts'],
      [{ texts: { fr: { title: 'Deux\nlignes' } } }, 'texts'],
      [{ texts: { fr: { summary: 'y'.repeat(1001), title: 'T' } } }, 'texts'],
      [{ texts: { fr: { title: 'T', motto: 'inconnu' } } }, 'texts'],
      [{ texts: { de: { title: 'Titel' } } }, 'texts'],
      [{ originalLanguage: 'de' }, 'originalLanguage'],
      [{ themes: ['astrology'] }, 'themes'],
      [{ regions: ['MA-13'] }, 'regions'],
      [{ totalCostMad: -1 }, 'totalCostMad'],
      [{ startYear: 2024, endYear: 2020 }, 'endYear'],
      [{ contacts: [{ name: 'Sans consentement' }] }, 'contacts.0.consentGiven'],
      [
        { contacts: [{ name: 'A', consentGiven: true, email: 'pas-un-email' }] },
        'contacts.0.email',
      ],
      [{ resultFigures: [{ label: {}, value: 'beaucoup' }] }, 'resultFigures.0.value'],
      [{ texts: { ar: { title: 'عنوان' } } }, 'texts'],
    ];
    for (const [overrides, field] of cases) {
      const response = await editor.post('/api/v1/practices', practiceBody(overrides));
      expect([400, 422]).toContain(response.status);
      problem(response);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    // Nested 5,000 levels deep, and a lone surrogate: refused before any handler.
    const deep = '{"texts":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}';
    const nested = await request(api.url)
      .post('/api/v1/practices')
      .auth(cast.editor.accessToken, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send(deep);
    expect(nested.status).toBe(400);
    problem(nested);
    const surrogate = await request(api.url)
      .post('/api/v1/practices')
      .auth(cast.editor.accessToken, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"originalLanguage":"fr","texts":{"fr":{"title":"\\ud800 seul"}}}');
    expect(surrogate.status).toBe(400);
    problem(surrogate);
    const listed = await editor.get('/api/v1/practices?pageSize=100').expect(200);
    expect(listed.body.total).toBe(0);
    // A link to nothing.
    const link = await editor.post(
      '/api/v1/practices',
      practiceBody({
        links: {
          toolIds: ['0b7c3a52-58a1-4bb7-9a9b-0c5cbdb41b11'],
          publicationIds: [],
          courseIds: [],
          partnershipIds: [],
        },
      }),
    );
    expect(link.status).toBe(422);
    expect(link.body.code).toBe('practice_link_unknown');
    await editor.get('/api/v1/practices?evidenceMin=9').expect(400);
  });

  it('keeps two editors from overwriting each other (If-Match → 412, version → 409, none → 428)', async () => {
    const first = practicesClient(api, cast.editor);
    const second = practicesClient(api, cast.reviewer);
    const created = await first
      .post('/api/v1/practices', practiceBody({ slug: 'concurrence' }))
      .expect(201);
    const id = created.body.id as string;
    await first.patch(`/api/v1/practices/${id}`, { version: 1, beneficiaries: 160 }).expect(200);
    const late = await second.patch(`/api/v1/practices/${id}`, { version: 1, beneficiaries: 170 });
    expect(late.status).toBe(409);
    problem(late);
    expect(late.body.code).toBe('practice_edited_meanwhile');
    const stale = await second
      .patch(`/api/v1/practices/${id}`, { beneficiaries: 170 })
      .set('If-Match', '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('practice_precondition_failed');
    const blind = await second.patch(`/api/v1/practices/${id}`, { beneficiaries: 170 });
    expect(blind.status).toBe(428);
    const fresh = await second.get(`/api/v1/practices/${id}`).expect(200);
    expect(fresh.headers['etag']).toBe('"2"');
    const ok = await second
      .patch(`/api/v1/practices/${id}`, { beneficiaries: 170 })
      .set('If-Match', fresh.headers['etag'])
      .expect(200);
    expect(ok.body).toMatchObject({ version: 3, beneficiaries: 170 });
    // The second editor wrote a version: an author too.
    expect(ok.body.authors.map((author: { id: string }) => author.id).sort()).toEqual(
      [cast.editor.user.id, cast.reviewer.user.id].sort(),
    );
  });

  it('keeps a contact’s consent record while it stays given, and clears it when withdrawn', async () => {
    const editor = practicesClient(api, cast.editor);
    const created = await editor
      .post('/api/v1/practices', practiceBody({ slug: 'consentements' }))
      .expect(201);
    const [consented, other] = created.body.contacts;
    expect(consented).toMatchObject({ consentGiven: true, consentRecordedBy: cast.editor.user.id });
    expect(other).toMatchObject({ consentGiven: false, consentRecordedAt: null });
    const updated = await editor
      .patch(`/api/v1/practices/${created.body.id}`, {
        version: 1,
        contacts: [
          { id: consented.id, name: consented.name, consentGiven: true },
          { id: other.id, name: other.name, consentGiven: false },
        ],
      })
      .expect(200);
    expect(updated.body.contacts[0].consentRecordedAt).toBe(consented.consentRecordedAt);
    const withdrawn = await editor
      .patch(`/api/v1/practices/${created.body.id}`, {
        version: 2,
        contacts: [{ id: consented.id, name: consented.name, consentGiven: false }],
      })
      .expect(200);
    expect(withdrawn.body.contacts[0]).toMatchObject({
      consentGiven: false,
      consentRecordedAt: null,
    });
  });

  it('stores attachments with their hash, checks type and size, and serves them by range', async () => {
    const editor = practicesClient(api, cast.editor);
    const { body } = await editor
      .post('/api/v1/practices', practiceBody({ slug: 'pieces-jointes' }))
      .expect(201);
    const added = await editor
      .upload(body.id, { fileName: 'rapport.pdf', mediaType: 'application/pdf' }, TINY_PDF)
      .expect(201);
    const [file] = added.body.attachments;
    expect(file).toMatchObject({
      kind: 'attachment',
      fileName: 'rapport.pdf',
      size: TINY_PDF.length,
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const whole = await editor.get(file.downloadPath).buffer(true).expect(200);
    expect(Buffer.compare(whole.body as Buffer, TINY_PDF)).toBe(0);
    const part = await editor
      .get(file.downloadPath)
      .set('Range', 'bytes=0-3')
      .buffer(true)
      .expect(206);
    expect((part.body as Buffer).toString('latin1')).toBe('%PDF');
    await editor.get(file.downloadPath).set('Range', 'bytes=9999-').expect(416);
    // Not public until published.
    await practicesClient(api).get(file.downloadPath).expect(404);

    const wrongType = await editor.upload(
      body.id,
      { fileName: 'x.exe', mediaType: 'application/x-msdownload' },
      Buffer.from('MZ'),
    );
    expect(wrongType.status).toBe(415);
    problem(wrongType);
    const lying = await editor.upload(
      body.id,
      { fileName: 'faux.pdf', mediaType: 'application/pdf' },
      Buffer.from('not a pdf'),
    );
    expect(lying.status).toBe(415);
    const bigImage = await editor.upload(
      body.id,
      { kind: 'image', fileName: 'grande.png', mediaType: 'image/png', altFr: 'Une photo' },
      Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(bigImage.status).toBe(413);
    problem(bigImage);
    const noAlt = await editor.upload(
      body.id,
      { kind: 'image', fileName: 'photo.png', mediaType: 'image/png' },
      PNG,
    );
    expect(noAlt.status).toBe(400);
    expect(noAlt.body.errors.map((error: { field: string }) => error.field)).toContain('altFr');
    const image = await editor
      .upload(
        body.id,
        {
          kind: 'image',
          fileName: 'atelier.png',
          mediaType: 'image/png',
          altFr: 'Atelier de formation',
        },
        PNG,
      )
      .expect(201);
    expect(image.body.attachments[1]).toMatchObject({
      kind: 'image',
      altText: { fr: 'Atelier de formation' },
    });
    const empty = await editor.upload(
      body.id,
      { fileName: 'vide.pdf', mediaType: 'application/pdf' },
      Buffer.alloc(0),
    );
    expect(empty.status).toBe(400);
  });

  it('lets trainees, officers and visitors read published sheets only, and change nothing', async () => {
    const { id } = await publishedPractice(api, cast, { slug: 'publiee-pour-tous' });
    const draft = await practicesClient(api, cast.editor)
      .post('/api/v1/practices', practiceBody({ slug: 'brouillon-interne' }))
      .expect(201);
    for (const session of [cast.trainee, cast.officer, undefined]) {
      const client = practicesClient(api, session);
      const list = await client.get('/api/v1/practices?pageSize=100').expect(200);
      const ids = list.body.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(id);
      expect(ids).not.toContain(draft.body.id);
      expect(list.body.items.every((item: { status: string }) => item.status === 'published')).toBe(
        true,
      );
      await client.get(`/api/v1/practices/${draft.body.id}`).expect(404);
      await client.get(`/api/v1/practices/brouillon-interne`).expect(404);
      const shown = await client.get(`/api/v1/practices/${id}`).expect(200);
      expect(JSON.stringify(shown.body)).not.toContain('Karim');
      expect(shown.body.contacts[0].consentRecordedAt).toBeUndefined();
      // A filter on status or author does not open the drafts.
      const sneaky = await client.get(`/api/v1/practices?status=draft`).expect(200);
      expect(sneaky.body.items.map((item: { id: string }) => item.id)).not.toContain(draft.body.id);
      const expected = session ? 403 : 401;
      await client.post('/api/v1/practices', practiceBody()).expect(expected);
      await client.patch(`/api/v1/practices/${id}`, { version: 1 }).expect(expected);
      await client.post(`/api/v1/practices/${draft.body.id}/submit`).expect(expected);
      await client.post(`/api/v1/practices/${id}/archive`).expect(expected);
      await client.get(`/api/v1/practices/${id}/versions`).expect(expected);
      await client.get(`/api/v1/practices/${id}/comments`).expect(expected);
      await client.get(`/api/v1/practices/${id}/versions/2/diff`).expect(expected);
    }
  });

  it('finds published sheets by facets and by forgiving words, in French and Arabic', async () => {
    const { id } = await publishedPractice(api, cast, {
      slug: 'recherche-arabe',
      regions: ['MA-01'],
      themes: ['digital_inclusion'],
      texts: {
        fr: { ...practiceBody().texts.fr, title: 'Inclusion numérique rurale' },
        ar: { title: 'الإِدْمَاجُ الرَّقْمِيُّ فِي العَالَمِ القَرَوِيِّ' },
      },
    });
    const visitor = practicesClient(api);
    const find = async (query: string) =>
      (await visitor.get(`/api/v1/practices?${query}`).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await find('region=MA-01')).toEqual([id]);
    expect(await find('theme=digital_inclusion&region=MA-01')).toEqual([id]);
    expect(await find('region=MA-01&evidenceMin=3')).toEqual([]);
    expect(await find(`q=${encodeURIComponent('الادماج الرقمي')}`)).toContain(id);
    expect(await find(`q=${encodeURIComponent('numerique')}`)).toContain(id);
    expect(await find(`q=${encodeURIComponent('inclusoin numérique')}`)).toContain(id);
  });
});

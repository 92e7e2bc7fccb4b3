// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  practiceBody,
  practicesCast,
  practicesClient,
  problem,
  publishedPractice,
  type PracticesCast,
} from './practices-client';

describe('practice library: the workflow', () => {
  let api: TestApp;
  let cast: PracticesCast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await practicesCast(api);
  });

  afterAll(() => api.close());

  const indexed = (id: string): Promise<{ language: string; original: boolean; title: string }[]> =>
    api.app
      .get(DataSource)
      .query(
        `SELECT language, original, title FROM search_document WHERE kind = 'practice' AND record_id = $1 ORDER BY language`,
        [id],
      );

  it('writes, submits, reviews and publishes a sheet; the public reads the published version', async () => {
    const author = practicesClient(api, cast.editor);
    const reviewer = practicesClient(api, cast.reviewer);
    const created = await author.post('/api/v1/practices', practiceBody()).expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      publishedVersion: null,
      slug: 'insertion-des-jeunes-par-la-cooperative',
      translatedLanguages: ['ar'],
      languages: ['fr', 'ar'],
      mayReview: false,
    });
    expect(created.headers['etag']).toBe('"1"');
    const id = created.body.id as string;
    // Not public yet.
    await practicesClient(api).get(`/api/v1/practices/${id}`).expect(404);

    await author.post(`/api/v1/practices/${id}/submit`).expect(200);
    // The author may not judge the evidence nor publish.
    const selfReview = await author.post(`/api/v1/practices/${id}/review`, {
      decision: 'assess',
      evidenceLevel: 5,
      evidenceJustification: { fr: 'Excellent.' },
    });
    expect(selfReview.status).toBe(403);
    problem(selfReview);
    expect(selfReview.body.code).toBe('practice_reviewer_is_author');
    expect((await author.post(`/api/v1/practices/${id}/publish`)).status).toBe(403);
    // Publishing before the evidence is assessed is refused.
    const early = await reviewer.post(`/api/v1/practices/${id}/publish`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('practice_evidence_missing');

    const assessed = await reviewer
      .post(`/api/v1/practices/${id}/review`, {
        decision: 'assess',
        evidenceLevel: 3,
        evidenceJustification: { fr: 'Un groupe de comparaison suivi à 12 mois.' },
      })
      .expect(200);
    expect(assessed.body).toMatchObject({ status: 'in_review', evidenceLevel: 3, mayReview: true });
    const published = await reviewer.post(`/api/v1/practices/${id}/publish`).expect(200);
    expect(published.body).toMatchObject({ status: 'published', publishedVersion: 4 });

    const visitor = practicesClient(api);
    const bySlug = await visitor.get(`/api/v1/practices/${published.body.slug}`).expect(200);
    expect(bySlug.body).toMatchObject({
      id,
      status: 'published',
      version: 4,
      evidenceLevel: 3,
      texts: { ar: { title: 'إدماج الشباب عبر التعاونية' } },
    });
    expect(bySlug.body.contacts).toEqual([
      {
        name: 'Fatima Zahra El Idrissi',
        role: 'Coordinatrice',
        organisation: null,
        email: null,
        phone: null,
      },
    ]);
    expect(JSON.stringify(bySlug.body)).not.toContain('Karim');
    expect(bySlug.body.authors).toBeUndefined();
    const sheet = await visitor.get(`/api/v1/practices/${id}/published`).expect(200);
    expect(sheet.body).toMatchObject({ version: 4, evidenceLevel: 3, slug: published.body.slug });
    expect(sheet.body.url).toMatch(/\/practices\/insertion-des-jeunes-par-la-cooperative$/);
    expect(JSON.stringify(sheet.body)).not.toContain('Karim');
    // Indexed for search in the same transaction, one document per language.
    expect(await indexed(id)).toEqual([
      { language: 'ar', original: false, title: 'إدماج الشباب عبر التعاونية' },
      { language: 'fr', original: true, title: 'Insertion des jeunes par la coopérative' },
    ]);

    // A new edition: the public keeps the published version until the next publish.
    const edited = await author
      .patch(`/api/v1/practices/${id}`, {
        version: 4,
        texts: {
          fr: {
            ...practiceBody().texts.fr,
            title: 'Insertion des jeunes ruraux par la coopérative',
          },
        },
      })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'draft', version: 5, publishedVersion: 4 });
    const stillPublic = await visitor.get(`/api/v1/practices/${id}`).expect(200);
    expect(stillPublic.body.titles.fr).toBe('Insertion des jeunes par la coopérative');
    const listed = await visitor.get('/api/v1/practices?region=MA-09').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);

    // Versions and their diff.
    const versions = await author.get(`/api/v1/practices/${id}/versions`).expect(200);
    expect(
      versions.body.map((v: { number: number; action: string }) => [v.number, v.action]),
    ).toEqual([
      [5, 'updated'],
      [4, 'published'],
      [3, 'assessed'],
      [2, 'submitted'],
      [1, 'created'],
    ]);
    expect(versions.body.find((v: { public: boolean }) => v.public).number).toBe(4);
    const diff = await author.get(`/api/v1/practices/${id}/versions/5/diff`).expect(200);
    expect(diff.body).toMatchObject({ from: 4, to: 5 });
    expect(diff.body.changes).toEqual([
      {
        field: 'title',
        language: 'fr',
        before: 'Insertion des jeunes par la coopérative',
        after: 'Insertion des jeunes ruraux par la coopérative',
        segments: [
          { op: 'equal', text: 'Insertion des jeunes ' },
          { op: 'insert', text: 'ruraux ' },
          { op: 'equal', text: 'par la coopérative' },
        ],
      },
    ]);
    const far = await author.get(`/api/v1/practices/${id}/versions/5/diff?against=1`).expect(200);
    expect(far.body.changes.map((change: { field: string }) => change.field)).toEqual(
      expect.arrayContaining(['title', 'evidenceJustification', 'evidenceLevel']),
    );
    await author.get(`/api/v1/practices/${id}/versions/9/diff`).expect(404);

    // Republished: the new edition's evidence is assessed again before the public reads it. The
    // earlier level stays on the sheet as the reviewer's starting point.
    await author.post(`/api/v1/practices/${id}/submit`).expect(200);
    const unassessed = await reviewer.post(`/api/v1/practices/${id}/publish`);
    expect(unassessed.status).toBe(409);
    expect(unassessed.body.code).toBe('practice_evidence_missing');
    expect((await reviewer.get(`/api/v1/practices/${id}`).expect(200)).body).toMatchObject({
      status: 'in_review',
      evidenceLevel: 3,
    });
    await reviewer
      .post(`/api/v1/practices/${id}/review`, {
        decision: 'assess',
        evidenceLevel: 2,
        evidenceJustification: {
          fr: 'Les données montrent le changement ; la comparaison est à refaire.',
        },
      })
      .expect(200);
    await reviewer.post(`/api/v1/practices/${id}/publish`).expect(200);
    const republished = await visitor.get(`/api/v1/practices/${id}`).expect(200);
    expect(republished.body.titles.fr).toBe('Insertion des jeunes ruraux par la coopérative');
    expect(republished.body.evidenceLevel).toBe(2);
    expect((await indexed(id)).map((doc) => doc.title)).toContain(
      'Insertion des jeunes ruraux par la coopérative',
    );

    // Audited.
    const actions: { action: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY at`, [id]);
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(['practice.created', 'practice.assessed', 'practice.published']),
    );
  });

  it('returns a sheet to its authors with comments per field, which they resolve', async () => {
    const author = practicesClient(api, cast.editor);
    const reviewer = practicesClient(api, cast.reviewer);
    const { body } = await author
      .post('/api/v1/practices', practiceBody({ slug: 'retour-avec-commentaires' }))
      .expect(201);
    await author.post(`/api/v1/practices/${body.id}/submit`).expect(200);
    // In review, the sheet is not edited.
    const blocked = await author.patch(`/api/v1/practices/${body.id}`, {
      version: 2,
      beneficiaries: 1,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('practice_not_editable');
    const returned = await reviewer
      .post(`/api/v1/practices/${body.id}/review`, {
        decision: 'return',
        comments: [{ field: 'results', language: 'fr', body: 'Citer la source du taux.' }],
      })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'draft', openComments: 1 });
    const comments = await author.get(`/api/v1/practices/${body.id}/comments`).expect(200);
    expect(comments.body).toMatchObject([
      { field: 'results', language: 'fr', body: 'Citer la source du taux.', resolvedAt: null },
    ]);
    const resolved = await author
      .post(`/api/v1/practices/${body.id}/comments/${comments.body[0].id}/resolve`)
      .expect(200);
    expect(resolved.body.resolvedAt).not.toBeNull();
    // A draft is not reviewed.
    const bad = await reviewer.post(`/api/v1/practices/${body.id}/review`, {
      decision: 'return',
      comments: [{ field: 'general', body: 'Encore ?' }],
    });
    expect(bad.status).toBe(409);
    expect(bad.body.code).toBe('practice_transition_invalid');
    // A return without a comment is refused whatever the status.
    const empty = await reviewer.post(`/api/v1/practices/${body.id}/review`, {
      decision: 'return',
      comments: [],
    });
    expect(empty.status).toBe(400);
    problem(empty);
  });

  it('refuses to submit a sheet lacking required fields, naming them', async () => {
    const author = practicesClient(api, cast.editor);
    const { body } = await author
      .post('/api/v1/practices', { originalLanguage: 'ar', texts: { ar: { title: 'مبادرة' } } })
      .expect(201);
    expect(body.slug).toMatch(/^pratique(-\d+)?$/);
    const refused = await author.post(`/api/v1/practices/${body.id}/submit`);
    expect(refused.status).toBe(422);
    problem(refused);
    expect(refused.body.detail).toContain('summary');
  });

  it('archives a published sheet out of the public library and reopens it', async () => {
    const { id } = await publishedPractice(api, cast, { slug: 'a-archiver' });
    const visitor = practicesClient(api);
    await visitor.get(`/api/v1/practices/${id}`).expect(200);
    await practicesClient(api, cast.editor).post(`/api/v1/practices/${id}/archive`).expect(200);
    await visitor.get(`/api/v1/practices/${id}`).expect(404);
    await visitor.get(`/api/v1/practices/${id}/published`).expect(404);
    expect(await indexed(id)).toEqual([]);
    const reopened = await practicesClient(api, cast.editor)
      .post(`/api/v1/practices/${id}/reopen`)
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'draft', publishedVersion: null });
    await visitor.get(`/api/v1/practices/${id}`).expect(404);
    const again = await practicesClient(api, cast.editor).post(`/api/v1/practices/${id}/archive`);
    expect(again.status).toBe(409);
  });

  it('prints the published version as a bilingual PDF, for anyone', async () => {
    const { id, slug } = await publishedPractice(api, cast, { slug: 'a-imprimer' });
    const visitor = practicesClient(api);
    const pdf = await visitor.get(`/api/v1/practices/${slug}/pdf`).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('a-imprimer-v4-fr-ar.pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await visitor.get(`/api/v1/practices/${id}/pdf?languages=ar,fr`).expect(200);
    const english = await visitor.get(`/api/v1/practices/${id}/pdf?languages=fr,en`);
    expect(english.status).toBe(400);
    problem(english);
    await visitor.get(`/api/v1/practices/${id}/pdf?languages=fr;ar`).expect(400);
    const draft = await practicesClient(api, cast.editor)
      .post('/api/v1/practices', practiceBody({ slug: 'brouillon-a-imprimer' }))
      .expect(201);
    await visitor.get(`/api/v1/practices/${draft.body.id}/pdf`).expect(404);
  });

  it('reopening with unpublish takes a published sheet out of the public view', async () => {
    const { id } = await publishedPractice(api, cast, { slug: 'a-depublier' });
    await practicesClient(api, cast.editor)
      .post(`/api/v1/practices/${id}/reopen`, { unpublish: true })
      .expect(200);
    await practicesClient(api).get(`/api/v1/practices/${id}`).expect(404);
    expect(await indexed(id)).toEqual([]);
  });
});

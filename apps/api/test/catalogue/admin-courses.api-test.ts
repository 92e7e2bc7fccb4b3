// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { Cast, castOf, client, courseBody, publishedCourse } from './catalogue-client';

interface Item {
  id: string;
  code: string;
  status: string;
  owners: { id: string; fullName: string }[];
  createdAt: string;
  moduleCount: number;
}

describe('catalogue: every course, for administrators', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  /** Created oldest first: a draft, a published course, a shared draft, an archived course. */
  const ids: Record<'draft' | 'published' | 'shared' | 'archived', string> = {
    draft: '',
    published: '',
    shared: '',
    archived: '',
  };

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
    const trainer = http.as(cast.trainer);
    ids.draft = (
      await trainer
        .post('/api/v1/courses', courseBody({ title: 'Coopératives agricoles et circuits courts' }))
        .expect(201)
    ).body.id;
    ids.published = (
      await publishedCourse(api, cast.otherTrainer, { title: 'Finance solidaire' })
    ).id;
    ids.shared = (
      await http
        .as(cast.admin)
        .post(
          '/api/v1/courses',
          courseBody({
            title: 'Gouvernance des associations',
            ownerIds: [cast.trainer.user.id, cast.otherTrainer.user.id],
          }),
        )
        .expect(201)
    ).body.id;
    ids.archived = (
      await http.as(cast.otherTrainer).post('/api/v1/courses', courseBody()).expect(201)
    ).body.id;
    await http.as(cast.otherTrainer).post(`/api/v1/courses/${ids.archived}/archive`).expect(200);
  });

  afterAll(() => api.close());

  it('is for administrators only: visitors 401, trainers and trainees 403', async () => {
    await http.anonymous.get('/api/v1/admin/courses').expect(401);
    for (const session of [cast.trainer, cast.otherTrainer, cast.trainee]) {
      const refused = await http.as(session).get('/api/v1/admin/courses').expect(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('lists every course of every owner, any status, newest first, with its owners', async () => {
    const all = await http.as(cast.admin).get('/api/v1/admin/courses').expect(200);
    expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    const items = all.body.items as Item[];
    expect(items.map((item) => item.id)).toEqual([
      ids.archived,
      ids.shared,
      ids.published,
      ids.draft,
    ]);
    expect(items.map((item) => item.status)).toEqual(['archived', 'draft', 'published', 'draft']);
    const createdAt = items.map((item) => item.createdAt);
    expect([...createdAt].sort().reverse()).toEqual(createdAt);
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(
      byId
        .get(ids.shared)
        ?.owners.map((owner) => owner.id)
        .sort(),
    ).toEqual([cast.trainer.user.id, cast.otherTrainer.user.id].sort());
    expect(byId.get(ids.draft)?.owners).toEqual([
      { id: cast.trainer.user.id, fullName: cast.trainer.user.fullName },
    ]);
    // The same card as "my courses".
    const mine = await http.as(cast.otherTrainer).get('/api/v1/me/courses').expect(200);
    const myPublished = (mine.body.items as Item[]).find((item) => item.id === ids.published);
    const { owners: _owners, createdAt: _createdAt, ...card } = byId.get(ids.published) as Item;
    expect(card).toEqual(myPublished);
    expect(card.moduleCount).toBe(1);
  });

  it('filters by status and by text in the code, title or summary', async () => {
    const admin = http.as(cast.admin);
    const drafts = await admin.get('/api/v1/admin/courses?status=draft').expect(200);
    expect(drafts.body.total).toBe(2);
    expect((drafts.body.items as Item[]).map((item) => item.id)).toEqual([ids.shared, ids.draft]);

    const found = await admin.get(
      `/api/v1/admin/courses?q=${encodeURIComponent(' COOPÉRATIVES ')}`,
    );
    expect(found.status).toBe(200);
    expect((found.body.items as Item[]).map((item) => item.id)).toEqual([ids.draft]);

    const both = await admin.get('/api/v1/admin/courses?q=finance&status=draft').expect(200);
    expect(both.body).toMatchObject({ total: 0, items: [] });

    // "%" is a character to find, not a wildcard.
    const literal = await admin.get('/api/v1/admin/courses?q=%25').expect(200);
    expect(literal.body.total).toBe(0);

    // The same search in "my courses": only among the caller's own.
    const mine = await http.as(cast.trainer).get('/api/v1/me/courses?q=gouvernance').expect(200);
    expect((mine.body.items as Item[]).map((item) => item.id)).toEqual([ids.shared]);
    const notMine = await http.as(cast.trainer).get('/api/v1/me/courses?q=finance').expect(200);
    expect(notMine.body.total).toBe(0);
  });

  it('pages through the list without gaps or repeats', async () => {
    const admin = http.as(cast.admin);
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const response = await admin.get(`/api/v1/admin/courses?page=${page}&pageSize=3`).expect(200);
      expect(response.body).toMatchObject({ total: 4, page, pageSize: 3 });
      seen.push(...(response.body.items as Item[]).map((item) => item.id));
    }
    expect(seen).toEqual([ids.archived, ids.shared, ids.published, ids.draft]);
  });

  it('refuses a bad query with a 400 problem naming the field', async () => {
    const admin = http.as(cast.admin);
    for (const [query, field] of [
      ['status=closed', 'status'],
      ['pageSize=500', 'pageSize'],
      ['page=0', 'page'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['owner=me', 'owner'],
    ]) {
      const response = await admin.get(`/api/v1/admin/courses?${query}`).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.body.errors)).toContain(field);
    }
  });
});

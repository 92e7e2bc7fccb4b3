// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  Cast,
  castOf,
  client,
  courseBody,
  moduleBody,
  publishedCourse,
  sessionBody,
} from './catalogue-client';

describe('catalogue: courses', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(() => api.close());

  it('lets a trainer create a course, add and publish a module, publish the course, and shows it in the catalogue', async () => {
    const trainer = http.as(cast.trainer);
    const created = await trainer
      .post('/api/v1/courses', courseBody({ code: 'si-101' }))
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'SI-101',
      status: 'draft',
      canEdit: true,
      publishedAt: null,
      descriptionHtml: '<p>Une formation <strong>pratique</strong>.</p>',
      completionRule: { requiredModules: true, minAttendancePercent: 80, trainerValidation: false },
      owners: [{ id: cast.trainer.user.id, fullName: expect.any(String) }],
      modules: [],
    });
    const courseId = created.body.id;

    const module = await trainer
      .post(`/api/v1/courses/${courseId}/modules`, moduleBody())
      .expect(201);
    expect(module.body).toMatchObject({ position: 1, status: 'draft', required: true, courseId });
    const draftModule = await trainer
      .post(`/api/v1/courses/${courseId}/modules`, moduleBody({ title: 'Brouillon' }))
      .expect(201);
    await trainer.post(`/api/v1/modules/${module.body.id}/publish`).expect(200);
    const published = await trainer.post(`/api/v1/courses/${courseId}/publish`).expect(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).toEqual(expect.any(String));

    const catalogue = await http.anonymous.get('/api/v1/courses?q=SI-101').expect(200);
    expect(catalogue.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(catalogue.body.items[0]).toMatchObject({
      id: courseId,
      moduleCount: 1,
      nextSession: null,
    });

    // Visitors see the published module's title, not the draft's, and never the content.
    const page = await http.anonymous.get(`/api/v1/courses/${courseId}`).expect(200);
    expect(page.body.modules).toEqual([
      expect.objectContaining({
        id: module.body.id,
        title: module.body.title,
        status: 'published',
      }),
    ]);
    expect(page.body.modules[0]).not.toHaveProperty('content');
    expect(page.body.canEdit).toBe(false);
    expect(JSON.stringify(page.body)).not.toContain(draftModule.body.id);
  });

  it('filters the public catalogue by text, theme, mode, language, region and upcoming sessions', async () => {
    const trainer = http.as(cast.trainer);
    // Codes of their own: a generated one (T-<pid><counter>) can hold "100", which `q=100%` below
    // would then find in the code.
    const coop = await publishedCourse(api, cast.trainer, {
      code: 'COOP-AGRI',
      title: 'Créer une coopérative agricole',
      theme: 'cooperatives',
      deliveryMode: 'in_person',
      languages: ['fr', 'ar'],
    });
    const online = await publishedCourse(api, cast.trainer, {
      code: 'IMPACT-WEB',
      title: 'Mesurer l’impact à 100% en ligne',
      theme: 'impact_measurement',
      deliveryMode: 'online',
      languages: ['en'],
    });
    await trainer
      .post(`/api/v1/courses/${coop.id}/sessions`, sessionBody({ regionCode: 'MA-07' }))
      .expect(201);
    const past = await http
      .as(cast.admin)
      .post(
        `/api/v1/courses/${online.id}/sessions`,
        sessionBody({
          regionCode: 'MA-02',
          startsOn: '2025-03-03',
          endsOn: '2025-03-07',
          venue: null,
          onlineUrl: 'https://meet.example.org/x',
        }),
      )
      .expect(201);
    expect(past.body.status).toBe('planned');

    const ids = async (query: string) =>
      (
        await http.anonymous.get(`/api/v1/courses?pageSize=100&${query}`).expect(200)
      ).body.items.map((item: { id: string }) => item.id);
    expect(await ids('q=coop%C3%A9rative')).toEqual([coop.id]);
    expect(await ids('q=COOP')).toEqual([coop.id]);
    expect(await ids('theme=cooperatives')).toEqual([coop.id]);
    expect(await ids('mode=online')).toEqual([online.id]);
    expect(await ids('language=ar')).toEqual([coop.id]);
    expect(await ids('region=MA-07')).toEqual([coop.id]);
    expect(await ids('region=MA-02')).toEqual([online.id]);
    expect(await ids('region=MA-02&upcoming=true')).toEqual([]);
    expect(await ids('upcoming=true')).toEqual([coop.id]);
    // `%` and `_` are literal characters, not wildcards.
    expect(await ids('q=100%25')).toEqual([online.id]);
    expect(await ids('q=%25%25')).toEqual([]);
    expect(await ids('q=_')).toEqual([]);

    const card = (await http.anonymous.get('/api/v1/courses?theme=cooperatives').expect(200)).body
      .items[0];
    expect(card).toMatchObject({
      upcomingRegionCodes: ['MA-07'],
      nextSession: {
        regionCode: 'MA-07',
        capacity: 20,
        seatsLeft: 20,
        status: 'planned',
        online: false,
      },
    });
  });

  it('answers the catalogue as JSON from a short-lived cache that a catalogue write clears at once', async () => {
    const trainer = http.as(cast.trainer);
    const before = await http.anonymous.get('/api/v1/courses?q=CACHE-1').expect(200);
    expect(before.headers['content-type']).toMatch(/^application\/json/);
    expect(before.body).toMatchObject({ total: 0, items: [] });

    const created = await trainer
      .post('/api/v1/courses', courseBody({ code: 'cache-1' }))
      .expect(201);
    const module = await trainer
      .post(`/api/v1/courses/${created.body.id}/modules`, moduleBody())
      .expect(201);
    await trainer.post(`/api/v1/modules/${module.body.id}/publish`).expect(200);
    await trainer.post(`/api/v1/courses/${created.body.id}/publish`).expect(200);

    // Within the cache's lifetime, yet the publication shows at once.
    const after = await http.anonymous.get('/api/v1/courses?q=CACHE-1').expect(200);
    expect(after.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });

    await trainer
      .patch(`/api/v1/courses/${created.body.id}`, { title: 'Titre changé' })
      .expect(200);
    const renamed = await http.anonymous.get('/api/v1/courses?q=CACHE-1').expect(200);
    expect(renamed.body.items[0].title).toBe('Titre changé');
  });

  it('keeps drafts out of the catalogue and answers 404 to visitors and other trainers, not to the owner or an admin', async () => {
    const draft = await http
      .as(cast.trainer)
      .post('/api/v1/courses', courseBody({ title: 'Brouillon secret' }))
      .expect(201);
    const list = await http.anonymous.get('/api/v1/courses?q=Brouillon%20secret').expect(200);
    expect(list.body.total).toBe(0);

    for (const viewer of [undefined, cast.otherTrainer, cast.trainee]) {
      const response = await http.as(viewer).get(`/api/v1/courses/${draft.body.id}`).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('course_not_found');
    }
    await http
      .as(cast.otherTrainer)
      .patch(`/api/v1/courses/${draft.body.id}`, { title: 'Volé' })
      .expect(404);
    await http.as(cast.otherTrainer).get(`/api/v1/courses/${draft.body.id}/sessions`).expect(404);
    const mine = await http.as(cast.trainer).get(`/api/v1/courses/${draft.body.id}`).expect(200);
    expect(mine.body).toMatchObject({ status: 'draft', canEdit: true });
    await http.as(cast.admin).get(`/api/v1/courses/${draft.body.id}`).expect(200);
  });

  it('answers 401 to an invalid token on a public course page rather than showing the public view', async () => {
    const { id } = await publishedCourse(api, cast.trainer);
    await http.anonymous
      .get(`/api/v1/courses/${id}`)
      .set('authorization', 'Bearer not.a.token')
      .expect(401);
  });

  it('forbids another trainer (403) from editing, publishing or archiving a published course of someone else', async () => {
    const { id, moduleIds } = await publishedCourse(api, cast.trainer);
    const other = http.as(cast.otherTrainer);
    const response = await other.patch(`/api/v1/courses/${id}`, { title: 'Repris' }).expect(403);
    expect(response.body).toMatchObject({ status: 403, code: 'not_course_owner' });
    await other.post(`/api/v1/courses/${id}/archive`).expect(403);
    await other.post(`/api/v1/courses/${id}/modules`, moduleBody()).expect(403);
    await other.patch(`/api/v1/modules/${moduleIds[0]}`, { title: 'Repris' }).expect(403);
    await other.get(`/api/v1/courses/${id}/modules`).expect(403);
    await other.post(`/api/v1/courses/${id}/sessions`, sessionBody()).expect(403);
    const page = await http.anonymous.get(`/api/v1/courses/${id}`).expect(200);
    expect(page.body.title).not.toBe('Repris');
  });

  it('forbids trainees (403) from creating courses', async () => {
    const response = await http.as(cast.trainee).post('/api/v1/courses', courseBody()).expect(403);
    expect(response.body.status).toBe(403);
  });

  it('lets only administrators choose owners, and only among trainers', async () => {
    await http
      .as(cast.trainer)
      .post('/api/v1/courses', courseBody({ ownerIds: [cast.otherTrainer.user.id] }))
      .expect(403);
    const refused = await http
      .as(cast.admin)
      .post('/api/v1/courses', courseBody({ ownerIds: [cast.trainee.user.id] }))
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'ownerIds' })]);

    const created = await http
      .as(cast.admin)
      .post('/api/v1/courses', courseBody({ ownerIds: [cast.otherTrainer.user.id] }))
      .expect(201);
    expect(created.body.owners.map((owner: { id: string }) => owner.id)).toEqual([
      cast.otherTrainer.user.id,
    ]);
    await http
      .as(cast.otherTrainer)
      .patch(`/api/v1/courses/${created.body.id}`, { durationHours: 12 })
      .expect(200);
    const moved = await http
      .as(cast.admin)
      .patch(`/api/v1/courses/${created.body.id}`, { ownerIds: [cast.trainer.user.id] })
      .expect(200);
    expect(moved.body.owners.map((owner: { id: string }) => owner.id)).toEqual([
      cast.trainer.user.id,
    ]);
    await http
      .as(cast.otherTrainer)
      .patch(`/api/v1/courses/${created.body.id}`, { durationHours: 10 })
      .expect(404);
  });

  it('refuses to publish a course without a published module, and enforces draft → published → archived', async () => {
    const trainer = http.as(cast.trainer);
    const course = await trainer.post('/api/v1/courses', courseBody()).expect(201);
    const empty = await trainer.post(`/api/v1/courses/${course.body.id}/publish`).expect(409);
    expect(empty.body.code).toBe('no_published_module');

    const { id } = await publishedCourse(api, cast.trainer);
    const again = await trainer.post(`/api/v1/courses/${id}/publish`).expect(409);
    expect(again.body.code).toBe('illegal_transition');
    await trainer.post(`/api/v1/courses/${id}/archive`).expect(200);
    await trainer.post(`/api/v1/courses/${id}/archive`).expect(409);
    await trainer.post(`/api/v1/courses/${id}/publish`).expect(409);
    const readOnly = await trainer.patch(`/api/v1/courses/${id}`, { title: 'Encore' }).expect(409);
    expect(readOnly.body.code).toBe('course_archived');
    // Archived courses leave the catalogue; their owner still sees them.
    await http.anonymous.get(`/api/v1/courses/${id}`).expect(404);
    await trainer.get(`/api/v1/courses/${id}`).expect(200);
  });

  it('refuses to archive a course whose sessions are still planned, open or running, naming them', async () => {
    const trainer = http.as(cast.trainer);
    const { id } = await publishedCourse(api, cast.trainer);
    const session = async (title: string, path: string[]) => {
      const created = await trainer
        .post(`/api/v1/courses/${id}/sessions`, sessionBody({ title }))
        .expect(201);
      for (const status of path) {
        await trainer.post(`/api/v1/sessions/${created.body.id}/status`, { status }).expect(200);
      }
      return created.body.id as string;
    };
    const planned = await session('Cohorte planifiée', []);
    const open = await session('Cohorte ouverte', ['open']);
    const running = await session('Cohorte en cours', ['open', 'running']);
    const completed = await session('Cohorte terminée', ['open', 'running', 'completed']);
    const cancelled = await session('Cohorte annulée', ['cancelled']);

    for (const who of [cast.trainer, cast.admin]) {
      const refused = await http.as(who).post(`/api/v1/courses/${id}/archive`).expect(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'course_has_live_sessions', status: 409 });
      for (const live of [planned, open, running, 'Cohorte planifiée', 'planned', 'running']) {
        expect(refused.body.detail).toContain(live);
      }
      for (const over of [completed, cancelled, 'Cohorte terminée', 'Cohorte annulée']) {
        expect(refused.body.detail).not.toContain(over);
      }
    }
    const still = await trainer.get(`/api/v1/courses/${id}`).expect(200);
    expect(still.body.status).toBe('published');
    // Someone who may not edit the course learns nothing about its sessions.
    const other = await http.as(cast.otherTrainer).post(`/api/v1/courses/${id}/archive`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('not_course_owner');

    // Once every session is completed or cancelled, the course can be archived.
    await trainer.post(`/api/v1/sessions/${planned}/status`, { status: 'cancelled' }).expect(200);
    await trainer.post(`/api/v1/sessions/${open}/status`, { status: 'cancelled' }).expect(200);
    const lastOne = await trainer.post(`/api/v1/courses/${id}/archive`).expect(409);
    expect(lastOne.body.detail).toContain(running);
    expect(lastOne.body.detail).not.toContain(open);
    await trainer.post(`/api/v1/sessions/${running}/status`, { status: 'completed' }).expect(200);
    const archived = await trainer.post(`/api/v1/courses/${id}/archive`).expect(200);
    expect(archived.body.status).toBe('archived');
  });

  it('answers 409 to a course code already taken', async () => {
    await http
      .as(cast.trainer)
      .post('/api/v1/courses', courseBody({ code: 'DUP-1' }))
      .expect(201);
    const response = await http
      .as(cast.otherTrainer)
      .post('/api/v1/courses', courseBody({ code: 'dup-1' }))
      .expect(409);
    expect(response.body.code).toBe('course_code_taken');
  });

  it('answers bad input with a 400 problem naming each field, never a 500', async () => {
    const trainer = http.as(cast.trainer);
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'published' }, 'status'],
      [{ theme: 'astrology' }, 'theme'],
      [{ languages: ['de'] }, 'languages'],
      [{ languages: [] }, 'languages'],
      [{ durationHours: '24' }, 'durationHours'],
      [{ durationHours: 0 }, 'durationHours'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ code: 'not a code' }, 'code'],
      [
        {
          completionRule: {
            requiredModules: true,
            minAttendancePercent: 101,
            trainerValidation: false,
          },
        },
        'completionRule.minAttendancePercent',
      ],
      [
        {
          completionRule: {
            requiredModules: 'yes',
            minAttendancePercent: null,
            trainerValidation: false,
          },
        },
        'completionRule.requiredModules',
      ],
      [{ learningOutcomes: ['ok', 'x'.repeat(301)] }, 'learningOutcomes'],
      [{ ownerIds: ['not-a-uuid'] }, 'ownerIds'],
    ];
    for (const [overrides, field] of cases) {
      const response = await trainer.post('/api/v1/courses', courseBody(overrides)).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('validation');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const { id } = await publishedCourse(api, cast.trainer);
    for (const body of [
      { title: null },
      { summary: '' },
      { description: null },
      { status: 'draft' },
    ]) {
      const response = await trainer.patch(`/api/v1/courses/${id}`, body).expect(400);
      expect(response.body.code).toBe('validation');
    }
    await trainer.get('/api/v1/courses/not-a-uuid').expect(400);
    await http.anonymous.get('/api/v1/courses?pageSize=1000').expect(400);
    await http.anonymous.get('/api/v1/courses?theme=astrology').expect(400);
    await http.anonymous.get('/api/v1/courses?upcoming=maybe').expect(400);
    await http.anonymous.get('/api/v1/courses?region=MA-13').expect(400);
  });

  it('paginates the catalogue with a total that does not depend on the page', async () => {
    const marker = 'Pagination Zagora';
    for (let index = 0; index < 5; index++) {
      await publishedCourse(api, cast.otherTrainer, { title: `${marker} ${index}` });
    }
    const pages = await Promise.all(
      [1, 2, 3].map((page) =>
        http.anonymous
          .get(`/api/v1/courses?q=${encodeURIComponent(marker)}&pageSize=2&page=${page}`)
          .expect(200),
      ),
    );
    expect(pages.map((page) => page.body.total)).toEqual([5, 5, 5]);
    expect(pages.map((page) => page.body.items.length)).toEqual([2, 2, 1]);
    const seen = pages.flatMap((page) => page.body.items.map((item: { id: string }) => item.id));
    expect(new Set(seen).size).toBe(5);
    const beyond = await http.anonymous
      .get(`/api/v1/courses?q=${encodeURIComponent(marker)}&pageSize=2&page=9`)
      .expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: 5, page: 9 });
  });

  it('lists a trainer’s own courses, any status, under /v1/me/courses', async () => {
    const draft = await http
      .as(cast.otherTrainer)
      .post('/api/v1/courses', courseBody())
      .expect(201);
    const mine = await http
      .as(cast.otherTrainer)
      .get('/api/v1/me/courses?pageSize=100')
      .expect(200);
    const ids = mine.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(draft.body.id);
    expect(
      mine.body.items.every((item: { status: string }) =>
        ['draft', 'published', 'archived'].includes(item.status),
      ),
    ).toBe(true);
    const theirs = await http.as(cast.trainer).get('/api/v1/me/courses?pageSize=100').expect(200);
    expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(draft.body.id);
    await http.as(cast.trainee).get('/api/v1/me/courses').expect(403);
    const drafts = await http
      .as(cast.otherTrainer)
      .get('/api/v1/me/courses?status=draft')
      .expect(200);
    expect(drafts.body.items.every((item: { status: string }) => item.status === 'draft')).toBe(
      true,
    );
  });
});

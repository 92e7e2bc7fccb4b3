// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { ModulesService } from '@oris/api/catalogue';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { Cast, castOf, client, courseBody, moduleBody, publishedCourse } from './catalogue-client';

describe('catalogue: modules', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(() => api.close());

  async function courseWithModules(count: number): Promise<{ courseId: string; ids: string[] }> {
    const trainer = http.as(cast.trainer);
    const course = await trainer.post('/api/v1/courses', courseBody()).expect(201);
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const module = await trainer
        .post(
          `/api/v1/courses/${course.body.id}/modules`,
          moduleBody({ title: `Module ${index + 1}` }),
        )
        .expect(201);
      expect(module.body.position).toBe(index + 1);
      ids.push(module.body.id);
    }
    return { courseId: course.body.id, ids };
  }

  it('reorders the modules from the full ordered list of their ids', async () => {
    const { courseId, ids } = await courseWithModules(4);
    const order = [ids[2], ids[0], ids[3], ids[1]];
    const response = await http
      .as(cast.trainer)
      .put(`/api/v1/courses/${courseId}/modules/order`, { moduleIds: order })
      .expect(200);
    expect(response.body.map((module: { id: string }) => module.id)).toEqual(order);
    expect(response.body.map((module: { position: number }) => module.position)).toEqual([
      1, 2, 3, 4,
    ]);
    const listed = await http
      .as(cast.trainer)
      .get(`/api/v1/courses/${courseId}/modules`)
      .expect(200);
    expect(listed.body.map((module: { id: string }) => module.id)).toEqual(order);
    // A module added afterwards goes last.
    const added = await http
      .as(cast.trainer)
      .post(`/api/v1/courses/${courseId}/modules`, moduleBody())
      .expect(201);
    expect(added.body.position).toBe(5);
  });

  it('refuses an order that is not exactly the course’s modules', async () => {
    const { courseId, ids } = await courseWithModules(3);
    const other = await courseWithModules(1);
    const trainer = http.as(cast.trainer);
    const url = `/api/v1/courses/${courseId}/modules/order`;
    for (const moduleIds of [
      [ids[0], ids[1]],
      [ids[0], ids[1], ids[2], other.ids[0]],
      [ids[0], ids[1], other.ids[0]],
    ]) {
      const response = await trainer.put(url, { moduleIds }).expect(409);
      expect(response.body.code).toBe('module_order_mismatch');
    }
    const duplicate = await trainer.put(url, { moduleIds: [ids[0], ids[0], ids[1]] }).expect(400);
    expect(duplicate.body.errors[0].field).toBe('moduleIds');
    await trainer.put(url, { moduleIds: ['nope'] }).expect(400);
    await trainer.put(url, {}).expect(400);
    await http.as(cast.otherTrainer).put(url, { moduleIds: ids }).expect(404);
    const unchanged = await trainer.get(`/api/v1/courses/${courseId}/modules`).expect(200);
    expect(unchanged.body.map((module: { id: string }) => module.id)).toEqual(ids);
  });

  it('renders Markdown with <script>, javascript: links, onerror attributes and raw <iframe> inert', async () => {
    const { courseId } = await courseWithModules(0);
    const content = [
      '# Titre',
      '<script>alert("xss")</script>',
      '[clic](javascript:alert(1)) et [ORIS](https://oris.example)',
      '<img src=x onerror="alert(1)">',
      '<iframe src="https://evil.example"></iframe>',
      '<a href="javascript:alert(1)" onclick="alert(2)">lien brut</a>',
      '![pixel](javascript:alert(1))',
    ].join('\n\n');
    const created = await http
      .as(cast.trainer)
      .post(`/api/v1/courses/${courseId}/modules`, moduleBody({ content }))
      .expect(201);
    const html: string = created.body.contentHtml;
    expect(created.body.content).toBe(content);
    expect(html).toContain('<h1>Titre</h1>');
    expect(html).toContain(
      '<a href="https://oris.example" rel="noopener noreferrer nofollow">ORIS</a>',
    );
    // No live tag: raw HTML shows as text, and no tag carries a handler or a script URL.
    expect(html).not.toMatch(/<(script|iframe|style)/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(on\w+=|href="javascript:|src="javascript:)/i);
    expect(html).toContain('&lt;iframe src="https://evil.example"&gt;');

    const patched = await http
      .as(cast.trainer)
      .patch(`/api/v1/modules/${created.body.id}`, {
        content: '<style>body{display:none}</style>\n\n**ok**',
      })
      .expect(200);
    expect(patched.body.contentHtml).not.toMatch(/<style/i);
    expect(patched.body.contentHtml).toContain('<strong>ok</strong>');

    const course = await http
      .as(cast.trainer)
      .patch(`/api/v1/courses/${courseId}`, {
        description: '<script>x()</script> [a](javascript:x())',
      })
      .expect(200);
    expect(course.body.descriptionHtml).not.toMatch(/<script|href="javascript:/i);
  });

  it('shows every module with its content to the course’s owners and administrators only (403 to others)', async () => {
    const { id } = await publishedCourse(api, cast.trainer, {}, 2);
    await http.as(cast.trainer).get(`/api/v1/courses/${id}/modules`).expect(200);
    const asAdmin = await http.as(cast.admin).get(`/api/v1/courses/${id}/modules`).expect(200);
    expect(asAdmin.body[0]).toHaveProperty('contentHtml');
    await http.as(cast.otherTrainer).get(`/api/v1/courses/${id}/modules`).expect(403);
    await http.as(cast.trainee).get(`/api/v1/courses/${id}/modules`).expect(403);
    await http.anonymous.get(`/api/v1/courses/${id}/modules`).expect(401);
  });

  it('publishes a module once (409 the second time) and validates module input', async () => {
    const { courseId, ids } = await courseWithModules(1);
    const trainer = http.as(cast.trainer);
    const published = await trainer.post(`/api/v1/modules/${ids[0]}/publish`).expect(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const again = await trainer.post(`/api/v1/modules/${ids[0]}/publish`).expect(409);
    expect(again.body.code).toBe('illegal_transition');

    const cases: [Record<string, unknown>, string][] = [
      [{ estimatedMinutes: 0 }, 'estimatedMinutes'],
      [{ estimatedMinutes: 'long' }, 'estimatedMinutes'],
      [{ resources: [{ title: 'x', url: 'javascript:alert(1)' }] }, 'resources.0.url'],
      [{ resources: [{ title: 'x', url: 'ftp://files.example.org/a' }] }, 'resources.0.url'],
      [{ resources: [{ title: '', url: 'https://oris.example' }] }, 'resources.0.title'],
      [{ resources: [{ title: 'x', url: 'https://oris.example', extra: 1 }] }, 'resources.0.extra'],
      [{ title: '' }, 'title'],
      [{ content: 'x'.repeat(100_001) }, 'content'],
      [{ required: 'no' }, 'required'],
      [{ status: 'published' }, 'status'],
      [{ position: 1 }, 'position'],
    ];
    for (const [overrides, field] of cases) {
      const response = await trainer
        .post(`/api/v1/courses/${courseId}/modules`, moduleBody(overrides))
        .expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    await trainer.patch(`/api/v1/modules/${ids[0]}`, { title: null }).expect(400);
    await trainer
      .patch('/api/v1/modules/00000000-0000-4000-8000-000000000000', { title: 'x' })
      .expect(404);
  });

  it('hides a module of someone else’s draft course (404) and forbids one of a published course (403)', async () => {
    const draft = await courseWithModules(1);
    const other = http.as(cast.otherTrainer);
    await other.patch(`/api/v1/modules/${draft.ids[0]}`, { title: 'x' }).expect(404);
    await other.post(`/api/v1/modules/${draft.ids[0]}/publish`).expect(404);
    const { moduleIds } = await publishedCourse(api, cast.trainer);
    await other.patch(`/api/v1/modules/${moduleIds[0]}`, { title: 'x' }).expect(403);
    await http
      .as(cast.trainee)
      .patch(`/api/v1/modules/${moduleIds[0]}`, { title: 'x' })
      .expect(403);
  });

  it('gives learners (through the service) a published module of a published course only', async () => {
    const modules = api.app.get(ModulesService);
    const { moduleIds } = await publishedCourse(api, cast.trainer);
    const module = await modules.getPublishedModuleForLearner(moduleIds[0]);
    expect(module).toMatchObject({
      id: moduleIds[0],
      status: 'published',
      contentHtml: expect.stringContaining('<h1>'),
    });
    const draft = await courseWithModules(1);
    await http.as(cast.trainer).post(`/api/v1/modules/${draft.ids[0]}/publish`).expect(200);
    await expect(modules.getPublishedModuleForLearner(draft.ids[0])).rejects.toMatchObject({
      code: 'module_not_found',
    });
  });
});

// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { addQuestions, QUESTIONS, settingsBody } from '../activities/quiz-support';
import { baseline, database, openSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { Cast, castOf, client, courseBody, uniqueCode } from './catalogue-client';
import { uniquePdf } from './material-support';

interface Module {
  id: string;
  position: number;
  title: string;
  content: string;
  status: string;
}

describe('duplicating a course: a new edition', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let storageDir: string;
  let original: Awaited<ReturnType<typeof openSession>>;
  let trainee: Session;
  let pdfSha: string;
  let originalMaterialId: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'oris-duplicate-'));
    api = await startIdentityTestApp({ STORAGE_DIR: storageDir });
    cast = await castOf(api);
    http = client(api);
    original = await openSession(api, cast.trainer, { modules: 2 });
    trainee = await signInWithRoles(api, cast.admin, ['trainee']);
    await http
      .as(trainee)
      .post(`/api/v1/sessions/${original.sessionId}/enrollments`, baseline())
      .expect(201);
    await addQuestions(api, cast.trainer, original.courseId, [QUESTIONS.single, QUESTIONS.short]);
    await http
      .as(cast.trainer)
      .put(`/api/v1/modules/${original.moduleIds[1]}/quiz`, settingsBody({ title: 'Quiz 2' }))
      .expect(200);
    const uploaded = await request(api.url)
      .post(`/api/v1/modules/${original.moduleIds[0]}/material/files?fileName=guide.pdf`)
      .auth(cast.trainer.accessToken, { type: 'bearer' })
      .set('Content-Type', 'application/octet-stream')
      .send(uniquePdf())
      .expect(201);
    pdfSha = uploaded.body.file.sha256;
    originalMaterialId = uploaded.body.id;
    await http
      .as(cast.trainer)
      .post(`/api/v1/modules/${original.moduleIds[0]}/material/links`, {
        url: 'https://vimeo.com/76979871',
      })
      .expect(201);
  });

  afterAll(async () => {
    await api.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const duplicate = (session: Session, body: object, courseId = original.courseId) =>
    http.as(session).post(`/api/v1/courses/${courseId}/duplicate`, body);

  const modulesOf = async (courseId: string): Promise<Module[]> =>
    (await http.as(cast.trainer).get(`/api/v1/courses/${courseId}/modules`).expect(200)).body;

  it('copies the course as a draft with its modules, quizzes, bank and material — not its sessions or enrollments', async () => {
    const code = uniqueCode('ED');
    const copy = await duplicate(cast.trainer, { code, title: 'Édition 2027' }).expect(201);
    expect(copy.body).toMatchObject({
      code,
      title: 'Édition 2027',
      status: 'draft',
      canEdit: true,
    });
    expect(copy.body.owners.map((owner: { id: string }) => owner.id)).toEqual([
      cast.trainer.user.id,
    ]);
    const [from, to] = [await modulesOf(original.courseId), await modulesOf(copy.body.id)];
    expect(
      to.map(({ position, title, content, status }) => ({ position, title, content, status })),
    ).toEqual(
      from.map(({ position, title, content, status }) => ({ position, title, content, status })),
    );
    expect(to.map((m) => m.id)).not.toEqual(from.map((m) => m.id));

    const bank = await http
      .as(cast.trainer)
      .get(`/api/v1/courses/${copy.body.id}/questions`)
      .expect(200);
    const bankItems = bank.body.items ?? bank.body;
    expect(bankItems.map((q: { text: string }) => q.text).sort()).toEqual(
      [QUESTIONS.single.text, QUESTIONS.short.text].sort(),
    );
    const quiz = await http.as(cast.trainer).get(`/api/v1/modules/${to[1].id}/quiz`).expect(200);
    expect(quiz.body).toMatchObject({ title: 'Quiz 2', poolSize: 2, attemptCount: 0 });

    const material = await http
      .as(cast.trainer)
      .get(`/api/v1/modules/${to[0].id}/material`)
      .expect(200);
    expect(material.body.map((m: { kind: string }) => m.kind)).toEqual(['document', 'video_link']);
    expect(material.body[0].file.sha256).toBe(pdfSha);

    const db = database(api);
    const [{ sessions }] = await db.query(
      `SELECT count(*)::int AS sessions FROM course_session WHERE course_id = $1`,
      [copy.body.id],
    );
    expect(sessions).toBe(0);
    // The enrolled trainee of the original does not reach the copy's material.
    await http.as(trainee).get(`/api/v1/modules/${to[0].id}/material`).expect(404);
  });

  it('shares the stored bytes, and removing them from the original leaves the copy’s file', async () => {
    const copy = await duplicate(cast.admin, { code: uniqueCode('ED') }).expect(201);
    expect(copy.body.title).toBeTruthy();
    const [copiedModule] = await modulesOf(copy.body.id);
    const [copied] = (
      await http.as(cast.admin).get(`/api/v1/modules/${copiedModule.id}/material`).expect(200)
    ).body;
    await http.as(cast.trainer).delete(`/api/v1/material/${originalMaterialId}`).expect(204);
    expect(existsSync(join(storageDir, 'material', `${pdfSha}.pdf`))).toBe(true);
    await http.as(cast.admin).get(`/api/v1/material/${copied.id}/file`).expect(200);

    // Edits of the copy never reach the original.
    await http
      .as(cast.admin)
      .patch(`/api/v1/modules/${copiedModule.id}`, { title: 'Renommé dans la copie' })
      .expect(200);
    const [originalFirst] = await modulesOf(original.courseId);
    expect(originalFirst.title).not.toBe('Renommé dans la copie');
  });

  it('refuses a taken code (409), invalid input (400), and non-owners (403/404)', async () => {
    const [{ code }] = await database(api).query(`SELECT code FROM course WHERE id = $1`, [
      original.courseId,
    ]);
    expect((await duplicate(cast.trainer, { code })).body.code).toBe('course_code_taken');
    await duplicate(cast.trainer, { code: 'not a code' }).expect(400);
    await duplicate(cast.trainer, { code: uniqueCode('ED'), status: 'published' }).expect(400);
    await duplicate(cast.otherTrainer, { code: uniqueCode('ED') }).expect(403);
    await duplicate(trainee, { code: uniqueCode('ED') }).expect(403);
    await http.anonymous
      .post(`/api/v1/courses/${original.courseId}/duplicate`, { code: 'X-1' })
      .expect(401);
    const draft = await http.as(cast.trainer).post('/api/v1/courses', courseBody()).expect(201);
    // Another trainer cannot see a draft: it does not exist for them.
    await duplicate(cast.otherTrainer, { code: uniqueCode('ED') }, draft.body.id).expect(404);
  });
});

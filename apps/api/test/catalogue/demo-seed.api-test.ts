// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { seedDemoCatalogue } from '@oris/api/catalogue';
import { DataSource } from 'typeorm';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';
import { client } from './catalogue-client';

describe('catalogue: demo seed', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  it('writes at least 8 published courses with modules and sessions in 4+ regions, once', async () => {
    const admin = await signInAsNewAdmin(api);
    const trainer = await signInWithRoles(api, admin, ['trainer']);
    const dataSource = api.app.get(DataSource);

    const first = await seedDemoCatalogue(dataSource, { trainerId: trainer.user.id });
    expect(first.lines.filter((line) => line.startsWith('created')).length).toBeGreaterThanOrEqual(
      9,
    );
    const second = await seedDemoCatalogue(dataSource, { trainerId: trainer.user.id });
    expect(second.lines.every((line) => line.startsWith('kept'))).toBe(true);
    expect(second.sessions).toEqual(first.sessions);

    const http = client(api);
    const catalogue = await http.anonymous.get('/api/v1/courses?pageSize=100').expect(200);
    expect(catalogue.body.total).toBeGreaterThanOrEqual(8);
    const [{ regions }] = await dataSource.query(
      `SELECT count(DISTINCT region_code)::int AS regions FROM course_session`,
    );
    expect(regions).toBeGreaterThanOrEqual(4);
    const languages = new Set(
      catalogue.body.items.flatMap((item: { languages: string[] }) => item.languages),
    );
    expect([...languages].sort()).toEqual(['ar', 'en', 'fr']);

    // The small open session the enrollment seed fills, and the trainer's view of a course.
    const small = await http.anonymous
      .get(`/api/v1/sessions/${first.sessions['es101-open']}`)
      .expect(200);
    expect(small.body).toMatchObject({ status: 'open', capacity: 4, seatsLeft: 4 });
    const mine = await http.as(trainer).get('/api/v1/me/courses?pageSize=100').expect(200);
    expect(mine.body.items.some((item: { status: string }) => item.status === 'draft')).toBe(true);
    const course = await http.anonymous
      .get(`/api/v1/courses/${catalogue.body.items[0].id}`)
      .expect(200);
    expect(course.body.modules.length).toBeGreaterThanOrEqual(3);
    const modules = await http
      .as(trainer)
      .get(`/api/v1/courses/${course.body.id}/modules`)
      .expect(200);
    expect(modules.body[0].contentHtml).toMatch(/^<h1>/);
  });
});

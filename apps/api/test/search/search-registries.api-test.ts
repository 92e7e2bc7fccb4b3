// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import request from 'supertest';
import { publishedCourse } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import {
  http,
  PublicationCast,
  publicationBody,
  publicationCast,
} from '../publications/publication-client';
import type { TestApp } from '../support/test-app';

/** The registries feed the search in their own transactions (issue 17). */
describe('search: fed by the registries', () => {
  let api: TestApp;
  let cast: PublicationCast;

  beforeAll(async () => {
    api = await startIdentityTestApp({ SEARCH_RATE_LIMIT_PER_MINUTE: '100000' });
    cast = await publicationCast(api);
  });

  afterAll(() => api.close());

  const editor = () => http(api).as(cast.editor);
  const search = (query: string) =>
    request(api.url)
      .get(`/api/v1/search?q=${encodeURIComponent(query)}`)
      .expect(200);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  it('finds a publication once validated, in each of its languages, and no more once withdrawn', async () => {
    const created = await editor()
      .post(
        '/api/v1/publications',
        publicationBody({
          titles: [
            {
              language: 'fr',
              title: 'Les mutuelles de santé communautaires',
              abstract: 'Une enquête auprès de trois mutuelles rurales.',
              original: true,
            },
            { language: 'ar', title: 'التعاضديات الصحية المجتمعية', original: false },
          ],
        }),
      )
      .expect(201);
    const id = created.body.id;
    expect(idsOf((await search('mutuelles')).body)).not.toContain(id);

    await editor().post(`/api/v1/publications/${id}/validate`).expect(200);
    const french = await search('mutuelle communautaire');
    expect(idsOf(french.body)).toEqual([id]);
    expect(french.body.items[0]).toMatchObject({
      kind: 'publication',
      language: 'fr',
      subtype: 'journal_article',
      publishedOn: '2025-03-15',
      path: `/publications/${id}`,
    });
    expect(idsOf((await search('التعاضديات')).body)).toEqual([id]);

    // A correction of a validated record is searchable at once.
    await editor()
      .patch(`/api/v1/publications/${id}`, {
        titles: [{ language: 'fr', title: 'Les mutuelles de santé villageoises', original: true }],
      })
      .expect(200);
    expect(idsOf((await search('villageoises')).body)).toEqual([id]);
    expect(idsOf((await search('التعاضديات')).body)).toEqual([]);

    await editor().post(`/api/v1/publications/${id}/withdraw`).expect(200);
    expect(idsOf((await search('villageoises')).body)).toEqual([]);
    const [{ rows }] = await database(api).query(
      `SELECT count(*)::int AS rows FROM search_document WHERE record_id = $1`,
      [id],
    );
    expect(rows).toBe(0);
  });

  it('finds a course once published, with its theme and the regions of its sessions', async () => {
    const course = await publishedCourse(api, cast.admin, {
      title: 'Apiculture solidaire en montagne',
      theme: 'cooperatives',
    });
    const response = await search('apiculture');
    expect(idsOf(response.body)).toEqual([course.id]);
    expect(response.body.items[0]).toMatchObject({
      kind: 'course',
      themes: ['cooperatives'],
      path: `/catalogue/${course.id}`,
    });
    await http(api).as(cast.admin).post(`/api/v1/courses/${course.id}/archive`).expect(200);
    expect(idsOf((await search('apiculture')).body)).toEqual([]);
  });
});

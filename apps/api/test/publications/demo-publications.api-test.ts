// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DemoPublications } from '@oris/api/publications';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { http, PublicationCast, publicationCast } from './publication-client';

describe('publications: the demo data', () => {
  let api: TestApp;
  let cast: PublicationCast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await publicationCast(api);
  });

  afterAll(() => api.close());

  it('seeds three years of publications once, with every case the indicator must handle', async () => {
    const demo = api.app.get(DemoPublications);
    await demo.seed({ editorId: cast.editor.user.id });
    const count = async () =>
      (await database(api).query(`SELECT count(*)::int AS n FROM publication`))[0].n;
    expect(await count()).toBe(13);
    await demo.seed({ editorId: cast.editor.user.id });
    expect(await count()).toBe(13);
    const y0 = new Date().getUTCFullYear();
    const figures = async (year: number) =>
      (
        await http(api)
          .as(cast.editor)
          .get(`/api/v1/indicators/publications?year=${year}`)
          .expect(200)
      ).body;
    // Last year: the Scopus journal's article, the ARCI journal's, the chapter indexed item by item;
    // beside them the Arcif-only article, the working paper and the article of an ended coverage.
    const last = await figures(y0 - 1);
    expect(last.value).toBe(3);
    expect(last.companions[0]).toMatchObject({ key: 'orisPublications', value: 6 });
    // Two years ago: the review (item-level ESCI); the retracted article counts nowhere.
    const before = await figures(y0 - 2);
    expect(before.value).toBe(1);
    expect(before.companions[0]).toMatchObject({ key: 'orisPublications', value: 1 });
    // The duplicate pair is left for the editor to merge.
    const [pair] = await database(api).query(
      `SELECT id FROM publication WHERE doi IS NULL AND title LIKE 'Les tiers lieux%'`,
    );
    const duplicate = await http(api)
      .as(cast.editor)
      .get(`/api/v1/publications/${pair.id}`)
      .expect(200);
    expect(duplicate.body.possibleDuplicates).toHaveLength(1);
  });
});

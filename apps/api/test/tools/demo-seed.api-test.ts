// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DemoKnowledgeTools } from '@oris/api/knowledge-tools';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { BROWSER, toolsCast, toolsClient, type ToolsCast } from './tools-client';

describe('knowledge tools: the demo seed', () => {
  let api: TestApp;
  let cast: ToolsCast;
  const today = '2026-12-06';

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await toolsCast(api);
  });

  afterAll(() => api.close());

  it('records eight tools over three years with stored files, and a second run adds nothing', async () => {
    const seed = api.app.get(DemoKnowledgeTools);
    expect((await seed.seed(cast.editor.user.id, today)).lines[0]).toMatch(/8 demo tools/);
    expect((await seed.seed(cast.editor.user.id, today)).lines[0]).toMatch(/already seeded/);
    const staff = await toolsClient(api, cast.editor).get('/api/v1/tools?pageSize=100').expect(200);
    expect(staff.body.total).toBe(8);
    const publicList = await toolsClient(api).get('/api/v1/public/tools?pageSize=100').expect(200);
    expect(publicList.body.total).toBe(7);
  });

  it('gives the figures its cases promise, year by year', async () => {
    const value = async (year: number) =>
      (
        await toolsClient(api, cast.admin)
          .get(`/api/v1/indicators/tools?year=${year}&asOf=${today}`)
          .expect(200)
      ).body;
    // 2024: the social entrepreneurship guide (fr; its Arabic translation in 2025 does not count
    // again) and the co-created mapping method.
    expect((await value(2024)).value).toBe(2);
    // 2025: the barometer (its v2 in 2026 does not count again); not the curated SDG toolkit,
    // not the business-plan template (no licence).
    expect((await value(2025)).value).toBe(1);
    // 2026: the follow-up questionnaire and the participatory workshops guide; not the
    // cooperatives kit (submitted, not validated).
    const current = await value(2026);
    expect(current.value).toBe(2);
    expect(current.companions[0].value).toBe(7);
  });

  it('serves its files for download', async () => {
    const list = await toolsClient(api).get('/api/v1/public/tools?kind=dataset').expect(200);
    const tool = await toolsClient(api)
      .get(`/api/v1/public/tools/${list.body.items[0].id}`)
      .expect(200);
    const latest = tool.body.versions[0];
    const file = await toolsClient(api)
      .get(`/api/v1/tools/${tool.body.id}/versions/${latest.id}/download`)
      .set('user-agent', BROWSER)
      .expect(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.text).toContain('inseres_9_mois');
  });
});

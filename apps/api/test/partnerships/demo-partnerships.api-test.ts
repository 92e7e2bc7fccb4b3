// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DemoPartnerships } from '@oris/api/partnerships';
import { todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { client } from '../catalogue/catalogue-client';
import { signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';

describe('the demo partnerships (seed:demo)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  it('records eight families in every status, once, and the indicator counts them', async () => {
    const admin = await signInAsNewAdmin(api);
    const officer = await signInWithRoles(api, admin, ['partnership_officer']);
    const demo = api.app.get(DemoPartnerships);
    const count = async () =>
      (
        await api.app.get(DataSource).query(
          `SELECT (SELECT count(*)::int FROM partnership) AS partnerships,
                    (SELECT count(*)::int FROM organisation) AS organisations,
                    (SELECT count(*)::int FROM audit_event) AS events`,
        )
      )[0];
    expect((await demo.seed({ officerId: officer.user.id })).lines[0]).toContain('11 agreements');
    const first = await count();
    expect(first.partnerships).toBe(11);
    expect((await demo.seed({ officerId: officer.user.id })).lines).toEqual([
      'Partnerships: already seeded.',
    ]);
    expect(await count()).toEqual(first);

    const list = (
      await client(api).as(officer).get('/api/v1/partnerships?pageSize=100').expect(200)
    ).body.items as { title: string; kind: string; status: string; parentId: string | null }[];
    const heads = list.filter((item) => item.parentId === null);
    expect(heads).toHaveLength(8);
    expect(new Set(heads.map((head) => head.status))).toEqual(
      new Set(['draft', 'in_force', 'renewal_due', 'expired', 'terminated']),
    );
    expect(heads.find((head) => head.title.includes('Université'))?.status).toBe('in_force');
    expect(heads.find((head) => head.title.includes('GIZ'))?.status).toBe('in_force');
    const figures = (
      await client(api)
        .as(officer)
        .get(`/api/v1/indicators/partnerships?year=${todayInMorocco().slice(0, 4)}`)
        .expect(200)
    ).body;
    // In force this year: the framework, the renewed and the tacit conventions, the one ending
    // soon, and the terminated one (terminated this year or last: counted only if this year).
    expect(figures.value).toBeGreaterThanOrEqual(4);
  });
});

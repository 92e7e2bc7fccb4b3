// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import request from 'supertest';
import { seedDemo } from '../../src/cli/demo-seed-command';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';

describe('practice library: the demo seed', () => {
  let api: TestApp;

  // The whole demo seed runs twice (every registry, certificates included): minutes on a busy machine.
  beforeAll(async () => {
    api = await startIdentityTestApp();
  }, 180_000);

  afterAll(() => api?.close());

  it('publishes three sheets in three regions, one in review and one draft, once', async () => {
    const first = await seedDemo(api.config);
    expect(first).toContain(
      'Practice library: 5 sheet(s) written (3 published, 1 in review, 1 draft',
    );
    const again = await seedDemo(api.config);
    expect(again).toContain('Practice library: 0 sheet(s) written');

    const visitor = request(api.url);
    const list = await visitor.get('/api/v1/practices').expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((item: { regions: string[] }) => item.regions[0]).sort()).toEqual([
      'MA-02',
      'MA-06',
      'MA-09',
    ]);
    expect(
      list.body.items.map((item: { evidenceLevel: number }) => item.evidenceLevel).sort(),
    ).toEqual([2, 3, 4]);
    // The Arabic title is written with diacritics; a query without them finds it.
    const arabic = await visitor
      .get(`/api/v1/practices?q=${encodeURIComponent('التعاونية الفلاحية')}`)
      .expect(200);
    expect(arabic.body.items.map((item: { slug: string }) => item.slug)).toContain(
      'insertion-des-jeunes-par-la-cooperative-agricole',
    );
    const sheet = await visitor
      .get('/api/v1/practices/insertion-des-jeunes-par-la-cooperative-agricole')
      .expect(200);
    expect(sheet.body.languages).toEqual(['fr', 'ar', 'en']);
    expect(sheet.body.contacts.map((contact: { name: string }) => contact.name)).toEqual([
      'Fatima Zahra El Idrissi',
    ]);
    await visitor.get('/api/v1/practices/ateliers-de-reparation-solidaire').expect(404);
    await visitor
      .get('/api/v1/practices/cantines-scolaires-approvisionnees-localement')
      .expect(404);
  });
});

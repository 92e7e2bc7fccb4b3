// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@oris/api/platform';
import { SearchCache, SearchIndexer } from '@oris/api/search';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app/create-app';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTestApp, type TestApp } from '../support/test-app';
import { indexDocs, searchDoc } from './search-fixtures';

/**
 * Whole answers are cached per API process and forgotten in every process when the index changes
 * (a notification sent by SearchIndexer in the writing transaction, delivered on commit).
 */
describe('search: the answer cache', () => {
  let api: TestApp;
  /** A second API process on the same database, reaching it through a proxy a test can cut. */
  let other: NestFastifyApplication;
  let otherUrl: string;
  let postgres: TcpProxy;

  beforeAll(async () => {
    api = await startTestApp({ SEARCH_RATE_LIMIT_PER_MINUTE: '100000' });
    const direct = new URL(api.config.DATABASE_URL);
    postgres = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.host = `127.0.0.1:${postgres.port}`;
    other = await createApp(
      Object.assign(Object.create(Object.getPrototypeOf(api.config)) as AppConfig, api.config, {
        DATABASE_URL: proxied.toString(),
      }),
    );
    await other.listen({ port: 0, host: '127.0.0.1' });
    const address = other.getHttpServer().address();
    otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await Promise.all([listening(api.app), listening(other)]);
  });

  afterAll(async () => {
    postgres.restore();
    await other.close();
    await api.close();
    await postgres.close();
  });

  const search = (url: string, query: string) =>
    request(url).get(`/api/v1/search?${query}`).expect(200);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  /** Polls a condition (never a duration): the listening connection reports asynchronously. */
  async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
    for (let attempt = 0; attempt < 1_000; attempt += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('condition never met');
  }
  const listening = (app: NestFastifyApplication) => until(() => app.get(SearchCache).live);

  /** The generation the last committed index write announced, once both processes heard it. */
  async function heard(): Promise<void> {
    const [{ generation }] = await api.app
      .get(DataSource)
      .query(`SELECT last_value::text AS generation FROM search_index_generation`);
    await until(() =>
      [api.app, other].every(
        (app) => Number(app.get(SearchCache).lastIndexGeneration ?? 0) >= Number(generation),
      ),
    );
  }

  it('keeps an answer, and forgets it in every process once a write through the indexer commits', async () => {
    const before = await search(api.url, 'q=apiculture').expect(200);
    await search(otherUrl, 'q=apiculture');
    expect(before.body.total).toBe(0);
    expect(api.app.get(SearchCache).size).toBeGreaterThan(0);

    const id = randomUUID();
    await indexDocs(api, [searchDoc({ id, title: 'Apiculture et miel dans l’Atlas' })]);
    await heard();

    for (const url of [api.url, otherUrl]) {
      expect(idsOf((await search(url, 'q=apiculture')).body)).toEqual([id]);
    }
  });

  it('never serves a withdrawn record, and a rolled-back write changes nothing', async () => {
    const id = randomUUID();
    await indexDocs(api, [searchDoc({ id, title: 'Safran de Taliouine', path: '/practices/s' })]);
    await heard();
    expect(idsOf((await search(otherUrl, 'q=taliouine')).body)).toEqual([id]);

    // Written then rolled back: no notification, and nothing to forget.
    const indexer = api.app.get(SearchIndexer);
    await expect(
      api.app.get(DataSource).transaction(async (manager) => {
        await indexer.remove(manager, 'practice', id);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(idsOf((await search(otherUrl, 'q=taliouine')).body)).toEqual([id]);

    await api.app.get(DataSource).transaction((manager) => indexer.remove(manager, 'practice', id));
    await heard();
    for (const url of [api.url, otherUrl]) {
      expect((await search(url, 'q=taliouine')).body).toMatchObject({ total: 0, items: [] });
    }
  });

  it('serves nothing from memory while it cannot hear the changes, and listens again by itself', async () => {
    const id = randomUUID();
    expect((await search(otherUrl, 'q=tissage')).body.total).toBe(0);
    const cache = other.get(SearchCache);
    expect(cache.size).toBeGreaterThan(0);

    // PostgreSQL out of reach for the second process: its listening session is lost.
    postgres.cut();
    await until(() => !cache.live);
    expect(cache.size).toBe(0);
    // A change it cannot hear about: it answers 503 rather than what it had kept.
    await indexDocs(api, [searchDoc({ id, title: 'Tissage de tapis à Taznakht' })]);
    await request(otherUrl).get('/api/v1/search?q=tissage').expect(503);

    postgres.restore();
    expect(idsOf((await search(otherUrl, 'q=tissage')).body)).toEqual([id]);
    await listening(other);
    expect(idsOf((await search(otherUrl, 'q=tissage')).body)).toEqual([id]);
    expect(cache.size).toBe(1);
  });
});

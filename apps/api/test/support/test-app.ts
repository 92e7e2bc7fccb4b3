import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, TestDatabase } from '@oris/api/database/testing';
import { AppConfig, loadConfig } from '@oris/api/platform';
import { createApp } from '../../src/app/create-app';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  /** Base URL of the listening server, for supertest or fetch. */
  url: string;
  close(): Promise<void>;
}

/**
 * Boots the real API (Fastify, guards, pipes, filters) on a random port against a fresh,
 * migrated PostgreSQL database and the local Redis. One per test file; `close` drops the database.
 */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  options: {
    /** The address the app uses for its database, e.g. through a proxy a fault test can cut. */
    databaseUrl?: (url: string) => string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: options.databaseUrl?.(database.url) ?? database.url,
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    // Queues of their own, so parallel test files never take each other's jobs.
    QUEUE_PREFIX: `test-${database.name}`,
    ...env,
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    config,
    database,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

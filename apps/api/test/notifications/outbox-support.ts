import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A BullMQ prefix of its own, so that parallel test files never take each other's jobs. */
export const uniqueQueuePrefix = () => `oris-test-${randomBytes(5).toString('hex')}`;

export const uniqueAddress = (label: string) =>
  `${label}.${randomBytes(5).toString('hex')}@example.ma`;

/** The worker's configuration: the API's database and queue prefix, the real Redis, the test SMTP. */
export function workerConfig(api: TestApp, smtpUrl: string): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: api.database.url,
    REDIS_URL,
    QUEUE_PREFIX: api.config.QUEUE_PREFIX,
    SMTP_URL: smtpUrl,
    PUBLIC_WEB_URL: api.config.PUBLIC_WEB_URL,
  });
}

export interface OutboxRow {
  id: string;
  to_address: string;
  template: string;
  locale: string;
  params: Record<string, string>;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  enqueued_at: Date | null;
  sent_at: Date | null;
  message_id: string | null;
  send_attempt_id: string | null;
  uncertain_sends: number;
}

export async function outboxRows(api: TestApp, to: string): Promise<OutboxRow[]> {
  return api.app
    .get(DataSource)
    .query(`SELECT * FROM email_outbox WHERE to_address = $1 ORDER BY created_at`, [to]);
}

/** Polls until `check` returns a value (not undefined), for state reached by another process. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A loopback port this process had the system pick, then closed: nothing listens there now, and
 * the system does not hand it out again soon (a fixed port number could be taken by anything).
 */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

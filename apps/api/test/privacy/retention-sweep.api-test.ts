import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import { createTestDatabase, type TestDatabase } from '@oris/api/database/testing';
import { RetentionSweeper, RetentionWorkerModule } from '@oris/api/identity';
import { AppConfig, ConfigModule, JobsModule, loadConfig } from '@oris/api/platform';
import { DataSource } from 'typeorm';

/**
 * The worker's retention sweep on real PostgreSQL: rows past their retention period are purged,
 * rows still within it are left exactly as they were.
 */
describe('Retention sweep (worker)', () => {
  let database: TestDatabase;
  let config: AppConfig;
  let worker: INestApplicationContext;
  let db: DataSource;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `test-${database.name}`,
      RETENTION_EMAIL_CONTENT_DAYS: '30',
      RETENTION_CONSENT_IP_MONTHS: '12',
    });

    @Module({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-retention-test'),
        JobsModule.forRoot(),
        RetentionWorkerModule,
      ],
    })
    class RetentionTestModule {}

    worker = await NestFactory.createApplicationContext(RetentionTestModule, {
      logger: false,
      abortOnError: false,
    });
    // The test drives each sweep itself: stop the periodic one (it waits for the sweep started at
    // boot) so that no sweep runs while a test inserts its rows.
    await worker.get(RetentionSweeper).onModuleDestroy();
    db = worker.get(DataSource);
    [{ id: userId }] = await db.query(
      `INSERT INTO users (email, password_hash, full_name, region_code)
       VALUES ('person@retention.test', 'x', 'Person', 'MA-01') RETURNING id`,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await database?.drop();
  });

  const sweep = () => worker.get(RetentionSweeper).sweep();

  it('deletes expired refresh and password-reset tokens and keeps live ones', async () => {
    const family = '6f1c2d3e-0000-4000-8000-000000000001';
    await db.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, used_at)
       VALUES ($1, $2, repeat('a', 64), now() - interval '1 day', now() - interval '31 days'),
              ($1, $2, repeat('b', 64), now() - interval '1 day', NULL),
              ($1, gen_random_uuid(), repeat('c', 64), now() + interval '29 days', NULL)`,
      [userId, family],
    );
    await db.query(
      `INSERT INTO password_reset_token (user_id, token_hash, expires_at)
       VALUES ($1, repeat('d', 64), now() - interval '1 minute'),
              ($1, repeat('e', 64), now() + interval '50 minutes')`,
      [userId],
    );

    const result = await sweep();

    expect(result.expiredRefreshTokens).toBe(2);
    expect(result.expiredPasswordResetTokens).toBe(1);
    expect(await db.query(`SELECT left(token_hash, 1) AS t FROM refresh_token`)).toEqual([
      { t: 'c' },
    ]);
    expect(await db.query(`SELECT left(token_hash, 1) AS t FROM password_reset_token`)).toEqual([
      { t: 'e' },
    ]);
  });

  it('clears the content of old sent and failed emails, keeps the rows, and leaves the rest', async () => {
    const content = `'{"resetUrl": "https://oris.example/reset?token=secret"}'::jsonb`;
    const attachment = `'[{"filename": "c.pdf", "storageKey": "certificates/c.pdf", "contentType": "application/pdf"}]'::jsonb`;
    await db.query(
      `INSERT INTO email_outbox (to_address, template, locale, params, attachments, status, sent_at, last_attempt_at, created_at)
       VALUES ('old-sent@x.test', 'password_reset', 'fr', ${content}, ${attachment}, 'sent',
               now() - interval '31 days', now() - interval '31 days', now() - interval '31 days'),
              ('old-failed@x.test', 'password_reset', 'fr', ${content}, '[]', 'failed',
               NULL, now() - interval '40 days', now() - interval '41 days'),
              ('recent-sent@x.test', 'password_reset', 'fr', ${content}, ${attachment}, 'sent',
               now() - interval '29 days', now() - interval '29 days', now() - interval '29 days'),
              ('old-pending@x.test', 'password_reset', 'fr', ${content}, '[]', 'pending',
               NULL, now() - interval '40 days', now() - interval '41 days')`,
    );

    const result = await sweep();

    expect(result.emailContentsCleared).toBe(2);
    const rows: { to_address: string; status: string; params: object; attachments: unknown[] }[] =
      await db.query(
        `SELECT to_address, status, params, attachments FROM email_outbox ORDER BY to_address`,
      );
    const byAddress = Object.fromEntries(rows.map((row) => [row.to_address, row]));
    expect(rows).toHaveLength(4);
    expect(byAddress['old-sent@x.test']).toMatchObject({
      status: 'sent',
      params: {},
      attachments: [],
    });
    expect(byAddress['old-failed@x.test']).toMatchObject({ status: 'failed', params: {} });
    expect(byAddress['recent-sent@x.test'].params).toEqual({
      resetUrl: 'https://oris.example/reset?token=secret',
    });
    expect(byAddress['recent-sent@x.test'].attachments).toHaveLength(1);
    // A pending email still has to be sent: its content is never touched, however old.
    expect(byAddress['old-pending@x.test'].params).toEqual({
      resetUrl: 'https://oris.example/reset?token=secret',
    });
    expect((await sweep()).emailContentsCleared).toBe(0);
  });

  it('erases the address of consents older than the period and keeps the consent itself', async () => {
    await db.query(
      `INSERT INTO consent (user_id, purpose, notice_version, method, given_at, ip)
       VALUES ($1, 'training', '1', 'registration', now() - interval '13 months', '203.0.113.7'),
              ($1, 'followup', '1', 'profile', now() - interval '11 months', '203.0.113.8')`,
      [userId],
    );

    const result = await sweep();

    expect(result.consentAddressesErased).toBe(1);
    expect(
      await db.query(`SELECT purpose, notice_version, ip FROM consent ORDER BY purpose`),
    ).toEqual([
      { purpose: 'followup', notice_version: '1', ip: '203.0.113.8' },
      { purpose: 'training', notice_version: '1', ip: null },
    ]);
  });

  it('deletes idempotency records past their 24 hours and keeps recent ones', async () => {
    await db.query(
      `INSERT INTO idempotency_record (user_id, key, method, path, request_hash, state, response_status, response_body, created_at, completed_at)
       VALUES ($1, 'old', 'POST', '/api/v1/x', repeat('0', 64), 'completed', 201, '{}', now() - interval '25 hours', now() - interval '25 hours'),
              ($1, 'new', 'POST', '/api/v1/x', repeat('0', 64), 'completed', 201, '{}', now() - interval '23 hours', now() - interval '23 hours')`,
      [userId],
    );

    const result = await sweep();

    expect(result.expiredIdempotencyRecords).toBe(1);
    expect(await db.query(`SELECT key FROM idempotency_record`)).toEqual([{ key: 'new' }]);
  });
});

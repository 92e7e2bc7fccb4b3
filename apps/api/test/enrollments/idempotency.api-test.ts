// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { IdempotencyStore } from '@oris/api/platform';
import { Client } from 'pg';
import request from 'supertest';
import { Cast, castOf } from '../catalogue/catalogue-client';
import { signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, database, openSession } from './enrollment-client';

describe('enrollments: Idempotency-Key (R3)', () => {
  let api: TestApp;
  let cast: Cast;
  let sessionId: string;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    ({ sessionId } = await openSession(api, cast.trainer, { session: { capacity: 5 } }));
  });

  afterAll(() => api.close());

  const enroll = (token: string, key: string | undefined, body: object = baseline()) => {
    const pending = request(api.url)
      .post(`/api/v1/sessions/${sessionId}/enrollments`)
      .auth(token, { type: 'bearer' });
    if (key !== undefined) pending.set('Idempotency-Key', key);
    return pending.send(body);
  };

  const enrollmentsOf = async (userId: string): Promise<number> => {
    const [{ count }] = await database(api).query(
      `SELECT count(*)::int AS count FROM enrollment WHERE user_id = $1`,
      [userId],
    );
    return count;
  };

  it('answers a retry with the same key with the same status and body, without a second enrollment', async () => {
    const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
    const key = randomUUID();
    const first = await enroll(trainee.accessToken, key).expect(201);
    const retries = await Promise.all([1, 2, 3].map(() => enroll(trainee.accessToken, key)));
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
    }
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await enrollmentsOf(trainee.user.id)).toBe(1);
    // A key is the person's: the same key from someone else is a request of its own.
    const other = await signInWithRoles(api, cast.admin, ['trainee']);
    const theirs = await enroll(other.accessToken, key).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('refuses the same key with a different body with 422', async () => {
    const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
    const key = randomUUID();
    await enroll(trainee.accessToken, key).expect(201);
    const response = await enroll(trainee.accessToken, key, baseline({ educationLevel: 'master' }))
      .expect(422)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(await enrollmentsOf(trainee.user.id)).toBe(1);
  });

  it('replays a refusal too: a retry of a request that got 409 gets the same 409', async () => {
    const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
    await enroll(trainee.accessToken, randomUUID()).expect(201);
    const key = randomUUID();
    const refused = await enroll(trainee.accessToken, key).expect(409);
    expect(refused.body.code).toBe('already_enrolled');
    const again = await enroll(trainee.accessToken, key)
      .expect(409)
      .expect('content-type', /application\/problem\+json/);
    expect(again.body).toEqual(refused.body);
  });

  it('answers 409 to a duplicate sent while the first request is still running, then replays its answer', async () => {
    const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
    const key = randomUUID();
    // Hold the session's row lock so that the first request waits inside its transaction.
    const blocker = new Client({ connectionString: api.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM course_session WHERE id = $1 FOR UPDATE`, [sessionId]);
      const first = enroll(trainee.accessToken, key).then((response) => response);
      await waitFor(async () => {
        const rows = await database(api).query(
          `SELECT 1 FROM idempotency_record WHERE user_id = $1 AND key = $2`,
          [trainee.user.id, key],
        );
        return rows.length === 1;
      });
      const duplicate = await enroll(trainee.accessToken, key).expect(409);
      expect(duplicate.body).toMatchObject({ code: 'idempotency_key_in_flight' });
      await blocker.query('COMMIT');
      const firstResponse = await first;
      expect(firstResponse.status).toBe(201);
      const replay = await enroll(trainee.accessToken, key).expect(201);
      expect(replay.body).toEqual(firstResponse.body);
      expect(await enrollmentsOf(trainee.user.id)).toBe(1);
    } finally {
      await blocker.end();
    }
  });

  it('works as usual without a key, and refuses a malformed key with 400', async () => {
    const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
    await enroll(trainee.accessToken, 'k'.repeat(256)).expect(400);
    await enroll(trainee.accessToken, 'with space').expect(400);
    expect(await enrollmentsOf(trainee.user.id)).toBe(0);
    await enroll(trainee.accessToken, undefined).expect(201);
    await enroll(trainee.accessToken, undefined).expect(409);
  });

  it('lets the key be used again once its record has expired (24 h)', async () => {
    const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
    const key = randomUUID();
    const first = await enroll(trainee.accessToken, key).expect(201);
    await database(api).query(
      `UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = $1`,
      [key],
    );
    // Run again: the enrollment exists, so this time the answer is a fresh 409, not the replay.
    const again = await enroll(trainee.accessToken, key).expect(409);
    expect(again.body.code).toBe('already_enrolled');
    expect(first.body.id).toMatch(/^[0-9a-f-]{36}$/);
    // Expired records are purged.
    await database(api).query(
      `UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = $1`,
      [key],
    );
    expect(await api.app.get(IdempotencyStore).purgeExpired()).toBeGreaterThanOrEqual(1);
    const left = await database(api).query(`SELECT 1 FROM idempotency_record WHERE key = $1`, [
      key,
    ]);
    expect(left).toEqual([]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

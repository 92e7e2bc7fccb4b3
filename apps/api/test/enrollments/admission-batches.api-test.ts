// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import type { Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, bulkPeople, database, openSession, outboxRows } from './enrollment-client';

/**
 * Concurrent enrollments in one session are admitted in batches (one transaction, a savepoint
 * per request): a refused request must undo only itself, and nobody may be left without an answer.
 */
describe('enrollments: concurrent requests admitted together', () => {
  let api: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
  }, 60_000);

  afterAll(() => api.close());

  const enroll = (sessionId: string, person: Session) =>
    request(api.url)
      .post(`/api/v1/sessions/${sessionId}/enrollments`)
      .auth(person.accessToken, { type: 'bearer' })
      .send(baseline());

  it('refuses the repeated requests alone and admits every other one, in order, with its email', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 5 } });
    const people = await bulkPeople(api, 30);
    // The first five people send their request twice, at the same time as everyone else.
    const requests = [...people, ...people.slice(0, 5)];
    const responses = await Promise.all(requests.map((person) => enroll(sessionId, person)));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(30);
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused).toHaveLength(5);
    for (const response of refused) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('already_enrolled');
    }

    const admitted = responses.filter((response) => response.status === 201);
    expect(new Set(admitted.map((response) => response.body.person.id)).size).toBe(30);
    expect(admitted.filter((response) => response.body.status === 'confirmed')).toHaveLength(5);
    const positions = admitted
      .filter((response) => response.body.status === 'waitlisted')
      .map((response) => response.body.waitlistPosition as number)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));

    const [row]: { enrollments: number; confirmed: number }[] = await database(api).query(
      `SELECT count(*)::int AS enrollments, (SELECT confirmed_count FROM course_session WHERE id = $1) AS confirmed
         FROM enrollment WHERE session_id = $1`,
      [sessionId],
    );
    expect(row).toEqual({ enrollments: 30, confirmed: 5 });
    const ids = people.map((person) => person.user.id);
    expect(await outboxRows(api, 'enrollment_confirmed', ids)).toHaveLength(5);
    expect(await outboxRows(api, 'enrollment_waitlisted', ids)).toHaveLength(25);

    const session = await client(api).anonymous.get(`/api/v1/sessions/${sessionId}`).expect(200);
    expect(session.body).toMatchObject({ confirmedCount: 5, seatsLeft: 0 });
  }, 60_000);

  it('admits two sessions’ rushes side by side, each filling its own seats and waitlist', async () => {
    const [first, second] = await Promise.all([
      openSession(api, cast.trainer, { session: { capacity: 3 } }),
      openSession(api, cast.trainer, { session: { capacity: 3, title: 'Cohorte — Oujda' } }),
    ]);
    const people = await bulkPeople(api, 20);
    const responses = await Promise.all(
      people.flatMap((person) => [
        enroll(first.sessionId, person),
        enroll(second.sessionId, person),
      ]),
    );
    expect(responses.filter((response) => response.status !== 201)).toEqual([]);
    for (const { sessionId } of [first, second]) {
      const mine = responses.filter((response) => response.body.session.id === sessionId);
      expect(mine).toHaveLength(20);
      expect(mine.filter((response) => response.body.status === 'confirmed')).toHaveLength(3);
      expect(
        mine
          .filter((response) => response.body.status === 'waitlisted')
          .map((response) => response.body.waitlistPosition as number)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
    }
  }, 60_000);
});

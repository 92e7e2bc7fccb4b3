// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import type { Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, bulkPeople, database, openSession } from './enrollment-client';

/**
 * A batch of concurrent enrollments is decided in memory and written with one statement per
 * table; each answer is built from what the batch knows instead of reading the row back. These
 * tests check that the answers are exactly what the database then holds, and that each request
 * of a batch is still decided by its own rule (refused alone, on behalf, duplicate).
 */
describe('enrollments: the answers of a batch of admissions', () => {
  let api: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
  }, 60_000);

  afterAll(() => api.close());

  const enroll = (sessionId: string, who: Session, body: object = baseline()) =>
    request(api.url)
      .post(`/api/v1/sessions/${sessionId}/enrollments`)
      .auth(who.accessToken, { type: 'bearer' })
      .send(body);

  it('answers every request of a rush with the enrollment as stored: status, position, progress, times', async () => {
    const { sessionId } = await openSession(api, cast.trainer, {
      session: { capacity: 3 },
      modules: 2,
    });
    const people = await bulkPeople(api, 12);
    const responses = await Promise.all(
      people.map((person, index) =>
        enroll(sessionId, person, baseline(index % 2 ? { baselineSituation: 'student' } : {})),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(people.map(() => 201));
    expect(responses.filter((response) => response.body.status === 'confirmed')).toHaveLength(3);

    for (const [index, response] of responses.entries()) {
      const stored = await client(api)
        .as(people[index])
        .get(`/api/v1/enrollments/${response.body.id}`)
        .expect(200);
      expect(stored.body).toMatchObject(response.body);
      expect(response.body).toMatchObject({
        person: { id: people[index].user.id, fullName: expect.any(String) },
        session: { id: sessionId, course: { id: expect.any(String) } },
        baselineSituation: index % 2 ? 'student' : 'seeking',
        onBehalf: false,
        progress: { publishedTotal: 2, publishedDone: 0, percent: 0 },
      });
    }
    const [row]: { tickets: number[] }[] = await database(api).query(
      `SELECT array_agg(waitlist_ticket ORDER BY waitlist_ticket) AS tickets FROM enrollment
        WHERE session_id = $1 AND status = 'waitlisted'`,
      [sessionId],
    );
    expect(row.tickets).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }, 60_000);

  it('decides each request of a rush by its own rule: on behalf, refused, duplicate, disabled', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 2 } });
    const [first, second, third, bystander, disabled] = await bulkPeople(api, 5);
    await database(api).query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [
      disabled.user.id,
    ]);
    const [onBehalf, selfDuplicate, notStaff, unknown, ofDisabled, ...selves] = await Promise.all([
      enroll(sessionId, cast.trainer, baseline({ userId: first.user.id })),
      enroll(sessionId, first),
      enroll(sessionId, bystander, baseline({ userId: second.user.id })),
      enroll(sessionId, cast.trainer, baseline({ userId: randomUUID() })),
      enroll(sessionId, cast.trainer, baseline({ userId: disabled.user.id })),
      enroll(sessionId, second),
      enroll(sessionId, third),
    ]);

    // The first person is enrolled once: by whichever of the two requests came first.
    const forFirst = [onBehalf, selfDuplicate];
    expect(forFirst.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(forFirst.find((response) => response.status === 409)?.body.code).toBe(
      'already_enrolled',
    );
    expect(onBehalf.status === 201 ? onBehalf.body.onBehalf : selfDuplicate.body.onBehalf).toBe(
      onBehalf.status === 201,
    );
    expect(notStaff.status).toBe(403);
    expect(notStaff.body.code).toBe('on_behalf_not_allowed');
    for (const response of [unknown, ofDisabled]) {
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'userId', message: 'no active person has this id' }),
      ]);
    }

    const admitted = [...forFirst.filter((response) => response.status === 201), ...selves];
    expect(admitted.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(admitted.filter((response) => response.body.status === 'confirmed')).toHaveLength(2);
    expect(
      admitted.filter((response) => response.body.status === 'waitlisted').map((r) => r.body),
    ).toEqual([expect.objectContaining({ waitlistPosition: 1 })]);
    const [state]: { counter: number; enrollments: number }[] = await database(api).query(
      `SELECT (SELECT confirmed_count FROM course_session WHERE id = $1) AS counter,
              (SELECT count(*)::int FROM enrollment WHERE session_id = $1) AS enrollments`,
      [sessionId],
    );
    expect(state).toEqual({ counter: 2, enrollments: 3 });
  }, 60_000);
});

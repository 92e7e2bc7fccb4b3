// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import type { Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, bulkPeople, openSession, outboxRows } from './enrollment-client';

interface Listed {
  id: string;
  status: string;
  waitlistPosition: number | null;
  person: { id: string };
}

describe('enrollments: a session’s capacity and its waitlist', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
  }, 60_000);

  afterAll(() => api.close());

  /** Enrolls `people` one after the other, so the waitlist follows their order. */
  const enrollInTurn = async (sessionId: string, people: Session[]) => {
    for (const person of people) {
      await http
        .as(person)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
        .expect(201);
    }
  };

  const enrollments = async (sessionId: string, status: string): Promise<Listed[]> => {
    const response = await http
      .as(cast.trainer)
      .get(`/api/v1/sessions/${sessionId}/enrollments?status=${status}&pageSize=100`)
      .expect(200);
    return response.body.items;
  };

  const traineeIds = (items: Listed[]) => items.map((item) => item.person.id).sort();
  const idsOf = (people: Session[]) => people.map((person) => person.user.id).sort();

  it('confirms the first waitlisted people, in waitlist order, up to the new free seats, and emails each', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 3 } });
    const people = await bulkPeople(api, 7);
    await enrollInTurn(sessionId, people);
    expect(traineeIds(await enrollments(sessionId, 'waitlisted'))).toEqual(idsOf(people.slice(3)));

    const raised = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${sessionId}`, { capacity: 5 })
      .expect(200);
    expect(raised.body).toMatchObject({ capacity: 5, confirmedCount: 5, seatsLeft: 0 });
    expect(traineeIds(await enrollments(sessionId, 'confirmed'))).toEqual(
      idsOf(people.slice(0, 5)),
    );
    const waiting = await enrollments(sessionId, 'waitlisted');
    expect(waiting.map((item) => [item.person.id, item.waitlistPosition])).toEqual([
      [people[5].user.id, 1],
      [people[6].user.id, 2],
    ]);
    const promoted = await outboxRows(api, 'enrollment_promoted', idsOf(people));
    expect(promoted.map((mail) => mail.userId).sort()).toEqual(idsOf(people.slice(3, 5)));
    expect(promoted[0].params).toMatchObject({ courseTitle: expect.any(String) });

    // More seats than people waiting: everyone is confirmed, the rest of the seats stay free.
    const roomy = await http
      .as(cast.admin)
      .patch(`/api/v1/sessions/${sessionId}`, { capacity: 10 })
      .expect(200);
    expect(roomy.body).toMatchObject({ capacity: 10, confirmedCount: 7, seatsLeft: 3 });
    expect(await enrollments(sessionId, 'waitlisted')).toEqual([]);
    expect(await outboxRows(api, 'enrollment_promoted', idsOf(people))).toHaveLength(4);
    // The next person takes a free seat directly.
    const [late] = await bulkPeople(api, 1);
    const seat = await http
      .as(late)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      .expect(201);
    expect(seat.body.status).toBe('confirmed');
  });

  it('refuses to lower the capacity below the confirmed seats with a 409 problem, changing nothing', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 4 } });
    const people = await bulkPeople(api, 3);
    await enrollInTurn(sessionId, people);

    const refused = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${sessionId}`, { capacity: 2, title: 'Cohorte réduite' })
      .expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'capacity_below_confirmed', status: 409 });
    expect(refused.body.detail).toContain('3 seats are confirmed');
    const unchanged = await http.anonymous.get(`/api/v1/sessions/${sessionId}`).expect(200);
    expect(unchanged.body).toMatchObject({ capacity: 4, confirmedCount: 3 });
    expect(unchanged.body.title).not.toBe('Cohorte réduite');

    // Down to exactly the confirmed seats is fine: the session is then full.
    const full = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${sessionId}`, { capacity: 3 })
      .expect(200);
    expect(full.body).toMatchObject({ capacity: 3, confirmedCount: 3, seatsLeft: 0 });
    const [next] = await bulkPeople(api, 1);
    const waiting = await http
      .as(next)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      .expect(201);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('promotes nobody when an edit does not add seats', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 1 } });
    const people = await bulkPeople(api, 3);
    await enrollInTurn(sessionId, people);
    await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${sessionId}`, { capacity: 1, title: 'Cohorte d’automne' })
      .expect(200);
    expect(await enrollments(sessionId, 'waitlisted')).toHaveLength(2);
    expect(await outboxRows(api, 'enrollment_promoted', idsOf(people))).toEqual([]);
  });

  it('keeps no free seat while someone waits when the capacity is raised during a rush', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 5 } });
    const people = await bulkPeople(api, 40);
    const enroll = (person: Session) =>
      request(api.url)
        .post(`/api/v1/sessions/${sessionId}/enrollments`)
        .auth(person.accessToken, { type: 'bearer' })
        .set('Idempotency-Key', randomUUID())
        .send(baseline());
    const [first, second] = [people.slice(0, 20), people.slice(20)];
    const raise = async () => {
      // Once the first requests are in, somewhere in the middle of the rush.
      await Promise.all(first.map(enroll));
      return http.as(cast.trainer).patch(`/api/v1/sessions/${sessionId}`, { capacity: 15 });
    };
    const [raised] = await Promise.all([raise(), ...second.map(enroll)]);
    expect(raised.status).toBe(200);

    const session = await http.anonymous.get(`/api/v1/sessions/${sessionId}`).expect(200);
    expect(session.body).toMatchObject({ capacity: 15, confirmedCount: 15, seatsLeft: 0 });
    const waiting = await enrollments(sessionId, 'waitlisted');
    expect(waiting).toHaveLength(25);
    expect(waiting.map((item) => item.waitlistPosition)).toEqual(
      Array.from({ length: 25 }, (_, index) => index + 1),
    );
  }, 60_000);
});

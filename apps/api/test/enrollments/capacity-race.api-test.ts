// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import type { Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, bulkPeople, database, openSession, outboxRows } from './enrollment-client';

describe('enrollments: capacity under concurrency (R2)', () => {
  let api: TestApp;
  let cast: Cast;
  let sessionId: string;
  let trainees: Session[];
  const responses = new Map<string, { status: number; body: Record<string, unknown> }>();

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    ({ sessionId } = await openSession(api, cast.trainer, { session: { capacity: 10 } }));
    trainees = await bulkPeople(api, 200);
  }, 60_000);

  afterAll(() => api.close());

  it('confirms exactly 10 of 200 concurrent requests for 10 seats and waitlists 190 at distinct positions 1..190', async () => {
    await Promise.all(
      trainees.map(async (trainee) => {
        const response = await request(api.url)
          .post(`/api/v1/sessions/${sessionId}/enrollments`)
          .auth(trainee.accessToken, { type: 'bearer' })
          .set('Idempotency-Key', randomUUID())
          .send(baseline());
        responses.set(trainee.user.id, { status: response.status, body: response.body });
      }),
    );
    const all = [...responses.values()];
    expect(all.filter((response) => response.status !== 201)).toEqual([]);
    const confirmed = all.filter((response) => response.body['status'] === 'confirmed');
    const waitlisted = all.filter((response) => response.body['status'] === 'waitlisted');
    expect(confirmed).toHaveLength(10);
    expect(waitlisted).toHaveLength(190);
    const positions = waitlisted.map((response) => response.body['waitlistPosition'] as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 190 }, (_, index) => index + 1),
    );

    const session = await client(api).anonymous.get(`/api/v1/sessions/${sessionId}`).expect(200);
    expect(session.body).toMatchObject({ capacity: 10, confirmedCount: 10, seatsLeft: 0 });
    // The queue is the order in which requests got the session's lock, which is also the order rows were written.
    const queue: { ticket: number; at: Date }[] = await database(api).query(
      `SELECT waitlist_ticket AS ticket, enrolled_at AS at FROM enrollment
        WHERE session_id = $1 AND status = 'waitlisted' ORDER BY waitlist_ticket`,
      [sessionId],
    );
    const times = queue.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }, 60_000);

  it('writes a confirmation or a waitlist email with the position for every request', async () => {
    const ids = trainees.map((trainee) => trainee.user.id);
    const confirmedMails = await outboxRows(api, 'enrollment_confirmed', ids);
    const waitlistedMails = await outboxRows(api, 'enrollment_waitlisted', ids);
    expect(confirmedMails).toHaveLength(10);
    expect(waitlistedMails).toHaveLength(190);
    for (const mail of waitlistedMails) {
      const response = responses.get(mail.userId);
      expect(mail.params['position']).toBe(String(response?.body['waitlistPosition']));
      expect(mail.locale).toBe('fr');
    }
  });

  it('promotes exactly the first waitlisted person when a confirmed trainee withdraws, and emails them', async () => {
    const [leaverId] = [...responses].find(([, r]) => r.body['status'] === 'confirmed') ?? [];
    const [firstId, first] = [...responses].find(([, r]) => r.body['waitlistPosition'] === 1) ?? [];
    const leaver = trainees.find((trainee) => trainee.user.id === leaverId) as Session;
    const withdrawn = await client(api)
      .as(leaver)
      .post(`/api/v1/enrollments/${responses.get(leaver.user.id)?.body['id']}/withdraw`)
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'trainee' });

    const promoted = await client(api)
      .as(cast.trainer)
      .get(`/api/v1/sessions/${sessionId}/enrollments?status=confirmed&pageSize=100`)
      .expect(200);
    expect(promoted.body.total).toBe(10);
    expect(promoted.body.items.map((item: { id: string }) => item.id)).toContain(first?.body['id']);

    const waiting = await client(api)
      .as(cast.trainer)
      .get(`/api/v1/sessions/${sessionId}/enrollments?status=waitlisted&pageSize=100&page=1`)
      .expect(200);
    expect(waiting.body.total).toBe(189);
    // Everyone moved up one place: the queue is 1..189 again.
    expect(
      waiting.body.items.map((item: { waitlistPosition: number }) => item.waitlistPosition),
    ).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(
      await outboxRows(
        api,
        'enrollment_promoted',
        trainees.map((t) => t.user.id),
      ),
    ).toEqual([expect.objectContaining({ userId: firstId })]);
    const session = await client(api).anonymous.get(`/api/v1/sessions/${sessionId}`).expect(200);
    expect(session.body.confirmedCount).toBe(10);
  });
});

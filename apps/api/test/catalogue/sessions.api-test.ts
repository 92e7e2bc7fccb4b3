// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { SessionSeats } from '@oris/api/catalogue';
import { DataSource } from 'typeorm';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  Cast,
  castOf,
  client,
  courseBody,
  inDays,
  publishedCourse,
  sessionBody,
} from './catalogue-client';

describe('catalogue: sessions', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let courseId: string;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
    courseId = (await publishedCourse(api, cast.trainer)).id;
  });

  afterAll(() => api.close());

  const createSession = (overrides: Record<string, unknown> = {}) =>
    http
      .as(cast.trainer)
      .post(`/api/v1/courses/${courseId}/sessions`, sessionBody(overrides))
      .expect(201);

  it('creates a planned session with seatsLeft = capacity, the course owners as trainers, and a default window', async () => {
    const meetings = [
      {
        startsAt: `${inDays(20)}T09:00:00+01:00`,
        endsAt: `${inDays(20)}T12:00:00+01:00`,
        label: 'Jour 1',
      },
      { startsAt: `${inDays(21)}T09:00:00+01:00`, endsAt: `${inDays(21)}T12:00:00+01:00` },
    ];
    const response = await createSession({
      capacity: 12,
      onlineUrl: 'https://meet.example.org/room',
      meetings,
    });
    expect(response.body).toMatchObject({
      status: 'planned',
      capacity: 12,
      seatsLeft: 12,
      confirmedCount: 0,
      closesOn: inDays(20),
      approvalRequired: false,
      online: true,
      onlineUrl: 'https://meet.example.org/room',
      canManage: true,
      course: { id: courseId, status: 'published' },
      trainers: [{ id: cast.trainer.user.id, fullName: expect.any(String) }],
    });
    expect(response.body.meetings).toHaveLength(2);
    expect(response.body.meetings[0]).toMatchObject({
      label: 'Jour 1',
      startsAt: new Date(meetings[0].startsAt).toISOString(),
    });

    // Visitors see the seats and the course page lists it, but not the online link.
    const visitor = await http.anonymous.get(`/api/v1/sessions/${response.body.id}`).expect(200);
    expect(visitor.body).toMatchObject({
      seatsLeft: 12,
      online: true,
      onlineUrl: null,
      canManage: false,
    });
    const page = await http.anonymous.get(`/api/v1/courses/${courseId}`).expect(200);
    expect(page.body.upcomingSessions.map((session: { id: string }) => session.id)).toContain(
      response.body.id,
    );
  });

  it('enforces planned → open → running → completed, with 409 on an illegal move', async () => {
    const { body } = await createSession();
    const move = (status: string) =>
      http.as(cast.trainer).post(`/api/v1/sessions/${body.id}/status`, { status });
    const skip = await move('running').expect(409);
    expect(skip.body).toMatchObject({ status: 409, code: 'illegal_transition' });
    await move('completed').expect(409);
    expect((await move('open').expect(200)).body.status).toBe('open');
    await move('open').expect(409);
    await move('planned').expect(409);
    await move('running').expect(200);
    await move('completed').expect(200);
    await move('cancelled').expect(409);
    const ended = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${body.id}`, { title: 'Encore' })
      .expect(409);
    expect(ended.body.code).toBe('session_ended');
    await move('reopened').expect(400);
  });

  it('cancels a session, then hides it from the public', async () => {
    const { body } = await createSession();
    await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${body.id}/status`, { status: 'cancelled' })
      .expect(200);
    await http.anonymous.get(`/api/v1/sessions/${body.id}`).expect(404);
    const publicList = await http.anonymous
      .get(`/api/v1/courses/${courseId}/sessions?pageSize=100`)
      .expect(200);
    expect(publicList.body.items.map((session: { id: string }) => session.id)).not.toContain(
      body.id,
    );
    const ownerList = await http
      .as(cast.trainer)
      .get(`/api/v1/courses/${courseId}/sessions?pageSize=100`)
      .expect(200);
    expect(ownerList.body.items.map((session: { id: string }) => session.id)).toContain(body.id);
    expect(ownerList.body.total).toBe(publicList.body.total + 1);
  });

  it('opens a session only once its course is published', async () => {
    const draft = await http.as(cast.trainer).post('/api/v1/courses', courseBody()).expect(201);
    const session = await http
      .as(cast.trainer)
      .post(`/api/v1/courses/${draft.body.id}/sessions`, sessionBody())
      .expect(201);
    const response = await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${session.body.id}/status`, { status: 'open' })
      .expect(409);
    expect(response.body.code).toBe('course_not_published');
    await http.anonymous.get(`/api/v1/sessions/${session.body.id}`).expect(404);
  });

  it('answers bad session input with a 400 problem naming the field, never a 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 1001 }, 'capacity'],
      [{ capacity: '20' }, 'capacity'],
      [{ endsOn: inDays(19) }, 'endsOn'],
      [{ closesOn: inDays(25) }, 'closesOn'],
      [{ opensOn: inDays(21), closesOn: inDays(20) }, 'opensOn'],
      [{ startsOn: '2026-02-30' }, 'startsOn'],
      [{ startsOn: '20/03/2026' }, 'startsOn'],
      [{ regionCode: 'MA-13' }, 'regionCode'],
      [{ venue: null }, 'venue'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ confirmedCount: 5 }, 'confirmedCount'],
      [{ status: 'open' }, 'status'],
      [{ trainerIds: ['x'] }, 'trainerIds'],
      [{ trainerIds: [cast.trainee.user.id] }, 'trainerIds'],
      [
        { meetings: [{ startsAt: `${inDays(20)}T09:00:00`, endsAt: `${inDays(20)}T12:00:00Z` }] },
        'meetings.0.startsAt',
      ],
      [
        { meetings: [{ startsAt: `${inDays(20)}T12:00:00Z`, endsAt: `${inDays(20)}T09:00:00Z` }] },
        'meetings.0.endsAt',
      ],
      [
        { meetings: [{ startsAt: `${inDays(40)}T09:00:00Z`, endsAt: `${inDays(40)}T10:00:00Z` }] },
        'meetings.0.startsAt',
      ],
    ];
    for (const [overrides, field] of cases) {
      const response = await http
        .as(cast.trainer)
        .post(`/api/v1/courses/${courseId}/sessions`, sessionBody(overrides));
      expect({ overrides, status: response.status }).toEqual({ overrides, status: 400 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const { body } = await createSession();
    for (const patch of [
      { endsOn: inDays(1) },
      { capacity: 0 },
      { title: null },
      { regionCode: null },
      { venue: null },
    ]) {
      const response = await http.as(cast.trainer).patch(`/api/v1/sessions/${body.id}`, patch);
      expect({ patch, status: response.status }).toEqual({ patch, status: 400 });
    }
  });

  it('lets administrators record a past session, but not trainers', async () => {
    const past = { startsOn: '2025-03-03', endsOn: '2025-03-07' };
    const refused = await http
      .as(cast.trainer)
      .post(`/api/v1/courses/${courseId}/sessions`, sessionBody(past))
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'startsOn' })]);
    const recorded = await http
      .as(cast.admin)
      .post(`/api/v1/courses/${courseId}/sessions`, sessionBody(past))
      .expect(201);
    expect(recorded.body).toMatchObject({
      startsOn: '2025-03-03',
      opensOn: '2025-03-03',
      closesOn: '2025-03-03',
    });
    // Its trainer may still edit it without moving it.
    await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${recorded.body.id}`, { capacity: 30 })
      .expect(200);
    await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${recorded.body.id}`, { startsOn: '2025-03-04' })
      .expect(400);
  });

  it('forbids another trainer (403) from editing or moving someone else’s session', async () => {
    const { body } = await createSession();
    const other = http.as(cast.otherTrainer);
    const response = await other.patch(`/api/v1/sessions/${body.id}`, { capacity: 5 }).expect(403);
    expect(response.body.code).toBe('not_session_trainer');
    await other.post(`/api/v1/sessions/${body.id}/status`, { status: 'cancelled' }).expect(403);
    await http.as(cast.trainee).patch(`/api/v1/sessions/${body.id}`, { capacity: 5 }).expect(403);
    await http.anonymous.patch(`/api/v1/sessions/${body.id}`, { capacity: 5 }).expect(401);
  });

  it('lets an assigned trainer manage the session but not reassign trainers', async () => {
    const { body } = await createSession({
      trainerIds: [cast.trainer.user.id, cast.otherTrainer.user.id],
    });
    expect(body.trainers.map((trainer: { id: string }) => trainer.id).sort()).toEqual(
      [cast.trainer.user.id, cast.otherTrainer.user.id].sort(),
    );
    const other = http.as(cast.otherTrainer);
    const edited = await other
      .patch(`/api/v1/sessions/${body.id}`, { title: 'Cohorte renommée', approvalRequired: true })
      .expect(200);
    expect(edited.body).toMatchObject({
      title: 'Cohorte renommée',
      approvalRequired: true,
      canManage: true,
    });
    await other
      .patch(`/api/v1/sessions/${body.id}`, { trainerIds: [cast.otherTrainer.user.id] })
      .expect(403);
    const reassigned = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${body.id}`, { trainerIds: [cast.trainer.user.id] })
      .expect(200);
    expect(reassigned.body.trainers.map((trainer: { id: string }) => trainer.id)).toEqual([
      cast.trainer.user.id,
    ]);
    await other.patch(`/api/v1/sessions/${body.id}`, { title: 'Plus à moi' }).expect(403);
  });

  it('replaces meetings: kept by id, added without one, removed when left out', async () => {
    const day = (offset: number, hour: number) =>
      `${inDays(offset)}T${String(hour).padStart(2, '0')}:00:00Z`;
    const { body } = await createSession({
      meetings: [
        { startsAt: day(20, 9), endsAt: day(20, 11), label: 'A' },
        { startsAt: day(21, 9), endsAt: day(21, 11), label: 'B' },
      ],
    });
    const [first, second] = body.meetings;
    const updated = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${body.id}`, {
        meetings: [
          { id: first.id, startsAt: day(20, 10), endsAt: day(20, 12), label: 'A2' },
          { startsAt: day(22, 9), endsAt: day(22, 11), label: 'C' },
        ],
      })
      .expect(200);
    expect(updated.body.meetings.map((meeting: { label: string }) => meeting.label)).toEqual([
      'A2',
      'C',
    ]);
    expect(updated.body.meetings[0].id).toBe(first.id);
    expect(updated.body.meetings.map((meeting: { id: string }) => meeting.id)).not.toContain(
      second.id,
    );
    const foreign = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${body.id}`, {
        meetings: [{ id: second.id, startsAt: day(20, 9), endsAt: day(20, 10) }],
      })
      .expect(400);
    expect(foreign.body.errors[0].field).toBe('meetings.0.id');
  });

  it('never counts more confirmed seats than the capacity, and refuses a capacity below them (409)', async () => {
    const { body } = await createSession({ capacity: 3 });
    const seats = api.app.get(SessionSeats);
    const dataSource = api.app.get(DataSource);
    const taken = await Promise.all(
      Array.from({ length: 10 }, () =>
        dataSource.transaction(async (manager) => {
          await seats.lock(manager, body.id);
          return seats.take(manager, body.id);
        }),
      ),
    );
    expect(taken.filter(Boolean)).toHaveLength(3);
    const full = await http.anonymous.get(`/api/v1/sessions/${body.id}`).expect(200);
    expect(full.body.seatsLeft).toBe(0);
    const shrink = await http
      .as(cast.trainer)
      .patch(`/api/v1/sessions/${body.id}`, { capacity: 2 })
      .expect(409);
    expect(shrink.body.code).toBe('capacity_below_confirmed');
    await expect(
      dataSource.query(`UPDATE course_session SET confirmed_count = 4 WHERE id = $1`, [body.id]),
    ).rejects.toThrow(/course_session_confirmed_count_check/);
    expect(await dataSource.transaction((manager) => seats.release(manager, body.id))).toBe(true);
    const freed = await http.anonymous.get(`/api/v1/sessions/${body.id}`).expect(200);
    expect(freed.body.seatsLeft).toBe(1);
  });

  it('answers 404 for an unknown session and 400 for a malformed id', async () => {
    await http.anonymous.get('/api/v1/sessions/00000000-0000-4000-8000-000000000000').expect(404);
    await http.anonymous.get('/api/v1/sessions/123').expect(400);
  });
});

// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { addDays, moroccoTimeToIso, todayInMorocco } from '@oris/shared/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Cast, castOf, client, inDays } from '../catalogue/catalogue-client';
import { Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, bulkPeople, openSession } from './enrollment-client';

const ONLINE = 'https://meet.example.org/oris-fes-printemps';
const justTrainerValidation = {
  completionRule: { requiredModules: false, minAttendancePercent: null, trainerValidation: true },
};

/** Reads a response body as text, whatever its content type (calendar files). */
const asText = (test: request.Test) =>
  test.buffer(true).parse((response, callback) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => callback(null, text));
  });

describe('enrollments: the timetable, calendar files and the early-completion guard', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(() => api.close());

  describe('timetable and calendar', () => {
    let sessionId: string;
    let meetingIds: string[];
    let seated: Session;
    let waiting: Session;
    let seatedEnrollment: string;
    let waitingEnrollment: string;
    const tomorrow = addDays(todayInMorocco(), 1);

    beforeAll(async () => {
      ({ sessionId, meetingIds } = await openSession(api, cast.trainer, {
        session: {
          startsOn: tomorrow,
          endsOn: addDays(tomorrow, 2),
          capacity: 1,
          venue: 'Maison des associations, Fès',
          onlineUrl: ONLINE,
          meetings: [
            {
              startsAt: moroccoTimeToIso(tomorrow, '09:00'),
              endsAt: moroccoTimeToIso(tomorrow, '12:30'),
              label: 'Ouverture; cadrage, attentes',
            },
            {
              startsAt: moroccoTimeToIso(addDays(tomorrow, 2), '09:00'),
              endsAt: moroccoTimeToIso(addDays(tomorrow, 2), '12:30'),
            },
          ],
        },
      }));
      [seated, waiting] = await bulkPeople(api, 2);
      seatedEnrollment = (
        await http.as(seated).post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      ).body.id;
      const queued = await http
        .as(waiting)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
        .expect(201);
      expect(queued.body.status).toBe('waitlisted');
      waitingEnrollment = queued.body.id;
    });

    it('gives a seated trainee the meetings, the venue and the online link', async () => {
      const timetable = await http
        .as(seated)
        .get(`/api/v1/enrollments/${seatedEnrollment}/timetable`)
        .expect(200);
      expect(timetable.body).toEqual({
        enrollmentId: seatedEnrollment,
        sessionId,
        venue: 'Maison des associations, Fès',
        onlineUrl: ONLINE,
        meetings: [
          {
            id: meetingIds[0],
            startsAt: moroccoTimeToIso(tomorrow, '09:00'),
            endsAt: moroccoTimeToIso(tomorrow, '12:30'),
            label: 'Ouverture; cadrage, attentes',
          },
          expect.objectContaining({ id: meetingIds[1], label: null }),
        ],
      });
    });

    it('keeps the online link from someone on the waitlist, and gives it to the session’s staff', async () => {
      const queued = await http
        .as(waiting)
        .get(`/api/v1/enrollments/${waitingEnrollment}/timetable`)
        .expect(200);
      expect(queued.body).toMatchObject({ onlineUrl: null, meetings: expect.any(Array) });
      const calendar = await asText(
        http.as(waiting).get(`/api/v1/enrollments/${waitingEnrollment}/calendar.ics`),
      ).expect(200);
      expect(calendar.body).not.toContain('meet.example.org');
      const staff = await http
        .as(cast.trainer)
        .get(`/api/v1/enrollments/${waitingEnrollment}/timetable`)
        .expect(200);
      expect(staff.body.onlineUrl).toBe(ONLINE);
      // The session itself still shows the link to its staff only.
      const publicView = await http.as(seated).get(`/api/v1/sessions/${sessionId}`).expect(200);
      expect(publicView.body.onlineUrl).toBeNull();
    });

    it('serves the session as an RFC 5545 file: CRLF, escaped text, one stable UID per meeting', async () => {
      const first = await asText(
        http.as(seated).get(`/api/v1/enrollments/${seatedEnrollment}/calendar.ics`),
      ).expect(200);
      expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(first.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.ics"$/);
      const text = first.body as string;
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
      const unfolded = text.replace(/\r\n /g, '');
      expect(unfolded).toContain(`UID:meeting-${meetingIds[0]}@oris.academy\r\n`);
      expect(unfolded).toContain(`UID:meeting-${meetingIds[1]}@oris.academy\r\n`);
      expect(unfolded).toContain('Ouverture\\; cadrage\\, attentes');
      expect(unfolded).toContain(`URL:${ONLINE}\r\n`);
      const start = moroccoTimeToIso(tomorrow, '09:00').replace(/[-:]/g, '').replace('.000', '');
      expect(unfolded).toContain(`DTSTART:${start}\r\n`);
      for (const line of text.split('\r\n')) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      }
      const again = await asText(
        http.as(seated).get(`/api/v1/enrollments/${seatedEnrollment}/calendar.ics`),
      ).expect(200);
      const uids = (body: string) => body.match(/^UID:.*$/gm);
      expect(uids(again.body)).toEqual(uids(text));
    });

    it('lets a trainee subscribe without signing in, through a link that can be replaced and revoked', async () => {
      expect((await http.as(seated).get('/api/v1/me/calendar-feed').expect(200)).body).toEqual({
        active: false,
        createdAt: null,
      });
      const made = await http.as(seated).post('/api/v1/me/calendar-feed').expect(201);
      expect(made.body.path).toMatch(/^\/api\/v1\/calendar-feeds\/[\w-]{43}\.ics$/);
      const feed = await asText(request(api.url).get(made.body.path)).expect(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(feed.body).toContain(`UID:meeting-${meetingIds[0]}@oris.academy`);
      expect(feed.body.replace(/\r\n /g, '')).toContain(`URL:${ONLINE}`);
      // Only a hash is kept.
      const token = /([\w-]{43})\.ics$/.exec(made.body.path)?.[1] as string;
      const stored = await api.app
        .get(DataSource)
        .query(`SELECT token_hash FROM calendar_feed WHERE user_id = $1`, [seated.user.id]);
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toContain(token);

      // A waitlisted person's feed has no meeting of a session where they hold no seat.
      const theirs = await http.as(waiting).post('/api/v1/me/calendar-feed').expect(201);
      const waitingFeed = await asText(request(api.url).get(theirs.body.path)).expect(200);
      expect(waitingFeed.body).not.toContain('BEGIN:VEVENT');

      const replaced = await http.as(seated).post('/api/v1/me/calendar-feed').expect(201);
      expect(replaced.body.path).not.toBe(made.body.path);
      const gone = await request(api.url).get(made.body.path).expect(404);
      expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(gone.body.code).toBe('calendar_feed_not_found');
      await request(api.url).get(replaced.body.path).expect(200);

      await http.as(seated).delete('/api/v1/me/calendar-feed').expect(204);
      await request(api.url).get(replaced.body.path).expect(404);
      await request(api.url).get('/api/v1/calendar-feeds/not-a-token.ics').expect(404);
      expect((await http.as(seated).get('/api/v1/me/calendar-feed').expect(200)).body.active).toBe(
        false,
      );
    });
  });

  describe('completion before the last meeting', () => {
    let sessionId: string;
    let enrollmentId: string;
    let trainee: Session;

    beforeAll(async () => {
      ({ sessionId } = await openSession(api, cast.trainer, {
        course: justTrainerValidation,
        planner: cast.admin,
        session: {
          startsOn: inDays(-2),
          endsOn: inDays(3),
          opensOn: inDays(-30),
          closesOn: inDays(-2),
          meetings: [
            { startsAt: `${inDays(-2)}T09:00:00+01:00`, endsAt: `${inDays(-2)}T12:00:00+01:00` },
            { startsAt: `${inDays(3)}T09:00:00+01:00`, endsAt: `${inDays(3)}T12:00:00+01:00` },
          ],
        },
        status: 'running',
      }));
      [trainee] = await bulkPeople(api, 1);
      enrollmentId = (
        await http
          .as(cast.admin)
          .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline({ userId: trainee.user.id }))
          .expect(201)
      ).body.id;
    });

    const complete = (body: object = {}) =>
      http.as(cast.trainer).post(`/api/v1/enrollments/${enrollmentId}/complete`, body);

    it('says beforehand that validating now would be early', async () => {
      const detail = await http.as(cast.trainer).get(`/api/v1/enrollments/${enrollmentId}`);
      expect(detail.body.completionCheck).toMatchObject({
        met: true,
        early: true,
        lastMeetingStartsAt: new Date(`${inDays(3)}T09:00:00+01:00`).toISOString(),
      });
    });

    it('refuses a completion before the last meeting without a reason, with a clear code', async () => {
      const refused = await complete().expect(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.code).toBe('completion_before_last_meeting');
      expect((await complete({ earlyCompletionReason: '   ' }).expect(409)).body.code).toBe(
        'completion_before_last_meeting',
      );
      const tooLong = await complete({ earlyCompletionReason: 'x'.repeat(501) }).expect(400);
      expect(tooLong.body.errors).toEqual([
        expect.objectContaining({ field: 'earlyCompletionReason' }),
      ]);
      const still = await http.as(cast.trainer).get(`/api/v1/enrollments/${enrollmentId}`);
      expect(still.body.status).toBe('confirmed');
    });

    it('accepts it with the trainer’s reason, kept on the enrollment and audited without the text', async () => {
      const reason = 'Départ à l’étranger ; évaluation finale passée en avance';
      const done = await complete({ earlyCompletionReason: ` ${reason} ` }).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', earlyCompletionReason: reason });
      const trail = await api.app.get(DataSource).query(
        `SELECT actor_id AS "actorId", data FROM audit_event
            WHERE action = 'enrollment.early_completion' AND subject_id = $1`,
        [enrollmentId],
      );
      expect(trail).toEqual([
        {
          actorId: cast.trainer.user.id,
          data: {
            sessionId,
            completedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            lastMeetingStartsAt: new Date(`${inDays(3)}T09:00:00+01:00`).toISOString(),
          },
        },
      ]);
      const exported = await http.as(trainee).get('/api/v1/me/export').expect(200);
      expect(exported.body.enrollments[0].earlyCompletionReason).toBe(reason);
    });

    it('needs no reason once the last meeting has started, nor for a session without meetings', async () => {
      const ended = await openSession(api, cast.trainer, {
        course: justTrainerValidation,
        planner: cast.admin,
        session: {
          startsOn: inDays(-3),
          endsOn: inDays(-1),
          opensOn: inDays(-30),
          closesOn: inDays(-3),
          meetings: [
            { startsAt: `${inDays(-1)}T09:00:00+01:00`, endsAt: `${inDays(-1)}T12:00:00+01:00` },
          ],
        },
        status: 'running',
      });
      const noMeetings = await openSession(api, cast.trainer, {
        course: justTrainerValidation,
        status: 'running',
      });
      for (const { sessionId: id } of [ended, noMeetings]) {
        const [person] = await bulkPeople(api, 1);
        const enrolled = await http
          .as(cast.admin)
          .post(`/api/v1/sessions/${id}/enrollments`, baseline({ userId: person.user.id }))
          .expect(201);
        const done = await http
          .as(cast.trainer)
          .post(`/api/v1/enrollments/${enrolled.body.id}/complete`)
          .expect(200);
        expect(done.body).toMatchObject({ status: 'completed', earlyCompletionReason: null });
        expect(done.body.completionCheck.early).toBe(false);
      }
    });
  });
});

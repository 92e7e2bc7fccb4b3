// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { EnrollmentEvents } from '@oris/api/enrollments';
import { FollowupScheduler } from '@oris/api/followups';
import { addMonths } from '@oris/shared/domain';
import { client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { signInWithRoles, uniqueIp, type Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { eventually } from '../notifications/outbox-support';
import {
  auditEvents,
  type Cohort,
  pastCohort,
  PlacementCast,
  placementCast,
} from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { answerBody, daysFromNow, followupEmails, followupsOf } from './followup-support';

/**
 * Follow-ups at 6, 9 and 12 months: scheduling (event and re-derivation), the due pass and its
 * emails (once, whatever the runs), reminders, the public survey link, the officers' queue.
 * The passes take an instant instead of waiting for days.
 */
describe('follow-ups', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let scheduler: FollowupScheduler;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    scheduler = api.app.get(FollowupScheduler);
  });

  afterAll(() => api.close());

  const enrollmentIds = (cohort: Cohort) => cohort.completers.map((c) => c.enrollmentId);
  const userIds = (cohort: Cohort) => cohort.completers.map((c) => c.userId);
  const survey = (token: string, ip = uniqueIp()) => ({
    get: () => http.anonymous.get(`/api/v1/survey/${token}`).set('x-forwarded-for', ip),
    post: (body: object) =>
      http.anonymous.post(`/api/v1/survey/${token}`, body).set('x-forwarded-for', ip),
  });

  describe('scheduling', () => {
    it('creates three follow-ups per completion once, whether the event fires twice or the pass runs too', async () => {
      const cohort = await pastCohort(api, cast, 3);
      // The import's completion events schedule them in the background.
      await eventually(async () =>
        (await followupsOf(api, enrollmentIds(cohort))).length === 9 ? true : undefined,
      );
      const events = api.app.get(EnrollmentEvents);
      const [first] = cohort.completers;
      const event = {
        type: 'EnrollmentCompleted' as const,
        enrollmentId: first.enrollmentId,
        userId: first.userId,
        sessionId: cohort.sessionId,
        courseId: cohort.courseId,
        completedOn: cohort.completedOn,
        validatedBy: cast.admin.user.id,
        occurredAt: new Date(),
      };
      events.publish(event);
      events.publish(event);
      const created = await Promise.all([
        scheduler.schedule(),
        scheduler.schedule(),
        scheduler.scheduleEnrollment(first.enrollmentId),
      ]);
      expect(created).toEqual([0, 0, 0]);
      const rows = await followupsOf(api, enrollmentIds(cohort));
      expect(rows).toHaveLength(9);
      for (const row of rows) {
        expect(row.status).toBe('scheduled');
        expect(row.dueOn).toBe(addMonths(cohort.completedOn, row.horizon));
      }
    });

    it('re-derives the follow-ups of completions whose event was lost (past cohorts)', async () => {
      const cohort = await pastCohort(api, cast, 2);
      await eventually(async () =>
        (await followupsOf(api, enrollmentIds(cohort))).length === 6 ? true : undefined,
      );
      await database(api).query(`DELETE FROM followup WHERE enrollment_id = ANY($1)`, [
        enrollmentIds(cohort),
      ]);
      const report = await scheduler.run({ now: daysFromNow(-400) });
      expect(report.created).toBeGreaterThanOrEqual(6);
      expect(await followupsOf(api, enrollmentIds(cohort))).toHaveLength(6);
    });

    it('adds calendar months clamped to the end of the month', async () => {
      const cohort = await pastCohort(api, cast, 1);
      const ids = enrollmentIds(cohort);
      await eventually(async () => ((await followupsOf(api, ids)).length === 3 ? true : undefined));
      await database(api).query(`DELETE FROM followup WHERE enrollment_id = ANY($1)`, [ids]);
      await database(api).query(
        `UPDATE enrollment SET completed_on = '2025-08-31' WHERE id = ANY($1)`,
        [ids],
      );
      await scheduler.scheduleEnrollment(ids[0]);
      expect((await followupsOf(api, ids)).map((row) => row.dueOn)).toEqual([
        '2026-02-28',
        '2026-05-31',
        '2026-08-31',
      ]);
    });
  });

  describe('the due pass', () => {
    it('emails each due follow-up once though passes run twice at the same time and again; skips horizons found too late', async () => {
      const cohort = await pastCohort(api, cast, 3);
      await scheduler.schedule();
      const reports = await Promise.all([scheduler.run(), scheduler.run()]);
      await scheduler.run();
      expect(reports.reduce((sum, report) => sum + report.emailed, 0)).toBeGreaterThanOrEqual(3);
      const rows = await followupsOf(api, enrollmentIds(cohort));
      // Completed 296 days ago: the 6-month follow-up fell due about 113 days ago (past the
      // grace period, and the 9-month one is due as well), the 9-month one about 22 days ago.
      expect(rows.filter((row) => row.horizon === 6).map((row) => row.status)).toEqual([
        'skipped',
        'skipped',
        'skipped',
      ]);
      expect(rows.filter((row) => row.horizon === 9).map((row) => row.status)).toEqual([
        'due',
        'due',
        'due',
      ]);
      expect(rows.filter((row) => row.horizon === 12).map((row) => row.status)).toEqual([
        'scheduled',
        'scheduled',
        'scheduled',
      ]);
      const emails = await followupEmails(api, userIds(cohort));
      expect(emails).toHaveLength(3);
      expect(new Set(emails.map((email) => email.userId)).size).toBe(3);
      for (const email of emails) {
        expect(email.template).toBe('followup_due');
        expect(email.params).toMatchObject({
          months: '9',
          surveyToken: expect.stringMatching(/^[\w-]{43}$/),
        });
      }
    });

    it('after downtime, a late pass still emails what fell due meanwhile, once, in the person’s language', async () => {
      const cohort = await pastCohort(api, cast, 2);
      const [arabic] = cohort.completers;
      await database(api).query(`UPDATE users SET locale = 'ar' WHERE id = $1`, [arabic.userId]);
      // The last pass before the outage ran 30 days ago: the 9-month follow-ups were not due yet.
      await scheduler.run({ now: daysFromNow(-30) });
      const before = await followupsOf(api, enrollmentIds(cohort));
      expect(
        before.filter((row) => row.horizon === 9).every((row) => row.status === 'scheduled'),
      ).toBe(true);
      expect(await followupEmails(api, userIds(cohort))).toHaveLength(0);
      await Promise.all([scheduler.run(), scheduler.run()]);
      await scheduler.run();
      const emails = await followupEmails(api, userIds(cohort));
      expect(emails).toHaveLength(2);
      expect(emails.find((email) => email.userId === arabic.userId)?.locale).toBe('ar');
    });
  });

  describe('the survey link', () => {
    let cohort: Cohort;
    let tokens: Map<string, string>;

    beforeAll(async () => {
      cohort = await pastCohort(api, cast, 3);
      await scheduler.run();
      const emails = await followupEmails(api, userIds(cohort));
      tokens = new Map(emails.map((email) => [email.userId, email.params['surveyToken']]));
      expect(tokens.size).toBe(3);
    });

    it('shows what is asked, then records one answer as a situation awaiting validation, and works once', async () => {
      const [person] = cohort.completers;
      const token = tokens.get(person.userId) as string;
      // The page opens in the person's language, and offers the training's region.
      await database(api).query(`UPDATE users SET locale = 'ar' WHERE id = $1`, [person.userId]);
      const [{ regionCode }] = await database(api).query(
        `SELECT s.region_code AS "regionCode" FROM enrollment e
           JOIN course_session s ON s.id = e.session_id WHERE e.id = $1`,
        [person.enrollmentId],
      );
      const shown = await survey(token).get().expect(200);
      expect(shown.body).toMatchObject({
        horizon: 9,
        completedOn: cohort.completedOn,
        firstName: expect.any(String),
        courseTitle: expect.any(String),
        locale: 'ar',
        trainingRegionCode: regionCode,
      });
      expect(shown.body).not.toHaveProperty('email');

      // A broken answer names the field and leaves the link usable.
      const broken = await survey(token)
        .post(answerBody({ contract: null }))
        .expect(400);
      expect(JSON.stringify(broken.body)).toContain('contract');

      await survey(token).post(answerBody()).expect(200, { recorded: true });
      const [row] = (await followupsOf(api, [person.enrollmentId])).filter((r) => r.horizon === 9);
      expect(row).toMatchObject({ status: 'answered', answerChannel: 'survey', tokenHash: null });
      const placements: { id: string; source: string; evidence: string; validated: boolean }[] =
        await database(api).query(
          `SELECT p.id, v.source, v.evidence, v.validated_at IS NOT NULL AS validated
             FROM placement p JOIN placement_version v ON v.placement_id = p.id
            WHERE p.user_id = $1`,
          [person.userId],
        );
      expect(placements).toEqual([
        { id: row.placementId, source: 'survey', evidence: 'declared', validated: false },
      ]);
      expect((await auditEvents(api, row.placementId as string))[0]).toMatchObject({
        action: 'placement.created',
        actorId: person.userId,
        data: { followupId: row.id, horizon: 9, via: 'survey' },
      });

      // Spent: the same link neither shows nor answers again, even at the same time.
      await survey(token).get().expect(404);
      const again = await Promise.all([
        survey(token).post(answerBody()),
        survey(token).post(answerBody()),
      ]);
      expect(again.map((response) => response.status)).toEqual([404, 404]);
      const [{ n }] = await database(api).query(
        `SELECT count(*)::int AS n FROM placement WHERE user_id = $1`,
        [person.userId],
      );
      expect(n).toBe(1);
    });

    it('answers only its own follow-up: another person’s link never touches this one', async () => {
      const [, second, third] = cohort.completers;
      // Inactive, not looking for work: an answer like any other, with no place.
      await survey(tokens.get(third.userId) as string)
        .post(
          answerBody({
            kind: 'inactive',
            contract: null,
            employerName: null,
            sector: null,
            position: null,
          }),
        )
        .expect(200);
      const secondRows = await followupsOf(api, [second.enrollmentId]);
      expect(secondRows.find((row) => row.horizon === 9)?.status).toBe('due');
      const thirdRow = (await followupsOf(api, [third.enrollmentId])).find(
        (row) => row.horizon === 9,
      );
      expect(thirdRow?.status).toBe('answered');
      const [{ owner, kind }] = await database(api).query(
        `SELECT p.user_id AS owner, v.kind FROM placement p
           JOIN placement_version v ON v.placement_id = p.id WHERE p.id = $1`,
        [thirdRow?.placementId],
      );
      expect(owner).toBe(third.userId);
      expect(kind).toBe('inactive');
      // Unknown and malformed tokens: the same 404 as a spent one.
      const unknown = await survey('A'.repeat(43)).get().expect(404);
      expect(unknown.body.code).toBe('survey_not_found');
      await survey('not-a-token').post(answerBody()).expect(404);
    });

    it('expires, and a reminder replaces the link (at most two reminders)', async () => {
      const [, second] = cohort.completers;
      const first = tokens.get(second.userId) as string;
      await survey(first).get().expect(200);

      // Not yet two weeks: no reminder.
      expect(await scheduler.remind({ now: daysFromNow(10) })).toBe(0);
      await scheduler.remind({ now: daysFromNow(15) });
      const reminders = (await followupEmails(api, [second.userId])).filter(
        (email) => email.template === 'followup_reminder',
      );
      expect(reminders).toHaveLength(1);
      const fresh = reminders[0].params['surveyToken'];
      expect(fresh).not.toBe(first);
      await survey(first).get().expect(404);
      await survey(fresh).get().expect(200);

      await scheduler.remind({ now: daysFromNow(30) });
      await scheduler.remind({ now: daysFromNow(45) });
      await scheduler.remind({ now: daysFromNow(60) });
      const all = (await followupEmails(api, [second.userId])).filter(
        (email) => email.template === 'followup_reminder',
      );
      expect(all).toHaveLength(2);
      const latest = all[1].params['surveyToken'];

      // The link's expiry passes: the same 404.
      await database(api).query(
        `UPDATE followup SET token_expires_at = now() - interval '1 second' WHERE user_id = $1 AND horizon = 9`,
        [second.userId],
      );
      await survey(latest).get().expect(404);
      await survey(latest).post(answerBody()).expect(404);
    });

    it('limits requests per IP: 429 with Retry-After, other addresses unaffected', async () => {
      const ip = uniqueIp();
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await survey('B'.repeat(43), ip).get()).status);
      expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
      const refused = await survey('B'.repeat(43), ip).get().expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.code).toBe('rate_limited');
      await survey('B'.repeat(43), ip).post(answerBody()).expect(429);
      await survey('B'.repeat(43)).get().expect(404);
    });
  });

  describe('the officers’ queue', () => {
    let cohort: Cohort;
    let trainer: Session;

    beforeAll(async () => {
      cohort = await pastCohort(api, cast, 2);
      await scheduler.run();
      trainer = cast.trainer;
    });

    it('lists follow-ups with the person’s name and contact, filtered, with counts', async () => {
      const page = await http
        .as(cast.officer)
        .get(`/api/v1/followups?session=${cohort.sessionId}&status=due&horizon=9`)
        .expect(200);
      expect(page.body.total).toBe(2);
      const emails = new Set(cohort.completers.map((c) => c.email));
      for (const item of page.body.items) {
        expect(item).toMatchObject({
          status: 'due',
          horizon: 9,
          overdue: false,
          sessionId: cohort.sessionId,
        });
        expect(emails.has(item.person.email)).toBe(true);
        expect(item.person.fullName).toEqual(expect.any(String));
      }
      const all = await http
        .as(cast.admin)
        .get(`/api/v1/followups?session=${cohort.sessionId}`)
        .expect(200);
      expect(all.body.total).toBe(6);
      const counts = await http
        .as(cast.officer)
        .get(`/api/v1/followups/counts?session=${cohort.sessionId}`)
        .expect(200);
      expect(counts.body).toEqual({ scheduled: 2, due: 2, overdue: 0, skipped: 2, answered: 0 });

      // Overdue: due and unanswered more than 30 days after the due date.
      await database(api).query(
        `UPDATE followup SET due_on = due_on - 40 WHERE enrollment_id = $1 AND horizon = 9`,
        [cohort.completers[0].enrollmentId],
      );
      const overdue = await http
        .as(cast.officer)
        .get(`/api/v1/followups?session=${cohort.sessionId}&status=overdue`)
        .expect(200);
      expect(overdue.body.items.map((item: { enrollmentId: string }) => item.enrollmentId)).toEqual(
        [cohort.completers[0].enrollmentId],
      );
      await http.as(cast.officer).get('/api/v1/followups?status=late').expect(400);
      await http.as(cast.officer).get('/api/v1/followups?horizon=7').expect(400);
    });

    it('records a phone answer as the trainee’s declaration collected by the officer, awaiting validation', async () => {
      const [person] = cohort.completers;
      const [sixMonths] = await followupsOf(api, [person.enrollmentId]);
      expect(sixMonths).toMatchObject({ horizon: 6, status: 'skipped' });
      const answered = await http
        .as(cast.officer)
        .post(`/api/v1/followups/${sixMonths.id}/answer`, {
          ...answerBody({
            kind: 'further_studies',
            contract: null,
            employerName: null,
            sector: null,
            position: null,
          }),
          note: 'Appel du 12 : inscrite en licence professionnelle.',
        })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'answered', answerChannel: 'phone' });
      const [row] = await followupsOf(api, [person.enrollmentId]);
      expect(row).toMatchObject({ answeredBy: cast.officer.user.id, answerChannel: 'phone' });
      const [version] = await database(api).query(
        `SELECT source, evidence, validated_at, note, kind, recorded_by, user_id
           FROM placement_version WHERE placement_id = $1`,
        [row.placementId],
      );
      // Source: who collected the facts (the officer); evidence: whose word it is (the trainee's).
      expect(version).toMatchObject({
        source: 'officer',
        evidence: 'declared',
        validated_at: null,
        kind: 'further_studies',
        note: 'Appel du 12 : inscrite en licence professionnelle.',
        recorded_by: cast.officer.user.id,
        user_id: person.userId,
      });
      expect(await auditEvents(api, row.id)).toEqual([
        expect.objectContaining({ action: 'followup.answered', actorId: cast.officer.user.id }),
      ]);
      expect((await auditEvents(api, row.placementId as string))[0]).toMatchObject({
        action: 'placement.created',
        actorId: cast.officer.user.id,
        data: { via: 'phone', channel: 'phone', followupId: row.id, validated: false },
      });
      // Like any situation, it counts once validated: the officer's call is not a check.
      const detail = await http
        .as(cast.officer)
        .get(`/api/v1/placements/${row.placementId}`)
        .expect(200);
      expect(detail.body).toMatchObject({
        source: 'officer',
        evidence: 'declared',
        validated: false,
        recordedBy: { id: cast.officer.user.id },
      });

      const twice = await http
        .as(cast.officer)
        .post(`/api/v1/followups/${sixMonths.id}/answer`, answerBody())
        .expect(409);
      expect(twice.body.code).toBe('followup_already_answered');
      await http
        .as(cast.officer)
        .post('/api/v1/followups/00000000-0000-4000-8000-000000000000/answer', answerBody())
        .expect(404);
      await http
        .as(cast.officer)
        .post(`/api/v1/followups/not-a-uuid/answer`, answerBody())
        .expect(400);
      await http
        .as(cast.officer)
        .post(`/api/v1/followups/${sixMonths.id}/answer`, { ...answerBody(), role: 'admin' })
        .expect(400);
    });

    it('is closed to trainees (even their own follow-up), trainers and visitors', async () => {
      const own = await signInWithRoles(api, cast.admin, ['trainee']);
      const [row] = await followupsOf(api, [cohort.completers[1].enrollmentId]);
      await database(api).query(`UPDATE followup SET user_id = $1 WHERE id = $2`, [
        own.user.id,
        row.id,
      ]);
      for (const session of [cast.trainee, own, trainer]) {
        await http.as(session).get('/api/v1/followups').expect(403);
        await http.as(session).get('/api/v1/followups/counts').expect(403);
        await http.as(session).post(`/api/v1/followups/${row.id}/answer`, answerBody()).expect(403);
      }
      await http.anonymous.get('/api/v1/followups').expect(401);
      await http.anonymous.get('/api/v1/followups/counts').expect(401);
      await http.anonymous.post(`/api/v1/followups/${row.id}/answer`, answerBody()).expect(401);
      expect((await followupsOf(api, [cohort.completers[1].enrollmentId]))[0].status).toBe(
        'skipped',
      );
    });
  });
});

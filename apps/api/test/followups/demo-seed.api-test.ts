// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@oris/api/identity';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import { seedDemo } from '../../src/cli/demo-seed-command';
import { client } from '../catalogue/catalogue-client';
import {
  type CertificateTestApp,
  database,
  readStored,
  sha256,
  startCertificateTestApp,
  startCertificateWorker,
} from '../certificates/certificate-support';
import { login, type Session } from '../identity/support/identity-client';
import { eventually } from '../notifications/outbox-support';

/** Rows of every table the demo seed writes, to prove that a second run writes nothing. */
async function footprint(api: CertificateTestApp): Promise<Record<string, unknown>> {
  const [counts] = await database(api).query(
    `SELECT (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM course_session) AS sessions,
            (SELECT count(*)::int FROM enrollment) AS enrollments,
            (SELECT count(*)::int FROM organisation) AS organisations,
            (SELECT count(*)::int FROM placement_version) AS "placementVersions",
            (SELECT count(*)::int FROM certificate) AS certificates,
            (SELECT count(*)::int FROM email_outbox) AS emails,
            (SELECT count(*)::int FROM audit_event) AS "auditEvents",
            (SELECT json_object_agg(status, n) FROM (
               SELECT status, count(*)::int AS n FROM followup GROUP BY status) s) AS followups,
            (SELECT sum(reminder_count)::int FROM followup) AS reminders,
            (SELECT count(*)::int FROM indicator_target) AS targets`,
  );
  return counts;
}

/**
 * The whole demo seed as `npm run db:seed` runs it (apps/api/src/cli), on the test database:
 * twice, then what the officer and the worker find on first start.
 */
describe('the demo seed (seed:demo)', () => {
  let api: CertificateTestApp;
  let smtp: TestSmtpServer;
  let worker: INestApplicationContext | undefined;
  let officer: Session;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    smtp = await startSmtpServer();
    http = client(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await smtp.close();
  });

  it('adds nothing when run a second time', async () => {
    const first = await seedDemo(api.config);
    expect(first).toMatch(/^created answers +4 \(1 by phone\), 2 validated$/m);
    const after = await footprint(api);
    expect(after).toMatchObject({ certificates: 8, targets: 8 });

    await seedDemo(api.config);
    expect(await footprint(api)).toEqual(after);

    const officerEmail = DEMO_ACCOUNTS.find((a) => a.role === 'placement_officer')?.email ?? '';
    officer = await login(api, officerEmail, DEMO_PASSWORD);
  });

  it('leaves follow-ups in every state: due, overdue after reminders, skipped, answered', async () => {
    const counts = await http.as(officer).get('/api/v1/followups/counts').expect(200);
    expect(counts.body).toEqual({
      scheduled: expect.any(Number),
      due: 7,
      overdue: 2,
      skipped: 6,
      answered: 4,
    });
    expect(counts.body.scheduled).toBeGreaterThan(0);

    const overdue = await http.as(officer).get('/api/v1/followups?status=overdue').expect(200);
    for (const item of overdue.body.items) {
      expect(item).toMatchObject({ status: 'due', overdue: true, horizon: 12, reminderCount: 2 });
      expect(item.emailedAt).not.toBeNull();
    }
    // Two reminders to each person of the first cohort, the one who then answered included.
    const reminders: { userId: string; sent: number }[] = await database(api).query(
      `SELECT user_id AS "userId", count(*)::int AS sent FROM email_outbox
        WHERE template = 'followup_reminder' GROUP BY user_id`,
    );
    expect(reminders.map((row) => row.sent)).toEqual([2, 2, 2]);
    const reminded = new Set(reminders.map((row) => row.userId));
    for (const item of overdue.body.items) expect(reminded.has(item.person.id)).toBe(true);

    const answered = await http
      .as(officer)
      .get('/api/v1/followups?status=answered&pageSize=100')
      .expect(200);
    const situations = await Promise.all(
      answered.body.items.map(
        async (item: { placementId: string; answerChannel: string }) =>
          (await http.as(officer).get(`/api/v1/placements/${item.placementId}`).expect(200)).body,
      ),
    );
    const summary = situations
      .map((s) => `${s.source}/${s.evidence}/${s.validated ? 'validated' : 'to validate'}`)
      .sort();
    expect(summary).toEqual([
      'officer/declared/to validate',
      'survey/declared/to validate',
      'survey/declared/validated',
      'survey/declared/validated',
    ]);
    expect(
      answered.body.items.map((item: { answerChannel: string }) => item.answerChannel),
    ).toContain('phone');
  });

  it('gives the officer’s dashboard figures at T+6, and at T+12 for the first cohort', async () => {
    const sixMonths = await http
      .as(officer)
      .get('/api/v1/indicators/insertion?months=6')
      .expect(200);
    expect(sixMonths.body.eligible).toBeGreaterThanOrEqual(10);
    expect(sixMonths.body.responded).toBeGreaterThan(0);
    expect(sixMonths.body.inserted).toBeGreaterThan(0);
    expect(sixMonths.body.insertionRate).toBeGreaterThan(0);
    // The phone answer and the unvalidated survey answer count as responses, not insertions.
    expect(sixMonths.body.responded).toBeGreaterThan(sixMonths.body.inserted);

    const twelveMonths = await http
      .as(officer)
      .get('/api/v1/indicators/insertion?months=12')
      .expect(200);
    expect(twelveMonths.body).toMatchObject({ eligible: 3, responded: 3 });
    expect(twelveMonths.body.inserted).toBeGreaterThan(0);
  });

  it('leaves its certificates pending for the worker, which renders and emails them', async () => {
    const sessions: { title: string; certificates: number; completers: number }[] = await database(
      api,
    ).query(
      `SELECT s.title, count(c.id)::int AS certificates,
                count(e.id) FILTER (WHERE e.status = 'completed')::int AS completers
           FROM course_session s
           JOIN enrollment e ON e.session_id = s.id
           LEFT JOIN certificate c ON c.enrollment_id = e.id
          WHERE s.status = 'completed'
          GROUP BY s.title`,
    );
    const issued = sessions.filter((s) => s.certificates > 0);
    for (const session of issued) expect(session.certificates).toBe(session.completers);
    expect(issued.map((s) => s.title).sort()).toEqual([
      'Première cohorte — Meknès',
      'Session Casablanca',
    ]);
    // Left for an administrator to try batch issuing (README, "What to try").
    expect(sessions.find((s) => s.title === 'Session Oujda')).toMatchObject({
      certificates: 0,
      completers: 4,
    });
    const [{ pending }] = await database(api).query(
      `SELECT count(*)::int AS pending FROM certificate WHERE render_state = 'pending'`,
    );
    expect(pending).toBe(8);

    worker = await startCertificateWorker(api, smtp.url);
    const rendered: { storageKey: string; sha256: string; holder: string }[] = await eventually(
      async () => {
        const rows = await database(api).query(
          `SELECT c.storage_key AS "storageKey", c.sha256, u.email AS holder
             FROM certificate c JOIN users u ON u.id = c.user_id
            WHERE c.render_state = 'rendered'`,
        );
        return rows.length === 8 ? rows : undefined;
      },
      90_000,
    );
    for (const certificate of rendered) {
      const pdf = await readStored(api, certificate.storageKey);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(sha256(pdf)).toBe(certificate.sha256);
    }
    // Each holder is emailed exactly the stored PDF.
    const emailedTo = (certificate: (typeof rendered)[number]) =>
      smtp.messages.some(
        (message) =>
          message.to.includes(certificate.holder) &&
          message.attachments.some((file) => sha256(file.content) === certificate.sha256),
      );
    await eventually(async () => (rendered.every(emailedTo) ? true : undefined), 60_000);
  });
});

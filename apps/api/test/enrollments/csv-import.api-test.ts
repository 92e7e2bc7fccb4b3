// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { EnrollmentCompleted, EnrollmentEvents } from '@oris/api/enrollments';
import { Cast, castOf, client, inDays } from '../catalogue/catalogue-client';
import { login, PASSWORD, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, database, openSession, pastSession } from './enrollment-client';

const HEADER =
  'email,fullName,fullNameAr,gender,birthYear,regionCode,baselineSituation,educationLevel,completedOn';

describe('enrollments: CSV import with a dry run', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(() => api.close());

  const importCsv = (sessionId: string, csv: string, dryRun: boolean) =>
    http
      .as(cast.admin)
      .post(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=${dryRun}`, { csv });
  const countEnrollments = async (sessionId: string): Promise<number> =>
    (
      await database(api).query(`SELECT count(*)::int AS n FROM enrollment WHERE session_id = $1`, [
        sessionId,
      ])
    )[0].n;

  it('reports every bad row with its line, column and reason in a dry run, and writes nothing', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const existing = await signInWithRoles(api, cast.admin, ['trainee']);
    await http
      .as(existing)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      .expect(201);
    const csv = [
      HEADER,
      'new.one@example.ma,Nouvelle Personne,,female,1998,MA-01,seeking,licence,',
      `${existing.email},Déjà inscrite,,,,,employed,master,`,
      'no-account@example.ma,Sans Compte,,,,,student,secondary,',
      'bad,,,x,1700,MA-99,retired,licence,2020-13-01',
    ].join('\n');
    const report = await importCsv(sessionId, csv, true).expect(200);
    expect(report.body).toMatchObject({ dryRun: true, applied: false, rows: [] });
    expect(report.body.problems).toEqual([
      {
        line: 3,
        field: 'email',
        reason: 'already enrolled in this session',
        code: 'already_enrolled',
      },
      {
        line: 4,
        field: 'birthYear',
        reason: 'required for a person without an account',
        code: 'required_new_person',
      },
      {
        line: 4,
        field: 'gender',
        reason: 'required for a person without an account',
        code: 'required_new_person',
      },
      {
        line: 4,
        field: 'regionCode',
        reason: 'required for a person without an account',
        code: 'required_new_person',
      },
      {
        line: 5,
        field: 'baselineSituation',
        reason: expect.any(String),
        code: 'not_in_list',
        params: { values: expect.any(String) },
      },
      {
        line: 5,
        field: 'birthYear',
        reason: expect.any(String),
        code: 'birth_year_range',
        params: { min: 1900, max: expect.any(Number) },
      },
      { line: 5, field: 'completedOn', reason: 'a date written YYYY-MM-DD', code: 'not_date' },
      { line: 5, field: 'email', reason: 'not an email address', code: 'not_email' },
      { line: 5, field: 'fullName', reason: 'required', code: 'required' },
      {
        line: 5,
        field: 'gender',
        reason: 'one of female, male',
        code: 'not_in_list',
        params: { values: 'female, male' },
      },
      {
        line: 5,
        field: 'regionCode',
        reason: expect.stringContaining('MA-12'),
        code: 'not_in_list',
        params: { values: expect.any(String) },
      },
    ]);
    // Every row read, so that a preview names each one, whatever the file's format.
    expect(report.body.lines.map((line: { line: number }) => line.line)).toEqual([2, 3, 4, 5]);
    expect(await countEnrollments(sessionId)).toBe(1);
    const [{ n }] = await database(api).query(
      `SELECT count(*)::int AS n FROM users WHERE email = 'new.one@example.ma'`,
    );
    expect(n).toBe(0);

    // The real run of the same file is refused whole, naming the same problems.
    const refused = await importCsv(sessionId, csv, false).expect(400);
    expect(refused.body.errors).toContainEqual({
      field: 'lines.3.email',
      message: 'already enrolled in this session',
    });
    expect(await countEnrollments(sessionId)).toBe(1);
  });

  it('previews the outcome of a clean file, then imports it all at once: new accounts, seats, then the waitlist', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 2 } });
    const existing = await signInWithRoles(api, cast.admin, ['trainee']);
    const csv = [
      'email;fullName;gender;birthYear;regionCode;baselineSituation;educationLevel',
      'karim.import@example.ma;"=HYPERLINK(""http://evil.example"";""clic"")";male;1990;MA-07;employed;master',
      `${existing.email.toUpperCase()};Nom ignoré;;;;seeking;licence`,
      'salma.import@example.ma;Salma Idrissi;female;2001;MA-02;student;baccalaureate',
    ].join('\r\n');
    const preview = await importCsv(sessionId, csv, true).expect(200);
    expect(preview.body).toMatchObject({ problems: [], newPeople: 2, confirmed: 2, waitlisted: 1 });
    expect(preview.body.rows.map((row: { outcome: string }) => row.outcome)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    expect(await countEnrollments(sessionId)).toBe(0);

    const done = await importCsv(sessionId, csv, false).expect(200);
    expect(done.body).toMatchObject({
      dryRun: false,
      applied: true,
      newPeople: 2,
      confirmed: 2,
      waitlisted: 1,
    });
    expect(
      done.body.rows.every((row: { enrollmentId: string | null }) => row.enrollmentId !== null),
    ).toBe(true);
    const [karim] = await database(api).query(
      `SELECT u.full_name AS "fullName", u.region_code AS "regionCode", array_agg(r.role) AS roles
         FROM users u JOIN user_role r ON r.user_id = u.id WHERE u.email = 'karim.import@example.ma' GROUP BY u.id`,
    );
    // Stored as written: text, never evaluated nor altered.
    expect(karim).toEqual({
      fullName: '=HYPERLINK("http://evil.example";"clic")',
      regionCode: 'MA-07',
      roles: ['trainee'],
    });
    const [audit] = await database(api).query(
      `SELECT actor_id AS "actorId" FROM audit_event WHERE action = 'user.imported' LIMIT 1`,
    );
    expect(audit.actorId).toBe(cast.admin.user.id);
    // The existing person is enrolled as they are, and an imported account cannot be signed in to.
    const [{ fullName }] = await database(api).query(
      `SELECT full_name AS "fullName" FROM users WHERE id = $1`,
      [existing.user.id],
    );
    expect(fullName).toBe('Fatima Zahra Alaoui');
    await expect(login(api, 'karim.import@example.ma', PASSWORD)).rejects.toThrow(/401/);
    const session = await http.anonymous.get(`/api/v1/sessions/${sessionId}`).expect(200);
    expect(session.body.seatsLeft).toBe(0);
    // Running the same file again changes nothing: everyone is already enrolled.
    await importCsv(sessionId, csv, false).expect(400);
    expect(await countEnrollments(sessionId)).toBe(3);
  });

  it('records the completers of a past cohort with their real completion day', async () => {
    const completions: EnrollmentCompleted[] = [];
    const off = api.app
      .get(EnrollmentEvents)
      .on('EnrollmentCompleted', (event) => void completions.push(event));
    const { sessionId } = await openSession(api, cast.trainer, {
      planner: cast.admin,
      session: pastSession(300, 296),
      status: 'completed',
    });
    const csv = [
      HEADER,
      `ancienne.1@example.ma,Ancienne Une,,female,1985,MA-08,employed,licence,${inDays(-296)}`,
      `ancien.2@example.ma,Ancien Deux,عمر,male,1979,MA-08,seeking,master,${inDays(-320)}`,
    ].join('\n');
    const preview = await importCsv(sessionId, csv, true).expect(200);
    expect(preview.body.problems).toEqual([
      {
        line: 3,
        field: 'completedOn',
        reason: `cannot be before the session starts (${inDays(-300)})`,
        code: 'before_session',
        params: { startsOn: inDays(-300) },
      },
    ]);
    const fixed = csv.replace(inDays(-320), inDays(-296));
    // The course asks for its required modules and attendance, which nobody recorded: the same
    // rule as the completion route makes these the administrator's attestation.
    const previewFixed = await importCsv(sessionId, fixed, true).expect(200);
    expect(
      previewFixed.body.rows.map((row: { completionAttested: boolean }) => row.completionAttested),
    ).toEqual([true, true]);
    const done = await importCsv(sessionId, fixed, false).expect(200);
    expect(done.body).toMatchObject({ completed: 2, applied: true });
    const rows = await database(api).query(
      `SELECT status, completed_on::text AS "completedOn", validated_by AS "validatedBy",
              completion_attested_by AS "attestedBy"
         FROM enrollment WHERE session_id = $1`,
      [sessionId],
    );
    const completedRow = {
      status: 'completed',
      completedOn: inDays(-296),
      validatedBy: cast.admin.user.id,
      attestedBy: cast.admin.user.id,
    };
    expect(rows).toEqual([completedRow, completedRow]);
    const listed = await http
      .as(cast.admin)
      .get(`/api/v1/sessions/${sessionId}/enrollments`)
      .expect(200);
    for (const item of listed.body.items) {
      expect(item.completionAttestation).toMatchObject({ by: { id: cast.admin.user.id } });
    }
    const trail = await database(api).query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'enrollment.completion_attested' AND actor_id = $1 AND data->>'sessionId' = $2
          AND data->>'via' = 'import'`,
      [cast.admin.user.id, sessionId],
    );
    expect(trail[0].n).toBe(2);
    expect(completions.filter((event) => event.sessionId === sessionId)).toHaveLength(2);
    // Nothing is emailed about a cohort that ended long ago.
    const [{ n }] = await database(api).query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE to_address IN ('ancienne.1@example.ma', 'ancien.2@example.ma')`,
    );
    expect(n).toBe(0);
    off();
  });

  it('refuses a completion the records cannot show in a session that has not ended, as the completion route does', async () => {
    const { sessionId } = await openSession(api, cast.trainer, {
      planner: cast.admin,
      session: pastSession(3, -3),
      status: 'running',
    });
    const csv = [
      HEADER,
      `en.cours@example.ma,En Cours,,female,1995,MA-03,seeking,licence,${inDays(-1)}`,
    ].join('\n');
    const preview = await importCsv(sessionId, csv, true).expect(200);
    expect(preview.body.problems).toEqual([
      {
        line: 2,
        field: 'completedOn',
        reason: expect.stringMatching(
          /^the course's completion rule is not met \(required_modules/,
        ),
        code: 'completion_rule',
        params: { unmet: expect.stringContaining('required_modules') },
      },
    ]);
    await importCsv(sessionId, csv, false).expect(400);
    expect(await countEnrollments(sessionId)).toBe(0);
  });

  it('is for administrators only, and reports an unreadable file', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=true`, { csv: HEADER })
      .expect(403);
    const broken = await importCsv(sessionId, `${HEADER}\n"never closed,x`, true).expect(200);
    expect(broken.body.problems).toEqual([
      { line: 2, field: 'file', reason: 'a quoted cell is never closed', code: 'quote_not_closed' },
    ]);
    await importCsv(sessionId, '', true).expect(200);
    await http
      .as(cast.admin)
      .post(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=maybe`, { csv: HEADER })
      .expect(400);
  });
});

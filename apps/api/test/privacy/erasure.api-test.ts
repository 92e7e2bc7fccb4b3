// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InsertionRollup, PublicReleases, type GroupBy } from '@oris/api/indicators';
import request from 'supertest';
import { client, inDays } from '../catalogue/catalogue-client';
import {
  readStored,
  sha256,
  startCertificateTestApp,
  type CertificateTestApp,
} from '../certificates/certificate-support';
import { baseline, database, openSession, pastSession } from '../enrollments/enrollment-client';
import { answerBody, followupsOf } from '../followups/followup-support';
import { IndicatorDataset, seedIndicatorDataset } from '../indicators/indicator-dataset';
import { PASSWORD, register, uniqueIp, type Session } from '../identity/support/identity-client';
import { eventually } from '../notifications/outbox-support';
import { placementBody, placementCast, type PlacementCast } from '../placements/placement-client';

const GROUP_BYS: (GroupBy | undefined)[] = [
  undefined,
  'region',
  'gender',
  'ageBand',
  'education',
  'course',
  'session',
  'year',
  'kind',
];
/** Mid-October 2025 in Morocco: the public release due is 2025-Q3. */
const IN_2025_Q4 = new Date('2025-10-15T10:00:00Z');

/**
 * An answer without what the computation stamps on it: when it ran and what it knew then (the
 * definition's text quotes that instant too).
 */
function figuresOf(answer: {
  freshness: Record<string, unknown>;
  filters: Record<string, unknown>;
  definition: unknown;
}): Record<string, unknown> {
  const { computedAt: _computedAt, refreshedAt: _refreshedAt, ...freshness } = answer.freshness;
  const { knownAt: _knownAt, ...filters } = answer.filters;
  const { definition: _definition, ...rest } = answer;
  return { ...rest, freshness, filters };
}

/**
 * Law 09-08 erasure right: a person (or an administrator on their request) erases the account;
 * identity is anonymised in every table, outbox row and stored file, sign-in becomes impossible,
 * certificates stay verifiable without the name, and every indicator figure stays the same.
 */
describe('account erasure', () => {
  let api: CertificateTestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let data: IndicatorDataset;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    cast = await placementCast(api);
    http = client(api);
    data = await seedIndicatorDataset(database(api), cast.admin.user.id);
  });

  afterAll(() => api.close());

  /** Every figure the platform publishes or shows, from each of its sources. */
  async function everyFigure(): Promise<Record<string, unknown>> {
    const figures: Record<string, unknown> = {};
    await api.app.get(InsertionRollup).refresh();
    for (const months of [6, 9, 12]) {
      for (const groupBy of GROUP_BYS) {
        const query = { months, ...(groupBy ? { groupBy } : {}) };
        const key = `${months}:${groupBy ?? 'none'}`;
        const rollup = (
          await http.as(cast.officer).get('/api/v1/indicators/insertion').query(query).expect(200)
        ).body;
        expect(rollup.freshness.source).toBe('rollup');
        const live = (
          await http
            .as(cast.officer)
            .get('/api/v1/indicators/insertion')
            .query({ ...query, asOf: '2025-09-30' })
            .expect(200)
        ).body;
        expect(live.freshness.source).toBe('live');
        figures[`rollup ${key}`] = figuresOf(rollup);
        figures[`live ${key}`] = figuresOf(live);
      }
    }
    // The public figures page: the release of 2025-Q3, produced before the first erasure, and
    // the same quarter's figures computed afresh from the data as it is now (the release freezes
    // its row, so it cannot be produced again; this is the computation it runs).
    await api.app.get(PublicReleases).releaseDue(IN_2025_Q4);
    figures['public page'] = (
      await http.anonymous.get('/api/v1/public/indicators').expect(200)
    ).body;
    const { definition: _definition, ...now } = await api.app
      .get(PublicReleases)
      ['figuresAsOf']('2025-09-30', new Date());
    figures['public figures now'] = now;
    return figures;
  }

  it('keeps every indicator figure exactly as it was', async () => {
    const before = await everyFigure();
    expect(before['live 9:none']).toMatchObject({ trained: expect.any(Number) });
    expect((before['live 9:none'] as { trained: number }).trained).toBeGreaterThan(0);
    // p1 inserted and employed, p6 inserted, p9 counted without gender, p12 responded by survey.
    for (const label of ['p1', 'p6', 'p9', 'p12']) {
      const { body } = await http
        .as(cast.admin)
        .post(`/api/v1/users/${data.people[label]}/erasure`)
        .expect(200);
      expect(body.erasedAt).toEqual(expect.any(String));
    }
    const erased = await database(api).query(
      `SELECT count(*)::int AS n FROM users WHERE id = ANY($1) AND erased_at IS NOT NULL`,
      [['p1', 'p6', 'p9', 'p12'].map((label) => data.people[label])],
    );
    expect(erased[0].n).toBe(4);
    const after = await everyFigure();
    expect(after).toEqual(before);
  });

  describe('a trainee with data in every category', () => {
    let me: Session;
    let enrollmentId: string;
    let certificateId: string;
    let verificationCode: string;
    let placementId: string;
    let storageKey: string;
    let pdf: Buffer;

    beforeAll(async () => {
      me = await register(api, { fullName: 'Salma Idrissi', phone: '06 12 34 56 78' });
      const { sessionId, moduleIds, meetingIds } = await openSession(api, cast.trainer, {
        modules: 1,
        planner: cast.admin,
        session: pastSession(12, 11),
        status: 'running',
      });
      enrollmentId = (
        await http
          .as(cast.admin)
          .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline({ userId: me.user.id }))
          .expect(201)
      ).body.id;
      await http
        .as(me)
        .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleIds[0]}/complete`)
        .expect(200);
      for (const meetingId of meetingIds)
        await http
          .as(cast.trainer)
          .put(`/api/v1/sessions/${sessionId}/meetings/${meetingId}/attendance`, {
            entries: [{ enrollmentId, present: true }],
          })
          .expect(200);
      await http.as(cast.trainer).post(`/api/v1/enrollments/${enrollmentId}/complete`).expect(200);
      const certificate = (
        await http
          .as(cast.admin)
          .post(`/api/v1/enrollments/${enrollmentId}/certificate`)
          .expect(201)
      ).body;
      certificateId = certificate.id;
      verificationCode = certificate.verificationCode;
      // The rendering worker does not run here: store the "rendered" PDF as it would.
      pdf = Buffer.from('%PDF-1.7 Salma Idrissi');
      storageKey = `certificates/test/${certificateId}.pdf`;
      await mkdir(dirname(join(api.storageDir, storageKey)), { recursive: true });
      await writeFile(join(api.storageDir, storageKey), pdf);
      await database(api).query(
        `UPDATE certificate SET render_state = 'rendered', sha256 = $2, storage_key = $3, rendered_at = now()
          WHERE id = $1`,
        [certificateId, sha256(pdf), storageKey],
      );
      placementId = (
        await http
          .as(cast.officer)
          .post(
            '/api/v1/placements',
            placementBody(me.user.id, { enrollmentId, startOn: inDays(0), note: 'Salma, 0612' }),
          )
          .expect(201)
      ).body.id;
      await eventually(async () =>
        (await followupsOf(api, [enrollmentId])).length === 3 ? true : undefined,
      );
      const [sixMonths] = await followupsOf(api, [enrollmentId]);
      await http
        .as(cast.officer)
        .post(`/api/v1/followups/${sixMonths.id}/answer`, {
          ...answerBody(),
          note: 'Appel : Salma Idrissi en poste.',
        })
        .expect(200);
      // A request to correct the situation, in the person's own words.
      await http
        .as(me)
        .post('/api/v1/me/rectification-requests', {
          placementId,
          message: 'Salma Idrissi : mon poste a changé en mars.',
        })
        .expect(201);
      // A password-reset request: a pending email and a reset token.
      await request(api.url)
        .post('/api/v1/auth/password/forgot')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: me.email });
      // Verified once before: the answer with the name is in the verification cache.
      const verified = (await http.anonymous.get(`/api/v1/verify/${verificationCode}`).expect(200))
        .body;
      expect(verified.holderName).toBe('Salma Idrissi');
    });

    it('refuses a wrong password, with a field error, and erases nothing', async () => {
      const response = await http
        .as(me)
        .post('/api/v1/me/erasure', { currentPassword: 'not-my-password-at-all' })
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
      await http.as(me).get('/api/v1/me').expect(200);
    });

    it('erases the account: signed out, and signing in again is impossible', async () => {
      const response = await http
        .as(me)
        .post('/api/v1/me/erasure', { currentPassword: PASSWORD })
        .expect(204);
      expect(String(response.headers['set-cookie'])).toMatch(/oris_refresh=;/);
      await http.as(me).get('/api/v1/me').expect(401);
      await http.as(me).get('/api/v1/me/export').expect(401);
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: me.email, password: PASSWORD })
        .expect(401);
      await request(api.url)
        .post('/api/v1/auth/refresh')
        .set('cookie', me.refreshCookie)
        .expect(401);
    });

    it('anonymises the person in every table and outbox row, and records who erased', async () => {
      const db = database(api);
      const [user] = await db.query(
        `SELECT email, full_name, full_name_ar, phone, gender, birth_year, region_code,
                disabled_at, erased_at FROM users WHERE id = $1`,
        [me.user.id],
      );
      expect(user).toMatchObject({
        email: `erased-${me.user.id}@erased.invalid`,
        full_name: '—',
        full_name_ar: null,
        phone: null,
        // Kept for the indicators' breakdowns (docs/PRIVACY.md).
        gender: 'female',
        birth_year: expect.any(Number),
        region_code: expect.any(String),
      });
      expect(user.disabled_at).not.toBeNull();
      expect(user.erased_at).not.toBeNull();
      expect(await db.query(`SELECT ip FROM consent WHERE user_id = $1`, [me.user.id])).toEqual([
        { ip: null },
      ]);
      for (const table of [
        'refresh_token',
        'password_reset_token',
        'email_confirmation_token',
        'idempotency_record',
      ]) {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`,
          [me.user.id],
        );
        expect(n).toBe(0);
      }
      const emails = await db.query(
        `SELECT to_address, status, params, attachments FROM email_outbox
          WHERE user_id = $1 OR to_address = $2`,
        [me.user.id, me.email],
      );
      expect(emails.length).toBeGreaterThan(0);
      for (const email of emails) {
        expect(email.to_address).toBe(`erased-${me.user.id}@erased.invalid`);
        expect(email.params).toEqual({});
        expect(email.attachments).toEqual([]);
        expect(email.status).not.toBe('pending');
      }
      expect(emails.some((email: { status: string }) => email.status === 'cancelled')).toBe(true);
      const versions = await db.query(
        `SELECT kind, start_on::text AS start_on, employer_name, position, note, validated_at
           FROM placement_version WHERE placement_id = $1`,
        [placementId],
      );
      for (const version of versions) {
        expect(version).toMatchObject({ kind: 'wage_employment', start_on: inDays(0), note: null });
        expect([null, '—']).toContain(version.employer_name);
        expect(version.position).toBe('—');
      }
      const followups = await followupsOf(api, [enrollmentId]);
      const rows = await db.query(
        `SELECT status, note, token_hash, answered_at FROM followup WHERE enrollment_id = $1 ORDER BY horizon`,
        [enrollmentId],
      );
      expect(rows).toHaveLength(followups.length);
      expect(rows[0]).toMatchObject({ status: 'answered', note: null, token_hash: null });
      expect(rows[0].answered_at).not.toBeNull();
      for (const row of rows.slice(1)) expect(row).toMatchObject({ status: 'skipped' });
      const [certificate] = await db.query(
        `SELECT holder_name, holder_name_ar, status, sha256 FROM certificate WHERE id = $1`,
        [certificateId],
      );
      expect(certificate).toEqual({
        holder_name: '—',
        holder_name_ar: null,
        status: 'valid',
        sha256: sha256(pdf),
      });
      // The PDF printed the name: it is gone.
      await expect(readStored(api, storageKey)).rejects.toThrow(/ENOENT/);
      const [{ n: enrollments }] = await db.query(
        `SELECT count(*)::int AS n FROM enrollment WHERE id = $1 AND status = 'completed'`,
        [enrollmentId],
      );
      expect(enrollments).toBe(1);
      const events = await db.query(
        `SELECT actor_id, data FROM audit_event WHERE action = 'account.erased' AND subject_id = $1`,
        [me.user.id],
      );
      expect(events).toEqual([
        { actor_id: me.user.id, data: expect.objectContaining({ requestedBy: 'self' }) },
      ]);
      // Nothing of the name is left anywhere in the database's text about the person.
      const [{ n: traces }] = await db.query(
        `SELECT count(*)::int AS n FROM (
           SELECT full_name AS t FROM users WHERE id = $1
           UNION ALL SELECT holder_name FROM certificate WHERE user_id = $1
           UNION ALL SELECT note FROM placement_version WHERE user_id = $1
           UNION ALL SELECT note FROM followup WHERE user_id = $1
           UNION ALL SELECT params::text FROM email_outbox WHERE user_id = $1
           UNION ALL SELECT message FROM rectification_request WHERE user_id = $1
         ) x WHERE t ILIKE '%Salma%'`,
        [me.user.id],
      );
      expect(traces).toBe(0);
    });

    it('keeps the certificate verifiable, without the name, and its PDF still matches', async () => {
      const { body } = await http.anonymous.get(`/api/v1/verify/${verificationCode}`).expect(200);
      expect(body).toMatchObject({
        valid: true,
        status: 'valid',
        holderName: null,
        holderNameAr: null,
        holderErased: true,
        sha256: sha256(pdf),
      });
      const match = await request(api.url)
        .post(`/api/v1/verify/${verificationCode}/file`)
        .set('content-type', 'application/pdf')
        .set('x-forwarded-for', uniqueIp())
        .send(pdf)
        .expect(200);
      expect(match.body).toEqual({ matches: true });
      const gone = await http
        .as(cast.admin)
        .get(`/api/v1/certificates/${certificateId}/pdf`)
        .expect(410);
      expect(gone.body.code).toBe('certificate_pdf_erased');
    });

    it('answers an administrator’s erasure of an erased account the same, without a second event', async () => {
      const { body } = await http
        .as(cast.admin)
        .post(`/api/v1/users/${me.user.id}/erasure`)
        .expect(200);
      expect(body).toMatchObject({ id: me.user.id, fullName: '—', erasedAt: expect.any(String) });
      const [{ n }] = await database(api).query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'account.erased' AND subject_id = $1`,
        [me.user.id],
      );
      expect(n).toBe(1);
    });
  });

  it('records the administrator who erased someone on request', async () => {
    const person = await register(api);
    await http.as(cast.admin).post(`/api/v1/users/${person.user.id}/erasure`).expect(200);
    const events = await database(api).query(
      `SELECT actor_id, data FROM audit_event WHERE action = 'account.erased' AND subject_id = $1`,
      [person.user.id],
    );
    expect(events).toEqual([
      { actor_id: cast.admin.user.id, data: expect.objectContaining({ requestedBy: 'admin' }) },
    ]);
  });

  it('refuses, as problem+json, an administrator erasing their own account from the users page', async () => {
    const response = await http
      .as(cast.admin)
      .post(`/api/v1/users/${cast.admin.user.id}/erasure`)
      .expect(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('self_erase');
  });

  it('answers 404 for an unknown account', async () => {
    const response = await http
      .as(cast.admin)
      .post('/api/v1/users/00000000-0000-4000-8000-000000000000/erasure')
      .expect(404);
    expect(response.body.code).toBe('user_not_found');
  });
});

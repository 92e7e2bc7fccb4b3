// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { renderEmail } from '@oris/api/notifications';
import request from 'supertest';
import { castOf, type Cast, client } from '../catalogue/catalogue-client';
import {
  type CertificateTestApp,
  database,
  sessionWithCompleters,
  startCertificateTestApp,
} from '../certificates/certificate-support';
import { baseline, openSession } from '../enrollments/enrollment-client';
import {
  login,
  PASSWORD,
  register,
  type Session,
  signInAsNewAdmin,
  uniqueIp,
} from './support/identity-client';

const WEB_URL = 'http://academy.oris.test';
const RESENDS_PER_HOUR = 2;

/**
 * Registration proves the address: a single-use link (hashed at rest) in the welcome email; until
 * it is opened the account signs in but neither enrolls itself nor is issued certificates.
 */
describe('email confirmation', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startCertificateTestApp({
      PUBLIC_WEB_URL: WEB_URL,
      EMAIL_CONFIRMATION_RESEND_PER_HOUR: String(RESENDS_PER_HOUR),
    });
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(() => api.close());

  const unconfirmed = () => register(api, {}, { confirmEmail: false });
  const confirm = (token: string) =>
    request(api.url).post('/api/v1/auth/email/confirm').send({ token });
  const resend = (who: Session) =>
    http.as(who).post('/api/v1/me/email-confirmation', {}).set('x-forwarded-for', uniqueIp());
  const me = async (who: Session) => (await http.as(who).get('/api/v1/me').expect(200)).body;

  /** The outbox rows of the person's confirmation emails, newest last (no worker runs here). */
  async function confirmationEmails(
    userId: string,
  ): Promise<{ template: string; locale: 'fr' | 'ar' | 'en'; params: Record<string, string> }[]> {
    return database(api).query(
      `SELECT template, locale, params FROM email_outbox
        WHERE user_id = $1 AND template IN ('welcome', 'email_confirmation')
        ORDER BY created_at`,
      [userId],
    );
  }

  /** The token of the newest confirmation link sent to the person, as they would click it. */
  async function newestToken(userId: string): Promise<string> {
    const emails = await confirmationEmails(userId);
    const url = new URL(emails[emails.length - 1].params['confirmUrl']);
    expect(`${url.origin}${url.pathname}`).toBe(`${WEB_URL}/confirm-email`);
    return url.searchParams.get('token') as string;
  }

  it('sends a welcome email with a single-use link, nothing the registrant typed, and keeps only its hash', async () => {
    const person = await unconfirmed();
    expect(person.user['emailConfirmedAt']).toBeNull();
    const [welcome] = await confirmationEmails(person.user.id);
    expect(welcome.template).toBe('welcome');
    expect(Object.keys(welcome.params)).toEqual(['confirmUrl']);
    const rendered = renderEmail(welcome.template, welcome.locale, welcome.params, {
      webUrl: WEB_URL,
    });
    expect(rendered.text + rendered.html).not.toContain('Fatima');
    const token = await newestToken(person.user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows: { tokenHash: string; hours: number }[] = await database(api).query(
      `SELECT token_hash AS "tokenHash",
              round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours
         FROM email_confirmation_token WHERE user_id = $1`,
      [person.user.id],
    );
    expect(rows).toEqual([
      {
        tokenHash: createHash('sha256').update(token).digest('hex'),
        hours: api.config.EMAIL_CONFIRMATION_TTL_HOURS,
      },
    ]);
  });

  it('lets an unconfirmed account sign in, but refuses it enrolling itself with email_not_confirmed', async () => {
    const person = await unconfirmed();
    await login(api, person.email, PASSWORD);
    const { sessionId } = await openSession(api, cast.trainer);
    const refused = await http
      .as(person)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      .expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 403,
      code: 'email_not_confirmed',
      type: expect.stringContaining('email_not_confirmed'),
    });
  });

  it('confirms the address with the link once, after which the person enrolls', async () => {
    const person = await unconfirmed();
    const token = await newestToken(person.user.id);
    await confirm(token).expect(204);
    expect((await me(person)).emailConfirmedAt).toEqual(expect.any(String));
    const again = await confirm(token).expect(400);
    expect(again.body).toMatchObject({ code: 'invalid_confirmation_token' });
    const { sessionId } = await openSession(api, cast.trainer);
    await http.as(person).post(`/api/v1/sessions/${sessionId}/enrollments`, baseline()).expect(201);
  });

  it('refuses an expired link, a made-up one and a malformed one', async () => {
    const person = await unconfirmed();
    const token = await newestToken(person.user.id);
    await database(api).query(
      `UPDATE email_confirmation_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [person.user.id],
    );
    await confirm(token).expect(400);
    await confirm('A'.repeat(43)).expect(400);
    await confirm('short').expect(400);
    expect((await me(person)).emailConfirmedAt).toBeNull();
  });

  it('sends a new link on request, spends them all on use, and limits requests per account', async () => {
    const person = await unconfirmed();
    const first = await newestToken(person.user.id);
    for (let sent = 0; sent < RESENDS_PER_HOUR; sent++) await resend(person).expect(202);
    const limited = await resend(person).expect(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited' });
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
    const emails = await confirmationEmails(person.user.id);
    expect(emails.map((email) => email.template)).toEqual([
      'welcome',
      'email_confirmation',
      'email_confirmation',
    ]);
    await confirm(await newestToken(person.user.id)).expect(204);
    await confirm(first).expect(400);
  });

  it('sends nothing to an address already confirmed, and needs a signed-in person', async () => {
    const person = await register(api);
    await resend(person).expect(202);
    expect(await confirmationEmails(person.user.id)).toHaveLength(1);
    await request(api.url).post('/api/v1/me/email-confirmation').expect(401);
  });

  it('lets the staff of a session enroll an unconfirmed person on their behalf', async () => {
    const person = await unconfirmed();
    const { sessionId } = await openSession(api, cast.trainer);
    await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline({ userId: person.user.id }))
      .expect(201);
  });

  it('counts a password set through an emailed reset link as a confirmation', async () => {
    const person = await unconfirmed();
    await request(api.url)
      .post('/api/v1/auth/password/forgot')
      .set('x-forwarded-for', uniqueIp())
      .send({ email: person.email })
      .expect(202);
    const [row] = await eventuallyRow(person.user.id);
    const token = new URL(row.params['resetUrl']).searchParams.get('token') as string;
    await request(api.url)
      .post('/api/v1/auth/password/reset')
      .send({ token, password: 'palmeraie-tafilalet-9' })
      .expect(204);
    const signedIn = await login(api, person.email, 'palmeraie-tafilalet-9');
    expect((await me(signedIn)).emailConfirmedAt).toEqual(expect.any(String));
  });

  it('counts accounts made by the admin:create command as confirmed', async () => {
    const admin = await signInAsNewAdmin(api);
    expect((await me(admin)).emailConfirmedAt).toEqual(expect.any(String));
  });

  it('issues no certificate to an unconfirmed holder: refused alone, skipped by a batch', async () => {
    const { sessionId, userIds, enrollmentIds } = await sessionWithCompleters(
      api,
      cast.trainer,
      cast.admin,
      2,
    );
    await database(api).query(`UPDATE users SET email_confirmed_at = NULL WHERE id = $1`, [
      userIds[0],
    ]);
    const refused = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${enrollmentIds[0]}/certificate`)
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'email_not_confirmed',
      detail: expect.stringContaining('confirmed'),
    });
    const batch = await http
      .as(cast.admin)
      .post(`/api/v1/sessions/${sessionId}/certificates`)
      .expect(202);
    const issued: { userId: string }[] = await database(api).query(
      `SELECT user_id AS "userId" FROM certificate WHERE session_id = $1`,
      [sessionId],
    );
    expect(issued).toEqual([{ userId: userIds[1] }]);
    const [audit]: { data: Record<string, number> }[] = await database(api).query(
      `SELECT data FROM audit_event WHERE action = 'certificate.batch_issued' AND subject_id = $1`,
      [sessionId],
    );
    expect(audit.data).toMatchObject({ created: 1, skippedUnconfirmed: 1 });
    expect(batch.body.jobId).toEqual(expect.any(String));

    // Once the holder confirms, the certificate is issued.
    await database(api).query(`UPDATE users SET email_confirmed_at = now() WHERE id = $1`, [
      userIds[0],
    ]);
    await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${enrollmentIds[0]}/certificate`)
      .expect(201);
  });

  /** The password-reset email, written after the 202 (in the background). */
  async function eventuallyRow(userId: string): Promise<{ params: Record<string, string> }[]> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const rows: { params: Record<string, string> }[] = await database(api).query(
        `SELECT params FROM email_outbox WHERE user_id = $1 AND template = 'password_reset'`,
        [userId],
      );
      if (rows.length > 0) return rows;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('No password reset email written');
  }
});

import {
  EmailWorkerHandle,
  ReceivedEmail,
  startEmailWorker,
  startSmtpServer,
  TestSmtpServer,
} from '@oris/api/notifications/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';
import { login, register, uniqueEmail, uniqueIp } from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

const WEB_URL = 'http://academy.oris.test';
const NEW_PASSWORD = 'palmeraie-tafilalet-9';

describe('password reset by emailed link', () => {
  let smtp: TestSmtpServer;
  let api: TestApp;
  let worker: EmailWorkerHandle;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startIdentityTestApp({
      SMTP_URL: smtp.url,
      PUBLIC_WEB_URL: WEB_URL,
    });
    worker = await startEmailWorker(api.config);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
  });

  const forgot = (email: string) =>
    request(api.url)
      .post('/api/v1/auth/password/forgot')
      .set('x-forwarded-for', uniqueIp())
      .send({ email });
  const reset = (token: string, password: string) =>
    request(api.url).post('/api/v1/auth/password/reset').send({ token, password });

  /** The reset link of the newest reset email to this address, as the person would click it. */
  async function resetLinkFor(
    email: string,
    after = 0,
  ): Promise<{ message: ReceivedEmail; token: string }> {
    const message = await smtp.waitFor(
      (candidate) =>
        candidate.to.includes(email) &&
        candidate.text.includes('/reset-password?token=') &&
        smtp.messages.indexOf(candidate) >= after,
    );
    const link = new RegExp(
      `${WEB_URL.replace(/\./g, '\\.')}/reset-password\\?token=([A-Za-z0-9_-]{43})`,
    ).exec(message.text);
    if (!link) throw new Error(`No reset link in: ${message.text}`);
    return { message, token: link[1] };
  }

  describe('with an account', () => {
    it('answers 202 and emails a link to the web app that resets the password', async () => {
      const person = await register(api, { locale: 'fr' });
      await forgot(person.email.toUpperCase()).expect(202);
      const { message, token } = await resetLinkFor(person.email);
      expect(message.html).toContain(`${WEB_URL}/reset-password?token=${token}`);
      expect(message.text).toContain('Fatima Zahra Alaoui');

      await reset(token, NEW_PASSWORD).expect(204);
      await login(api, person.email, NEW_PASSWORD);
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: person.email, password: person.password })
        .expect(401);
    });

    it('ends every session of the person when the password is reset', async () => {
      const person = await register(api);
      const session = await login(api, person.email, person.password);
      await forgot(person.email).expect(202);
      const { token } = await resetLinkFor(person.email);
      await reset(token, NEW_PASSWORD).expect(204);
      await request(api.url)
        .post('/api/v1/auth/refresh')
        .set('cookie', session.refreshCookie)
        .expect(401);
      await request(api.url)
        .post('/api/v1/auth/refresh')
        .set('cookie', person.refreshCookie)
        .expect(401);
    });

    it('refuses a second use of the same link', async () => {
      const person = await register(api);
      await forgot(person.email).expect(202);
      const { token } = await resetLinkFor(person.email);
      await reset(token, NEW_PASSWORD).expect(204);
      const again = await reset(token, 'quatrieme-cle-fes-55').expect(400);
      expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(again.body).toMatchObject({ status: 400, code: 'invalid_reset_token' });
      await login(api, person.email, NEW_PASSWORD);
    });

    it('lets exactly one of two simultaneous uses of a link succeed', async () => {
      const person = await register(api);
      await forgot(person.email).expect(202);
      const { token } = await resetLinkFor(person.email);
      const statuses = (
        await Promise.all([reset(token, NEW_PASSWORD), reset(token, 'autre-cle-rabat-12')])
      ).map((response) => response.status);
      expect(statuses.sort()).toEqual([204, 400]);
    });

    it('spends every pending link of the person when one of them is used', async () => {
      const person = await register(api);
      await forgot(person.email).expect(202);
      const first = await resetLinkFor(person.email);
      await forgot(person.email).expect(202);
      const second = await resetLinkFor(person.email, smtp.messages.indexOf(first.message) + 1);
      expect(second.token).not.toBe(first.token);
      await reset(second.token, NEW_PASSWORD).expect(204);
      await reset(first.token, 'autre-cle-rabat-12').expect(400);
    });

    it('refuses an expired link (older than one hour)', async () => {
      const person = await register(api);
      await forgot(person.email).expect(202);
      const { token } = await resetLinkFor(person.email);
      await api.app.get(DataSource).query(
        `UPDATE password_reset_token SET expires_at = now() - interval '1 second'
            WHERE user_id = $1 AND used_at IS NULL`,
        [person.user.id],
      );
      await reset(token, NEW_PASSWORD).expect(400);
      await login(api, person.email, person.password);
    });

    it('issues links valid for one hour and stores only their hash', async () => {
      const person = await register(api);
      await forgot(person.email).expect(202);
      const { token } = await resetLinkFor(person.email);
      const rows = await api.app.get(DataSource).query(
        `SELECT token_hash, extract(epoch FROM expires_at - created_at) AS ttl
             FROM password_reset_token WHERE user_id = $1`,
        [person.user.id],
      );
      expect(rows).toHaveLength(1);
      expect(Number(rows[0].ttl)).toBeCloseTo(3600, -1);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].token_hash).not.toBe(token);
    });

    it('refuses a weak new password with a field error and keeps the link usable', async () => {
      const person = await register(api);
      await forgot(person.email).expect(202);
      const { token } = await resetLinkFor(person.email);
      const weak = await reset(token, 'qwertyuiop').expect(400);
      expect(weak.body.errors).toEqual([
        { field: 'password', message: expect.stringContaining('too common') },
      ]);
      await reset(token, NEW_PASSWORD).expect(204);
    });

    it('writes the email in the person’s language', async () => {
      const arabic = await register(api, { locale: 'ar' });
      await forgot(arabic.email).expect(202);
      const { message } = await resetLinkFor(arabic.email);
      expect(message.subject).toMatch(/[\u0600-\u06FF]/);
    });

    it('sends at most 3 links to one address in 15 minutes, still answering 202', async () => {
      const person = await register(api);
      const links = () =>
        smtp.messages.filter(
          (message) => message.to.includes(person.email) && message.text.includes('reset-password'),
        );
      for (let attempt = 0; attempt < 5; attempt++) await forgot(person.email).expect(202);
      await smtp.waitFor(() => links().length >= 3);
      // Give a fourth email, if one were wrongly sent, the time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(links()).toHaveLength(3);
    });
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = await register(api);
    const unknown = uniqueEmail('nobody');
    const a = await forgot(known.email).expect(202);
    const b = await forgot(unknown).expect(202);
    expect(b.body).toEqual(a.body);
    await resetLinkFor(known.email);
    // The known address got its email; give the unknown one the same time to (not) arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.some((message) => message.to.includes(unknown))).toBe(false);
  });

  it('refuses malformed and made-up tokens without touching anyone', async () => {
    await reset('A'.repeat(43), NEW_PASSWORD).expect(400);
    const malformed = await reset('short', NEW_PASSWORD).expect(400);
    expect(malformed.body.errors).toEqual([{ field: 'token', message: expect.any(String) }]);
  });
});

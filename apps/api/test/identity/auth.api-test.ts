import { PERSONAL_DATA_NOTICE_VERSION } from '@oris/shared/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@oris/api/identity';
import type { TestApp } from '../support/test-app';
import { startIdentityTestApp } from './support/identity-test-app';
import {
  login,
  PASSWORD,
  refreshCookieOf,
  register,
  registration,
  Session,
  setCookies,
  uniqueEmail,
  uniqueIp,
} from './support/identity-client';

describe('auth: register, sign in, refresh, sign out', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  const refresh = (cookie: string) =>
    request(api.url).post('/api/v1/auth/refresh').set('cookie', cookie);
  const me = (accessToken: string) =>
    request(api.url).get('/api/v1/me').auth(accessToken, { type: 'bearer' });

  describe('the journey of one trainee', () => {
    const body = registration({ email: uniqueEmail('Journey') });
    let session: Session;

    it('registers a trainee with consent: 201, a session and an httpOnly SameSite=Strict refresh cookie', async () => {
      const response = await request(api.url)
        .post('/api/v1/auth/register')
        .set('x-forwarded-for', uniqueIp())
        .send(body)
        .expect(201);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: api.config.JWT_ACCESS_TTL_SECONDS,
        user: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          email: body.email.toLowerCase(),
          fullName: 'Fatima Zahra Alaoui',
          fullNameAr: 'فاطمة الزهراء العلوي',
          gender: 'female',
          birthYear: 1996,
          regionCode: 'MA-06',
          phone: null,
          locale: 'fr',
          roles: ['trainee'],
          createdAt: expect.any(String),
          disabledAt: null,
          erasedAt: null,
          emailConfirmedAt: null,
          consent: {
            required: false,
            reason: null,
            currentNoticeVersion: PERSONAL_DATA_NOTICE_VERSION,
            noticeVersion: PERSONAL_DATA_NOTICE_VERSION,
            followupTracking: true,
          },
        },
      });
      const [cookie] = setCookies(response).filter(
        (candidate) => candidate.name === 'oris_refresh',
      );
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(cookie.attributes).toMatchObject({
        httponly: true,
        samesite: 'Strict',
        path: '/api/v1/auth',
      });
      expect(Number(cookie.attributes['max-age'])).toBeGreaterThan(
        api.config.JWT_REFRESH_TTL_DAYS * 86_400 - 60,
      );
      expect(cookie.attributes['secure']).toBeUndefined();
      session = {
        accessToken: response.body.accessToken,
        refreshCookie: refreshCookieOf(response),
        user: response.body.user,
        email: body.email,
        password: body.password,
      };
    });

    it('records the consent with its purpose, notice version and date', async () => {
      const rows = await api.app
        .get(DataSource)
        .query(`SELECT purpose, notice_version, given_at FROM consent WHERE user_id = $1`, [
          session.user.id,
        ]);
      expect(rows).toEqual([
        {
          purpose: expect.stringContaining('insertion'),
          notice_version: PERSONAL_DATA_NOTICE_VERSION,
          given_at: expect.any(Date),
        },
      ]);
    });

    it('stores an argon2id hash, never the password, and only hashes of refresh tokens', async () => {
      const db = api.app.get(DataSource);
      const [user] = await db.query(`SELECT password_hash FROM users WHERE id = $1`, [
        session.user.id,
      ]);
      expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const tokens = await db.query(`SELECT token_hash FROM refresh_token WHERE user_id = $1`, [
        session.user.id,
      ]);
      const secret = session.refreshCookie.split('=')[1];
      expect(tokens).toHaveLength(1);
      expect(tokens[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(tokens[0].token_hash).not.toContain(secret);
    });

    it('signs in with the email in any case and answers the same session shape', async () => {
      const response = await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: `  ${body.email.toUpperCase()} `, password: body.password })
        .expect(200);
      expect(response.body.user).toEqual(session.user);
      expect(response.body.expiresIn).toBe(api.config.JWT_ACCESS_TTL_SECONDS);
      refreshCookieOf(response);
    });

    it('answers GET /me with the access token', async () => {
      const response = await me(session.accessToken).expect(200);
      expect(response.body).toEqual(session.user);
    });

    it('rotates the refresh token: a new cookie and access token, and the old cookie is refused', async () => {
      const first = await login(api, session.email, session.password);
      const rotated = await refresh(first.refreshCookie).expect(200);
      const second = refreshCookieOf(rotated);
      expect(second).not.toBe(first.refreshCookie);
      expect(rotated.body.user.id).toBe(session.user.id);
      await me(rotated.body.accessToken).expect(200);

      await refresh(first.refreshCookie).expect(401);
    });

    it('revokes the whole family when an already used refresh token comes back: the newest stops working too', async () => {
      const first = await login(api, session.email, session.password);
      const other = await login(api, session.email, session.password);
      const second = refreshCookieOf(await refresh(first.refreshCookie).expect(200));
      const third = refreshCookieOf(await refresh(second).expect(200));

      const replay = await refresh(first.refreshCookie).expect(401);
      expect(replay.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(replay.body).toMatchObject({ status: 401, code: 'invalid_refresh_token' });

      await refresh(third).expect(401);
      // Another sign-in of the same person is another family, untouched.
      await refresh(other.refreshCookie).expect(200);
    });

    it('signs out: 204, the cookie is cleared and can no longer refresh', async () => {
      const current = await login(api, session.email, session.password);
      const response = await request(api.url)
        .post('/api/v1/auth/logout')
        .set('cookie', current.refreshCookie)
        .expect(204);
      const cleared = setCookies(response).find((cookie) => cookie.name === 'oris_refresh');
      expect(cleared?.value).toBe('');
      expect(cleared?.attributes).toMatchObject({ path: '/api/v1/auth' });
      await refresh(current.refreshCookie).expect(401);
    });

    it('signs out with 204 even without a session', async () => {
      await request(api.url).post('/api/v1/auth/logout').expect(204);
    });

    it('refuses a refresh without a cookie or with a made-up one', async () => {
      await request(api.url).post('/api/v1/auth/refresh').expect(401);
      await refresh(`oris_refresh=${'A'.repeat(43)}`).expect(401);
      await refresh('oris_refresh=not-a-token').expect(401);
    });
  });

  describe('registration rules', () => {
    it('requires consent to the personal-data notice', async () => {
      for (const consent of [false, undefined, 'true', 1]) {
        const response = await request(api.url)
          .post('/api/v1/auth/register')
          .set('x-forwarded-for', uniqueIp())
          .send(registration({ consent }))
          .expect(400);
        expect(response.body.errors).toEqual([
          { field: 'consent', message: expect.stringContaining('personal-data notice') },
        ]);
      }
    });

    it('refuses a second account with the same email, whatever its case, with a 409 problem', async () => {
      const first = await register(api);
      const response = await request(api.url)
        .post('/api/v1/auth/register')
        .set('x-forwarded-for', uniqueIp())
        .send(registration({ email: first.email.toUpperCase() }))
        .expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 409, code: 'email_taken' });
    });

    it('refuses an unknown region with a field error', async () => {
      const response = await request(api.url)
        .post('/api/v1/auth/register')
        .set('x-forwarded-for', uniqueIp())
        .send(registration({ regionCode: 'MA-13' }))
        .expect(400);
      expect(response.body.errors).toEqual([{ field: 'regionCode', message: expect.any(String) }]);
    });

    it('refuses short, common or email-like passwords with a clear field error', async () => {
      const email = uniqueEmail('rules');
      const cases: [string, RegExp][] = [
        ['short1!', /at least 10 characters/],
        ['1234567890', /too common/],
        [email, /must not be your email/],
      ];
      for (const [password, message] of cases) {
        const response = await request(api.url)
          .post('/api/v1/auth/register')
          .set('x-forwarded-for', uniqueIp())
          .send(registration({ email, password }))
          .expect(400);
        expect(response.body.errors).toEqual([
          { field: 'password', message: expect.stringMatching(message) },
        ]);
      }
    });

    it('defaults the language to French and accepts Arabic', async () => {
      const { locale: _omitted, ...withoutLocale } = registration();
      const response = await request(api.url)
        .post('/api/v1/auth/register')
        .set('x-forwarded-for', uniqueIp())
        .send(withoutLocale)
        .expect(201);
      expect(response.body.user.locale).toBe('fr');
      const arabic = await register(api, { locale: 'ar' });
      expect(arabic.user.locale).toBe('ar');
    });
  });

  describe('signing in', () => {
    it('answers an unknown email and a wrong password with the same status and body', async () => {
      const known = await register(api);
      const wrongPassword = await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: known.email, password: 'not-the-password-1' })
        .expect(401);
      const unknownEmail = await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: uniqueEmail('nobody'), password: 'not-the-password-1' })
        .expect(401);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(unknownEmail.headers['content-type']).toBe(wrongPassword.headers['content-type']);
      expect(wrongPassword.body).toMatchObject({ status: 401, code: 'invalid_credentials' });
      expect(setCookies(unknownEmail)).toEqual([]);
    });

    it('does the same argon2 work for an unknown email as for a wrong password (a dummy hash)', async () => {
      // The work is asserted, not timed (timings depend on the machine's load): one verification
      // each, against hashes made with the same argon2id parameters, so both cost the same.
      const known = await register(api);
      const hasher = api.app.get(PasswordHasher);
      const verify = jest.spyOn(hasher, 'verify');
      try {
        const login = (email: string) =>
          request(api.url)
            .post('/api/v1/auth/login')
            .set('x-forwarded-for', uniqueIp())
            .send({ email, password: 'not-the-password-1' })
            .expect(401);
        await login(known.email);
        const [wrongPassword] = verify.mock.calls.map(([passwordHash]) => passwordHash);
        verify.mockClear();
        await login(uniqueEmail('nobody'));
        const unknownEmail = verify.mock.calls.map(([passwordHash]) => passwordHash);
        expect(unknownEmail).toHaveLength(1);
        const parameters = (passwordHash: string) => passwordHash.split('$').slice(1, 4);
        expect(parameters(unknownEmail[0])).toEqual(parameters(wrongPassword));
        expect(parameters(wrongPassword)).toEqual(['argon2id', 'v=19', 'm=19456,t=2,p=1']);
      } finally {
        verify.mockRestore();
      }
    });
  });

  describe('the signed-in person', () => {
    let person: Session;

    beforeAll(async () => {
      person = await register(api);
    });

    it('edits the profile: fields left out are kept, null clears the Arabic name', async () => {
      const response = await request(api.url)
        .patch('/api/v1/me')
        .auth(person.accessToken, { type: 'bearer' })
        .send({
          fullName: '  Fatima Zahra El Idrissi ',
          fullNameAr: null,
          locale: 'ar',
          regionCode: 'MA-09',
          birthYear: 1990,
        })
        .expect(200);
      expect(response.body).toMatchObject({
        fullName: 'Fatima Zahra El Idrissi',
        fullNameAr: null,
        locale: 'ar',
        regionCode: 'MA-09',
        birthYear: 1990,
        gender: 'female',
        email: person.email,
        roles: ['trainee'],
      });
      expect((await me(person.accessToken).expect(200)).body).toEqual(response.body);
    });

    it('cannot give itself a role or change its email through the profile', async () => {
      const response = await request(api.url)
        .patch('/api/v1/me')
        .auth(person.accessToken, { type: 'bearer' })
        .send({ roles: ['admin'], email: 'someone@else.ma' })
        .expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'email',
        'roles',
      ]);
      expect((await me(person.accessToken)).body.roles).toEqual(['trainee']);
    });

    it('changes the password only with the current one, then every session ends', async () => {
      const wrong = await request(api.url)
        .post('/api/v1/me/password')
        .auth(person.accessToken, { type: 'bearer' })
        .send({ currentPassword: 'wrong-password-0', newPassword: 'oasis-figuier-77' })
        .expect(400);
      expect(wrong.body.errors).toEqual([
        { field: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);

      await request(api.url)
        .post('/api/v1/me/password')
        .auth(person.accessToken, { type: 'bearer' })
        .send({ currentPassword: PASSWORD, newPassword: 'oasis-figuier-77' })
        .expect(204);

      await refresh(person.refreshCookie).expect(401);
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: person.email, password: PASSWORD })
        .expect(401);
      await login(api, person.email, 'oasis-figuier-77');
    });

    it('refuses a common new password', async () => {
      const fresh = await register(api);
      const response = await request(api.url)
        .post('/api/v1/me/password')
        .auth(fresh.accessToken, { type: 'bearer' })
        .send({ currentPassword: PASSWORD, newPassword: 'qwertyuiop' })
        .expect(400);
      expect(response.body.errors).toEqual([
        { field: 'newPassword', message: expect.stringContaining('too common') },
      ]);
    });
  });
});

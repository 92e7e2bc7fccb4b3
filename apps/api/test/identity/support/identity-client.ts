import { randomBytes } from 'node:crypto';
import { IdentityCommands } from '@oris/api/identity';
import type { Role } from '@oris/shared/domain';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../../support/test-app';

export const PASSWORD = 'cedre-atlas-2026!';

/** Emails and client addresses of their own, so files sharing Redis never share a rate-limit budget. */
export const uniqueEmail = (label = 'person') =>
  `${label}.${randomBytes(5).toString('hex')}@example.ma`;
export const uniqueIp = () => {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${1 + (c % 250)}`;
};

export const registration = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail('trainee'),
  password: PASSWORD,
  fullName: 'Fatima Zahra Alaoui',
  fullNameAr: 'فاطمة الزهراء العلوي',
  gender: 'female',
  birthYear: 1996,
  regionCode: 'MA-06',
  locale: 'fr',
  consent: true,
  ...overrides,
});

export interface Session {
  accessToken: string;
  /** `oris_refresh=…`, ready for a Cookie header. */
  refreshCookie: string;
  user: { id: string; email: string; roles: Role[] } & Record<string, unknown>;
  email: string;
  password: string;
}

export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** The Set-Cookie headers of a response, parsed. */
export function setCookies(response: Response): SetCookie[] {
  const header = response.headers['set-cookie'] as unknown as string[] | string | undefined;
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return lines.map((line) => {
    const [pair, ...rest] = line.split(';').map((part) => part.trim());
    const index = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const attribute of rest) {
      const at = attribute.indexOf('=');
      if (at === -1) attributes[attribute.toLowerCase()] = true;
      else attributes[attribute.slice(0, at).toLowerCase()] = attribute.slice(at + 1);
    }
    return { name: pair.slice(0, index), value: pair.slice(index + 1), attributes };
  });
}

export function refreshCookieOf(response: Response): string {
  const cookie = setCookies(response).find((candidate) => candidate.name === 'oris_refresh');
  if (!cookie || !cookie.value) throw new Error(`No refresh cookie in ${response.status} response`);
  return `oris_refresh=${cookie.value}`;
}

function sessionOf(response: Response, email: string, password: string): Session {
  return {
    accessToken: response.body.accessToken,
    refreshCookie: refreshCookieOf(response),
    user: response.body.user,
    email,
    password,
  };
}

/**
 * Registers through the API. The address is then confirmed, as the person would by opening the
 * emailed link (most tests are about what comes after); `{ confirmEmail: false }` leaves it not.
 */
export async function register(
  api: TestApp,
  overrides: Record<string, unknown> = {},
  options: { confirmEmail?: boolean } = {},
): Promise<Session> {
  const body = registration(overrides);
  const response = await request(api.url)
    .post('/api/v1/auth/register')
    .set('x-forwarded-for', uniqueIp())
    .send(body);
  if (response.status !== 201)
    throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  const session = sessionOf(response, body.email as string, body.password as string);
  if (options.confirmEmail === false) return session;
  session.user['emailConfirmedAt'] = await confirmEmailOf(api, session.user.id);
  return session;
}

/**
 * Test factory: marks the person's address confirmed, as the emailed link does (which
 * apps/api/test/identity/email-confirmation.api-test.ts proves through HTTP). Answers the instant.
 */
export async function confirmEmailOf(api: TestApp, userId: string): Promise<string> {
  // An UPDATE answers [rows, count] through TypeORM.
  const [[row]]: [{ confirmed: Date }[], number] = await api.app.get(DataSource).query(
    `UPDATE users SET email_confirmed_at = coalesce(email_confirmed_at, now())
        WHERE id = $1 RETURNING email_confirmed_at AS confirmed`,
    [userId],
  );
  if (!row) throw new Error(`confirmEmailOf: no user ${userId}`);
  return row.confirmed.toISOString();
}

export async function login(api: TestApp, email: string, password: string): Promise<Session> {
  const response = await request(api.url)
    .post('/api/v1/auth/login')
    .set('x-forwarded-for', uniqueIp())
    .send({ email, password });
  if (response.status !== 200)
    throw new Error(`login: ${response.status} ${JSON.stringify(response.body)}`);
  return sessionOf(response, email, password);
}

/** An administrator created the way production gets its first one (the admin:create command's logic). */
export async function signInAsNewAdmin(api: TestApp): Promise<Session> {
  const email = uniqueEmail('admin');
  await api.app
    .get(IdentityCommands)
    .createAdmin({ email, password: PASSWORD, name: 'Nadia Berrada' });
  return login(api, email, PASSWORD);
}

/** A registered person holding exactly `roles`, granted through the admin API. */
export async function signInWithRoles(
  api: TestApp,
  admin: Session,
  roles: Role[],
): Promise<Session> {
  const person = await register(api);
  for (const role of roles) {
    await request(api.url)
      .put(`/api/v1/users/${person.user.id}/roles/${role}`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
  }
  if (!roles.includes('trainee')) {
    await request(api.url)
      .delete(`/api/v1/users/${person.user.id}/roles/trainee`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
  }
  return login(api, person.email, person.password);
}

export const bearer = (session: Session) => `Bearer ${session.accessToken}`;

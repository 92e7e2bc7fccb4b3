import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountAccess } from '@oris/api/identity';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app/create-app';
import { castOf, client } from '../catalogue/catalogue-client';
import { baseline, openSession } from '../enrollments/enrollment-client';
import type { TestApp } from '../support/test-app';
import {
  bearer,
  login,
  register,
  Session,
  signInAsNewAdmin,
  signInWithRoles,
} from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

describe('revoking a role or disabling an account takes effect on the next request', () => {
  let api: TestApp;
  let admin: Session;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    admin = await signInAsNewAdmin(api);
  });

  afterAll(() => api.close());

  const asAdmin = (method: 'put' | 'delete', url: string) =>
    request(api.url)[method](url).set('authorization', bearer(admin));

  const auditActions = async (subjectId: string): Promise<string[]> => {
    const rows: { action: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY at`, [subjectId]);
    return rows.map((row) => row.action);
  };

  it('refuses an admin route to a token issued before the admin role was revoked', async () => {
    const second = await signInWithRoles(api, admin, ['admin']);
    await request(api.url).get('/api/v1/users').set('authorization', bearer(second)).expect(200);

    await asAdmin('delete', `/api/v1/users/${second.user.id}/roles/admin`).expect(200);

    const refused = await request(api.url)
      .get('/api/v1/users')
      .set('authorization', bearer(second))
      .expect(403);
    expect(refused.body.code).toBe('forbidden');
    // The same token still identifies the person, with the roles they hold now.
    const me = await request(api.url).get('/api/v1/me').set('authorization', bearer(second));
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual([]);
  });

  it('lets a granted role work at once, without signing in again', async () => {
    const person = await register(api);
    await request(api.url).get('/api/v1/users').set('authorization', bearer(person)).expect(403);
    await asAdmin('put', `/api/v1/users/${person.user.id}/roles/admin`).expect(200);
    await request(api.url).get('/api/v1/users').set('authorization', bearer(person)).expect(200);
  });

  it('signs a disabled person out everywhere: access token, refresh cookie and password', async () => {
    const person = await register(api);
    await request(api.url).get('/api/v1/me').set('authorization', bearer(person)).expect(200);

    const disabled = await asAdmin('put', `/api/v1/users/${person.user.id}/disabled`).expect(200);
    expect(disabled.body.disabledAt).toEqual(expect.any(String));

    const refused = await request(api.url)
      .get('/api/v1/me')
      .set('authorization', bearer(person))
      .expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(api.url)
      .post('/api/v1/auth/refresh')
      .set('cookie', person.refreshCookie)
      .expect(401);
    await expect(login(api, person.email, person.password)).rejects.toThrow(/login: 401/);

    // Idempotent: disabling again records nothing more.
    await asAdmin('put', `/api/v1/users/${person.user.id}/disabled`).expect(200);
    const enabled = await asAdmin('delete', `/api/v1/users/${person.user.id}/disabled`).expect(200);
    expect(enabled.body.disabledAt).toBeNull();
    const again = await login(api, person.email, person.password);
    await request(api.url).get('/api/v1/me').set('authorization', bearer(again)).expect(200);
    expect(await auditActions(person.user.id)).toEqual(['account.disabled', 'account.enabled']);
  });

  it('shows the disabled flag in the admin list', async () => {
    const person = await register(api);
    await asAdmin('put', `/api/v1/users/${person.user.id}/disabled`).expect(200);
    const list = await request(api.url)
      .get('/api/v1/users')
      .query({ q: person.email })
      .set('authorization', bearer(admin))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: person.user.id, disabledAt: expect.any(String) }),
    ]);
  });

  it('does not let administrators disable themselves, nor others than administrators disable anyone', async () => {
    const response = await asAdmin('put', `/api/v1/users/${admin.user.id}/disabled`).expect(409);
    expect(response.body.code).toBe('self_disable');
    const trainee = await register(api);
    const victim = await register(api);
    await request(api.url)
      .put(`/api/v1/users/${victim.user.id}/disabled`)
      .set('authorization', bearer(trainee))
      .expect(403);
    await asAdmin('put', `/api/v1/users/00000000-0000-4000-8000-000000000000/disabled`).expect(404);
  });

  it('ends what trainer and owner rows granted once the trainer role is revoked', async () => {
    const cast = await castOf(api);
    const session = await openSession(api, cast.trainer);
    const http = client(api);
    const enrollmentsUrl = `/api/v1/sessions/${session.sessionId}/enrollments`;
    await http.as(cast.trainer).get(enrollmentsUrl).expect(200);
    await http.as(cast.trainer).get(`/api/v1/courses/${session.courseId}`).expect(200);

    await request(api.url)
      .delete(`/api/v1/users/${cast.trainer.user.id}/roles/trainer`)
      .set('authorization', bearer(cast.admin))
      .expect(200);

    // Still owner of the course and trainer of the session in the rows, but no longer a trainer.
    const listed = await http.as(cast.trainer).get(enrollmentsUrl);
    expect(listed.status).toBe(403);
    await http
      .as(cast.trainer)
      .post(enrollmentsUrl, { ...baseline(), userId: cast.trainee.user.id })
      .expect(403);
    await http
      .as(cast.trainer)
      .patch(`/api/v1/courses/${session.courseId}`, { title: 'Renamed by a former trainer' })
      .expect(403);
  });
});

describe('a change made through one API process reaches the others at once', () => {
  let api: TestApp;
  let other: NestFastifyApplication;
  let otherUrl: string;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    // A second process of the same installation: same database, same Redis namespace.
    other = await createApp(api.config);
    await other.listen({ port: 0, host: '127.0.0.1' });
    const address = other.getHttpServer().address();
    otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await other.close();
    await api.close();
  });

  it('refuses, on the other process, a person whose standing it had cached', async () => {
    const admin = await signInAsNewAdmin(api);
    const second = await signInWithRoles(api, admin, ['admin']);
    const person = await register(api);
    // Once its subscription is live the other process keeps what it reads in memory.
    const otherAccess = other.get(AccountAccess);
    for (let tries = 0; !otherAccess.caching && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(otherAccess.caching).toBe(true);
    await request(otherUrl).get('/api/v1/users').set('authorization', bearer(second)).expect(200);
    await request(otherUrl).get('/api/v1/me').set('authorization', bearer(person)).expect(200);

    await request(api.url)
      .delete(`/api/v1/users/${second.user.id}/roles/admin`)
      .set('authorization', bearer(admin))
      .expect(200);
    await request(api.url)
      .put(`/api/v1/users/${person.user.id}/disabled`)
      .set('authorization', bearer(admin))
      .expect(200);

    await request(otherUrl).get('/api/v1/users').set('authorization', bearer(second)).expect(403);
    await request(otherUrl).get('/api/v1/me').set('authorization', bearer(person)).expect(401);
  });
});

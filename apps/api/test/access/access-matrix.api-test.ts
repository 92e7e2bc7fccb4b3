import { randomUUID } from 'node:crypto';
import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, TestDatabase } from '@oris/api/database/testing';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@oris/api/identity';
import {
  AppConfig,
  IS_PUBLIC_KEY,
  loadConfig,
  QUEUES,
  redisOptions,
  ROLES_KEY,
} from '@oris/api/platform';
import { ROLES, Role } from '@oris/shared/domain';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app/create-app';
import {
  register,
  Session,
  signInAsNewAdmin,
  signInWithRoles,
} from '../identity/support/identity-client';

/** One route of the running app, with the access metadata its guards read. */
interface Route {
  method: string;
  url: string;
  isPublic: boolean;
  roles: Role[];
}

const label = (route: Pick<Route, 'method' | 'url'>) => `${route.method} ${route.url}`;
const join = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every controller method Nest knows about, with the URL it is served at and its @Public/@Roles metadata. */
function nestRoutes(app: NestFastifyApplication): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!controller) continue;
    const controllerPaths = [
      Reflect.getMetadata(PATH_METADATA, controller) ?? '/',
    ].flat() as string[];
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = controller.prototype[name] as () => unknown;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as
        RequestMethod | undefined;
      if (requestMethod === undefined) continue;
      const version =
        Reflect.getMetadata(VERSION_METADATA, handler) ??
        Reflect.getMetadata(VERSION_METADATA, controller);
      const versions = (
        version === undefined || version === VERSION_NEUTRAL ? [null] : [version].flat()
      ) as (string | null)[];
      const isPublic =
        reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [handler, controller]) ?? false;
      const roles = reflector.getAllAndOverride<Role[]>(ROLES_KEY, [handler, controller]) ?? [];
      const methodPaths = [Reflect.getMetadata(PATH_METADATA, handler) ?? '/'].flat() as string[];
      for (const controllerPath of controllerPaths) {
        for (const methodPath of methodPaths) {
          for (const v of versions) {
            const url = join('api', v === null ? '' : `v${v}`, controllerPath, methodPath);
            routes.push({ method: RequestMethod[requestMethod], url, isPublic, roles });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => label(a).localeCompare(label(b)));
}

/** A concrete URL for a route pattern: ids are fresh UUIDs, so nothing found belongs to anyone. */
const concrete = (url: string) =>
  url.replace(/:(\w+)/g, (_match, name: string) => (name === 'role' ? 'trainer' : randomUUID()));

describe('access matrix: every route of the running app', () => {
  let app: NestFastifyApplication;
  let config: AppConfig;
  let database: TestDatabase;
  let baseUrl: string;
  /** What Fastify actually serves, recorded as routes are registered. */
  const served: { method: string; url: string }[] = [];
  let routes: Route[];
  let admin: Session;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `test-${database.name}`,
    });
    app = await createApp(config);
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) {
          if (method !== 'HEAD' && method !== 'OPTIONS') served.push({ method, url: route.url });
        }
      });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    routes = nestRoutes(app);
    admin = await signInAsNewAdmin({
      app,
      config,
      database,
      url: baseUrl,
      close: async () => undefined,
    });
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
    const queue = new Queue(QUEUES.email, {
      connection: redisOptions(config),
      prefix: config.QUEUE_PREFIX,
    });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    const announcements = new Queue(QUEUES.announcements, {
      connection: redisOptions(config),
      prefix: config.QUEUE_PREFIX,
    });
    await announcements.obliterate({ force: true }).catch(() => undefined);
    await announcements.close();
  });

  const api = () => ({ app, config, database, url: baseUrl, close: async () => undefined });
  const call = (route: Route, authorization?: string) => {
    const pending = request(baseUrl)[route.method.toLowerCase() as 'get'](concrete(route.url));
    if (authorization) pending.set('authorization', authorization);
    return route.method === 'GET' || route.method === 'DELETE' ? pending : pending.send({});
  };

  /** Runs `check` on each route and reports every offender at once, by name. */
  async function offenders(
    selected: Route[],
    check: (route: Route) => Promise<string | null>,
  ): Promise<string[]> {
    const found: string[] = [];
    for (const route of selected) {
      const problem = await check(route);
      if (problem) found.push(`${label(route)}: ${problem}`);
    }
    return found;
  }

  const expectStatus = (expected: number, authorization?: () => string) => async (route: Route) => {
    const response = await call(route, authorization?.());
    if (response.status !== expected)
      return `answered ${response.status} ${JSON.stringify(response.body)}`;
    if (!String(response.headers['content-type']).startsWith('application/problem+json'))
      return 'not problem+json';
    return null;
  };

  /** A token signed with the app's own secret; `undefined` in options removes that default. */
  const sign = (claims: object, options: Record<string, unknown> = {}) => {
    const merged: Record<string, unknown> = {
      secret: config.JWT_SECRET,
      algorithm: 'HS256',
      audience: ACCESS_TOKEN_AUDIENCE,
      issuer: ACCESS_TOKEN_ISSUER,
      expiresIn: 300,
      ...options,
    };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    return new JwtService().sign(
      { sub: admin.user.id, email: admin.email, roles: [...ROLES], ...claims },
      merged,
    );
  };
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const guarded = () => routes.filter((route) => !route.isPublic);

  it('discovers the routes from the running app, and they are exactly what Fastify serves', () => {
    expect(routes.length).toBeGreaterThan(10);
    const fromNest = routes.map(label).sort();
    const fromFastify = served.map(label).sort();
    expect(fromNest).toEqual(fromFastify);
    // Sanity: the admin and self-service routes are among them, and some routes are public.
    expect(fromNest).toEqual(
      expect.arrayContaining(['GET /api/v1/users', 'GET /api/v1/me', 'POST /api/v1/auth/login']),
    );
    expect(routes.some((route) => route.isPublic)).toBe(true);
    expect(guarded().length).toBeGreaterThan(0);
    // The audit trail says who saw whose data: administrators only (the 403 sweep below checks it).
    expect(
      routes.find((route) => label(route) === 'GET /api/v1/admin/audit-events')?.roles,
    ).toEqual(['admin']);
    // Which indexes count for the publications indicator: administrators only (editors read the list).
    expect(routes.find((route) => label(route) === 'PATCH /api/v1/indexes/:code')?.roles).toEqual([
      'admin',
    ]);
    // So is the overview of what needs their attention (counts across the features).
    expect(routes.find((route) => label(route) === 'GET /api/v1/admin/overview')?.roles).toEqual([
      'admin',
    ]);
    // The publications registry: written by editors and administrators; its indicator is for staff.
    expect(routes.find((route) => label(route) === 'POST /api/v1/publications')?.roles).toEqual([
      'observatory_editor',
      'admin',
    ]);
    expect(
      routes.find((route) => label(route) === 'GET /api/v1/indicators/publications')?.roles,
    ).toEqual(['admin', 'observatory_editor', 'partnership_officer', 'placement_officer']);
    // The practice library: written, reviewed and published by editors and administrators; its
    // published sheets, their files and their PDF are public (the drafts answer 404 there).
    for (const route of [
      'POST /api/v1/practices',
      'PATCH /api/v1/practices/:id',
      'POST /api/v1/practices/:id/submit',
      'POST /api/v1/practices/:id/review',
      'POST /api/v1/practices/:id/publish',
      'POST /api/v1/practices/:id/archive',
      'POST /api/v1/practices/:id/reopen',
      'GET /api/v1/practices/:id/comments',
      'POST /api/v1/practices/:id/comments',
      'POST /api/v1/practices/:id/comments/:commentId/resolve',
      'GET /api/v1/practices/:id/versions',
      'GET /api/v1/practices/:id/versions/:number/diff',
      'POST /api/v1/practices/:id/attachments',
      'DELETE /api/v1/practices/:id/attachments/:attachmentId',
    ]) {
      const found = routes.find((candidate) => label(candidate) === route);
      expect({ route, isPublic: found?.isPublic, roles: found?.roles }).toEqual({
        route,
        isPublic: false,
        roles: ['observatory_editor', 'admin'],
      });
    }
    for (const route of [
      'GET /api/v1/practices',
      'GET /api/v1/practices/:id',
      'GET /api/v1/practices/:id/published',
      'GET /api/v1/practices/:id/pdf',
      'GET /api/v1/practices/:id/attachments/:attachmentId',
    ]) {
      expect({
        route,
        isPublic: routes.find((candidate) => label(candidate) === route)?.isPublic,
      }).toEqual({ route, isPublic: true });
    }
    // Targets and frozen reports of the impact indicators: administrators set and freeze them.
    for (const route of [
      'PUT /api/v1/indicators/targets/:indicator/:year',
      'POST /api/v1/reports/:year/freeze',
    ]) {
      expect(routes.find((candidate) => label(candidate) === route)?.roles).toEqual(['admin']);
    }
    expect(routes.find((route) => label(route) === 'GET /api/v1/public/impact')?.isPublic).toBe(
      true,
    );
    // The observatory's search: anyone, signed in or not (it reads only what is public).
    expect(routes.find((route) => label(route) === 'GET /api/v1/search')).toMatchObject({
      isPublic: true,
      roles: [],
    });
    // Announcements: the emailed unsubscribe link is public (its token is the key); the
    // notification centre and the announcements need a signed-in person, any role.
    expect(
      routes.find((route) => label(route) === 'POST /api/v1/announcement-unsubscribe')?.isPublic,
    ).toBe(true);
    for (const route of [
      'GET /api/v1/me/notifications',
      'GET /api/v1/me/notifications/unread-count',
      'POST /api/v1/me/notifications/:id/read',
      'POST /api/v1/me/notifications/read-all',
      'GET /api/v1/sessions/:sessionId/announcements',
      'POST /api/v1/sessions/:sessionId/announcements',
      'PATCH /api/v1/announcements/:id',
      'DELETE /api/v1/announcements/:id',
      'GET /api/v1/me/sessions/:sessionId/announcement-email',
      'PUT /api/v1/me/sessions/:sessionId/announcement-email',
      'GET /api/v1/me/announcement-email-mutes',
    ]) {
      expect(routes.find((candidate) => label(candidate) === route)).toMatchObject({
        isPublic: false,
        roles: [],
      });
    }
    // Module material: written by trainers and administrators (the service then asks for the
    // course's owners); read by signed-in people (the service decides who, 404 otherwise).
    for (const route of [
      'POST /api/v1/modules/:moduleId/material/files',
      'POST /api/v1/modules/:moduleId/material/links',
      'PUT /api/v1/modules/:moduleId/material/order',
      'PATCH /api/v1/material/:id',
      'DELETE /api/v1/material/:id',
      'POST /api/v1/courses/:id/duplicate',
    ]) {
      expect(routes.find((candidate) => label(candidate) === route)?.roles).toEqual([
        'trainer',
        'admin',
      ]);
    }
    expect(
      routes.find((route) => label(route) === 'GET /api/v1/modules/:moduleId/material')?.isPublic,
    ).toBe(false);
    // Deliberately public: media elements fetch it with a signed address (no Authorization
    // header); the reader's right is checked on every request, 404 without one.
    expect(routes.find((route) => label(route) === 'GET /api/v1/material/:id/file')?.isPublic).toBe(
      true,
    );
  });

  it('answers 401 problem+json on every non-public route without a token', async () => {
    expect(await offenders(guarded(), expectStatus(401))).toEqual([]);
  });

  it('answers 401 on every non-public route to a token signed with another secret', async () => {
    const forged = () =>
      `Bearer ${new JwtService().sign(
        { sub: admin.user.id, email: admin.email, roles: [...ROLES] },
        {
          secret: 'an-attacker-secret-that-is-long-enough-0123',
          algorithm: 'HS256',
          audience: ACCESS_TOKEN_AUDIENCE,
          issuer: ACCESS_TOKEN_ISSUER,
          expiresIn: 300,
        },
      )}`;
    expect(await offenders(guarded(), expectStatus(401, forged))).toEqual([]);
  });

  it('answers 401 on every non-public route to an expired token', async () => {
    const expired = () =>
      `Bearer ${sign({ exp: Math.floor(Date.now() / 1000) - 5 }, { expiresIn: undefined })}`;
    expect(await offenders(guarded(), expectStatus(401, expired))).toEqual([]);
  });

  it('answers 401 to unsigned (alg none), wrong-audience, wrong-issuer, other-algorithm and malformed tokens', async () => {
    const tokens = [
      `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: admin.user.id, email: admin.email, roles: ['admin'], aud: ACCESS_TOKEN_AUDIENCE, iss: ACCESS_TOKEN_ISSUER, exp: Math.floor(Date.now() / 1000) + 300 })}.`,
      sign({}, { audience: 'another-api' }),
      sign({}, { issuer: 'someone-else' }),
      sign({}, { algorithm: 'HS512' }),
      sign({}, { expiresIn: undefined, noTimestamp: true }),
      'not-a-jwt',
      admin.accessToken.slice(0, -2) + (admin.accessToken.endsWith('AA') ? 'BB' : 'AA'),
    ];
    const me = guarded().find(
      (route) => route.url === '/api/v1/me' && route.method === 'GET',
    ) as Route;
    for (const token of tokens) {
      expect(
        await offenders(
          [me],
          expectStatus(401, () => `Bearer ${token}`),
        ),
      ).toEqual([]);
    }
    // The same admin's real token is accepted: the refusals above are about the tokens.
    await request(baseUrl)
      .get('/api/v1/me')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
  });

  it('answers 403 on every @Roles route to a signed-in person holding every other role', async () => {
    const restricted = guarded().filter(
      (route) => route.roles.length > 0 && route.roles.length < ROLES.length,
    );
    expect(restricted.length).toBeGreaterThan(0);
    const sessions = new Map<string, Session>();
    const lacking = async (route: Route) => {
      const others = ROLES.filter((role) => !route.roles.includes(role));
      const key = others.join(',');
      if (!sessions.has(key)) sessions.set(key, await signInWithRoles(api(), admin, others));
      return `Bearer ${(sessions.get(key) as Session).accessToken}`;
    };
    const found: string[] = [];
    for (const route of restricted) {
      const authorization = await lacking(route);
      const problem = await expectStatus(403, () => authorization)(route);
      if (problem) found.push(`${label(route)}: ${problem}`);
    }
    expect(found).toEqual([]);
  });

  it('lets a token holding a required role through the guards on every non-public route', async () => {
    const everyRole = await signInWithRoles(api(), admin, [...ROLES]);
    const check = async (route: Route) => {
      const response = await call(route, `Bearer ${everyRole.accessToken}`);
      if (response.status === 401) return 'refused a valid token';
      if (response.status === 403 && /^This requires the role/.test(response.body.detail ?? ''))
        return 'refused a holder of the role';
      if (response.status >= 500) return `answered ${response.status}`;
      return null;
    };
    expect(await offenders(guarded(), check)).toEqual([]);
  });

  describe('not yours', () => {
    it('a trainee cannot read another person through /v1/users/:id, nor its own', async () => {
      const trainee = await register(api());
      const other = await register(api());
      for (const id of [other.user.id, trainee.user.id]) {
        const response = await request(baseUrl)
          .get(`/api/v1/users/${id}`)
          .auth(trainee.accessToken, { type: 'bearer' })
          .expect(403);
        expect(response.body).not.toHaveProperty('email');
      }
    });

    it('a trainee cannot grant itself a role, nor list people', async () => {
      const trainee = await register(api());
      await request(baseUrl)
        .put(`/api/v1/users/${trainee.user.id}/roles/admin`)
        .auth(trainee.accessToken, { type: 'bearer' })
        .expect(403);
      await request(baseUrl)
        .get('/api/v1/users')
        .auth(trainee.accessToken, { type: 'bearer' })
        .expect(403);
      const me = await request(baseUrl)
        .get('/api/v1/me')
        .auth(trainee.accessToken, { type: 'bearer' })
        .expect(200);
      expect(me.body.roles).toEqual(['trainee']);
    });

    it('GET /v1/me answers only the token holder, whoever else exists', async () => {
      const first = await register(api());
      const second = await register(api());
      const response = await request(baseUrl)
        .get('/api/v1/me')
        .auth(second.accessToken, { type: 'bearer' })
        .expect(200);
      expect(response.body.id).toBe(second.user.id);
      expect(response.body.id).not.toBe(first.user.id);
    });

    it('POST /v1/me/consents changes only the token holder’s consent', async () => {
      const first = await register(api());
      const second = await register(api());
      await request(baseUrl)
        .post('/api/v1/me/consents')
        .auth(second.accessToken, { type: 'bearer' })
        .send({ followupTracking: false })
        .expect(200);
      // A smuggled person id is refused, not obeyed.
      await request(baseUrl)
        .post('/api/v1/me/consents')
        .auth(second.accessToken, { type: 'bearer' })
        .send({ followupTracking: false, userId: first.user.id })
        .expect(400);
      const firstConsent = await request(baseUrl)
        .get('/api/v1/me/consents')
        .auth(first.accessToken, { type: 'bearer' })
        .expect(200);
      expect(firstConsent.body.status.followupTracking).toBe(true);
      expect(firstConsent.body.history).toHaveLength(1);
    });

    it('a rectification request is the asker’s and the officers’: 404 to other trainees, 403 on the queue', async () => {
      const asker = await register(api());
      const other = await register(api());
      const created = await request(baseUrl)
        .post('/api/v1/me/rectification-requests')
        .auth(asker.accessToken, { type: 'bearer' })
        .send({ message: 'Ma situation est mal enregistrée.' })
        .expect(201);
      const id = created.body.id as string;
      await request(baseUrl)
        .get(`/api/v1/rectification-requests/${id}`)
        .auth(other.accessToken, { type: 'bearer' })
        .expect(404);
      await request(baseUrl)
        .get(`/api/v1/rectification-requests/${id}`)
        .auth(asker.accessToken, { type: 'bearer' })
        .expect(200);
      await request(baseUrl)
        .post(`/api/v1/rectification-requests/${id}/resolve`)
        .auth(asker.accessToken, { type: 'bearer' })
        .send({ answer: 'Je me réponds à moi-même.' })
        .expect(403);
      const mine = await request(baseUrl)
        .get('/api/v1/me/rectification-requests')
        .auth(other.accessToken, { type: 'bearer' })
        .expect(200);
      expect(mine.body).toEqual([]);
      const officer = await signInWithRoles(api(), admin, ['placement_officer']);
      await request(baseUrl)
        .get(`/api/v1/rectification-requests/${id}`)
        .auth(officer.accessToken, { type: 'bearer' })
        .expect(200);
    });

    it('GET /v1/me/export holds only the token holder’s data, whoever else exists', async () => {
      const first = await register(api());
      const second = await register(api());
      const response = await request(baseUrl)
        .get('/api/v1/me/export')
        .auth(second.accessToken, { type: 'bearer' })
        .expect(200);
      expect(response.body.profile.id).toBe(second.user.id);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(first.user.id);
      expect(text).not.toContain(first.email);
    });

    it('POST /v1/me/erasure erases only the token holder, and a trainee cannot erase anyone else', async () => {
      const first = await register(api());
      const second = await register(api());
      await request(baseUrl)
        .post(`/api/v1/users/${first.user.id}/erasure`)
        .auth(second.accessToken, { type: 'bearer' })
        .expect(403);
      await request(baseUrl)
        .post('/api/v1/me/erasure')
        .auth(second.accessToken, { type: 'bearer' })
        .send({ currentPassword: second.password })
        .expect(204);
      const erased: { id: string; erased: boolean }[] = await app
        .get(DataSource)
        .query(
          `SELECT id, erased_at IS NOT NULL AS erased FROM users WHERE id = ANY($1) ORDER BY email`,
          [[first.user.id, second.user.id]],
        );
      expect(Object.fromEntries(erased.map((row) => [row.id, row.erased]))).toEqual({
        [first.user.id]: false,
        [second.user.id]: true,
      });
      await request(baseUrl)
        .get('/api/v1/me')
        .auth(first.accessToken, { type: 'bearer' })
        .expect(200);
    });
  });
});

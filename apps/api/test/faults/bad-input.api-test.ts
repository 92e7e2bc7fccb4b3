import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { MAX_JSON_DEPTH, MAX_URL_LENGTH } from '@oris/api/platform';
import { ROLES } from '@oris/shared/domain';
import request from 'supertest';
import {
  Session,
  signInAsNewAdmin,
  signInWithRoles,
  uniqueIp,
} from '../identity/support/identity-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** JSON nested `levels` deep: 5,000 levels is a 30 KB body. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
/** A lone high surrogate, as the JSON escape a client would send. */
const LONE_SURROGATE_EMAIL = '"amine\\ud800@example.ma"';
const CONTROL_CHARACTERS = '\u0000\u0001\u0007\u001b[31m\r\n\u202e\u2028';

interface SchemaObject {
  type?: string;
  $ref?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  allOf?: SchemaObject[];
}

interface BodyRoute {
  method: string;
  path: string;
  schema: SchemaObject | undefined;
}

const openapi = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema?: SchemaObject }> } }>
  >;
  components: { schemas: Record<string, SchemaObject> };
};

const resolve = (schema: SchemaObject | undefined): SchemaObject | undefined => {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(openapi.components.schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf) return resolve(schema.allOf[0]);
  return schema;
};

/** Every route of the committed OpenAPI document that takes a body. */
const BODY_ROUTES: BodyRoute[] = Object.entries(openapi.paths).flatMap(([path, operations]) =>
  Object.entries(operations)
    .filter(([, operation]) => operation.requestBody)
    .map(([method, operation]) => ({
      method,
      path,
      schema: resolve(operation.requestBody?.content['application/json']?.schema),
    })),
);

/** A value of the wrong JSON type for a property of this schema. */
function wrongType(schema: SchemaObject | undefined): unknown {
  switch (resolve(schema)?.type) {
    case 'string':
      return { $gt: '' };
    case 'integer':
    case 'number':
      return '12abc';
    case 'boolean':
      return 'yes';
    case 'array':
      return { 0: 'x' };
    case 'object':
      return ['x'];
    default:
      return 12;
  }
}

/** The bodies every route must refuse or handle without a 5xx, by name. */
function hostileBodies(route: BodyRoute): [name: string, body: string][] {
  const properties = Object.entries(resolve(route.schema)?.properties ?? {});
  const everyProperty = (value: (schema: SchemaObject) => unknown) =>
    JSON.stringify(Object.fromEntries(properties.map(([name, schema]) => [name, value(schema)])));
  return [
    ['malformed JSON', '{"a": [1, 2'],
    ['5,000 levels of nesting', nested(5_000)],
    [`${MAX_JSON_DEPTH + 1} levels of nesting`, nested(MAX_JSON_DEPTH + 1)],
    ['an array of 10,000 numbers', JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i))],
    ['a body over the 1 MiB limit', JSON.stringify({ a: 'x'.repeat(1_100_000) })],
    ['null', 'null'],
    ['a string', '"text"'],
    ['a prototype-pollution attempt', '{"__proto__": {"isAdmin": true}}'],
    ['every field of the wrong type', everyProperty(wrongType)],
    ['every field null', everyProperty(() => null)],
    ['every field a 20,000-character string', everyProperty(() => 'x'.repeat(20_000))],
    ['every field with control characters', everyProperty(() => CONTROL_CHARACTERS)],
    [
      'every field a lone surrogate',
      `{${properties.map(([name]) => `"${name}": "x\\udc00y"`).join(',')}}`,
    ],
    ['every field deeply nested', everyProperty(() => JSON.parse(nested(MAX_JSON_DEPTH - 2)))],
    ...properties.map(([name, schema]): [string, string] => [
      `only ${name}, of the wrong type`,
      JSON.stringify({ [name]: wrongType(schema) }),
    ]),
  ];
}

/** The route's URL with every path parameter set to `value`. */
const withParameters = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

describe('bad input: a 4xx problem+json, never a 5xx', () => {
  let api: TestApp;
  /** Holds every role, so that role guards let each request reach body validation. */
  let everyRole: Session;

  beforeAll(async () => {
    api = await startTestApp();
    const admin = await signInAsNewAdmin(api);
    everyRole = await signInWithRoles(api, admin, [...ROLES]);
  });

  afterAll(() => api.close());

  function send(method: string, url: string, body: string) {
    return request(api.url)
      [method as 'post'](url)
      .auth(everyRole.accessToken, { type: 'bearer' })
      .set('x-forwarded-for', uniqueIp())
      .set('content-type', 'application/json')
      .send(body);
  }

  function expectProblem(response: request.Response, status: number) {
    expect({ status: response.status, body: response.body }).toMatchObject({
      status,
      body: { status },
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  }

  it('finds the body routes in the OpenAPI document', () => {
    expect(BODY_ROUTES.length).toBeGreaterThanOrEqual(20);
    expect(BODY_ROUTES).toContainEqual(
      expect.objectContaining({ method: 'post', path: '/api/v1/auth/login' }),
    );
  });

  it.each(BODY_ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route]))(
    '%s answers hostile bodies with 4xx problems',
    async (_label, route) => {
      const known = withParameters(route.path, randomUUID());
      const notAnId = withParameters(route.path, 'not-an-id');
      const cases: [url: string, name: string, body: string][] = [
        ...hostileBodies(route).map(([name, body]): [string, string, string] => [
          known,
          name,
          body,
        ]),
        ...(notAnId === known
          ? []
          : [[notAnId, 'an empty object', '{}'] as [string, string, string]]),
      ];
      const failures: string[] = [];
      await Promise.all(
        cases.map(async ([url, name, body]) => {
          const response = await send(route.method, url, body);
          const isProblem = /^application\/problem\+json/.test(
            response.headers['content-type'] ?? '',
          );
          if (response.status >= 500 || (response.status >= 400 && !isProblem))
            failures.push(`${name} at ${url}: ${response.status} ${response.text.slice(0, 200)}`);
        }),
      );
      expect(failures).toEqual([]);
    },
  );

  it.each([
    ['register', '/api/v1/auth/register'],
    ['login', '/api/v1/auth/login'],
    ['PATCH /me', '/api/v1/me'],
    ['course creation', '/api/v1/courses'],
  ])('%s refuses 5,000 levels of nesting (30 KB) as a 400 problem', async (_name, url) => {
    const method = url === '/api/v1/me' ? 'patch' : 'post';
    const response = await send(method, url, nested(5_000));
    expectProblem(response, 400);
    expect(response.body.detail).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it.each([
    [
      'login',
      '/api/v1/auth/login',
      `{"email": ${LONE_SURROGATE_EMAIL}, "password": "whatever-123"}`,
    ],
    [
      'register',
      '/api/v1/auth/register',
      `{"email": ${LONE_SURROGATE_EMAIL}, "password": "cedre-atlas-2026!", "fullName": "Amine",` +
        ' "gender": "male", "birthYear": 1990, "regionCode": "MA-01", "consent": true}',
    ],
    ['forgot-password', '/api/v1/auth/password/forgot', `{"email": ${LONE_SURROGATE_EMAIL}}`],
  ])(
    '%s refuses an email with a lone UTF-16 surrogate as a 400 problem',
    async (_name, url, body) => {
      const response = await send('post', url, body);
      expectProblem(response, 400);
    },
  );

  it('accepts a correctly paired surrogate (an emoji) where text is free', async () => {
    const response = await send('patch', '/api/v1/me', '{"fullName": "Amine \\ud83d\\ude00"}');
    expect(response.status).toBe(200);
    expect(response.body.fullName).toBe('Amine 😀');
  });

  it(`answers a URL over ${MAX_URL_LENGTH} characters with a 414 problem`, async () => {
    const response = await request(api.url).get(
      `/api/v1/courses?search=${'a'.repeat(MAX_URL_LENGTH)}`,
    );
    expectProblem(response, 414);
  });

  /** Node refuses these before any route: the answer is written on the raw socket. */
  function rawRequest(path: string, headers: Record<string, string>) {
    return new Promise<{ status: number; contentType: string; body: string }>(
      (resolvePromise, reject) => {
        const { port } = new URL(api.url);
        const outgoing = httpRequest(
          { host: '127.0.0.1', port: Number(port), path, headers },
          (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () =>
              resolvePromise({
                status: response.statusCode ?? 0,
                contentType: String(response.headers['content-type']),
                body,
              }),
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end();
      },
    );
  }

  it('answers oversized headers with a 431 problem', async () => {
    const response = await rawRequest('/api/v1/courses', { 'x-padding': 'a'.repeat(20_000) });
    expect(response.status).toBe(431);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });

  it('answers a URL longer than the whole header limit with a 431 problem', async () => {
    const response = await rawRequest(`/api/v1/courses?search=${'a'.repeat(20_000)}`, {});
    expect(response.status).toBe(431);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
  });
});

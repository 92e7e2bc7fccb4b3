import request from 'supertest';
import type { TestApp } from '../support/test-app';
import { register, registration, Session, uniqueIp } from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

type Case = [name: string, body: unknown, fields: string[]];

const long = (length: number) => 'a'.repeat(length);

describe('bad input on register, login and profile: 400 problem+json naming the fields, never 500', () => {
  let api: TestApp;
  let person: Session;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    person = await register(api);
  });

  afterAll(() => api.close());

  async function expectFieldErrors(send: () => request.Test, fields: string[]) {
    const response = await send();
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      code: 'validation',
      type: 'urn:oris:problem:validation',
    });
    expect(response.body.errors).toEqual(
      expect.arrayContaining(fields.map((field) => ({ field, message: expect.any(String) }))),
    );
    const named = new Set(response.body.errors.map((error: { field: string }) => error.field));
    expect([...named].sort()).toEqual([...new Set(fields)].sort());
  }

  const registerCases: Case[] = [
    ['an unknown field (mass assignment of a role)', registration({ roles: ['admin'] }), ['roles']],
    [
      'an unknown field (an id)',
      registration({ id: '00000000-0000-4000-8000-000000000000' }),
      ['id'],
    ],
    ['a birth year as a string', registration({ birthYear: '1996' }), ['birthYear']],
    [
      'a birth year too recent for a trainee',
      registration({ birthYear: new Date().getUTCFullYear() - 10 }),
      ['birthYear'],
    ],
    ['a birth year before 1930', registration({ birthYear: 1929 }), ['birthYear']],
    ['a fractional birth year', registration({ birthYear: 1990.5 }), ['birthYear']],
    ['an email that is not one', registration({ email: 'amine.tazi' }), ['email']],
    ['an email as an object', registration({ email: { $ne: '' } }), ['email']],
    ['an email of 255 characters', registration({ email: `${long(243)}@example.ma` }), ['email']],
    ['a full name of 121 characters', registration({ fullName: long(121) }), ['fullName']],
    [
      'an Arabic name of 121 characters',
      registration({ fullNameAr: 'ع'.repeat(121) }),
      ['fullNameAr'],
    ],
    ['a blank full name', registration({ fullName: '   ' }), ['fullName']],
    [
      'a full name with a line break (header injection)',
      registration({ fullName: 'Amine\r\nBcc: x@y.z' }),
      ['fullName'],
    ],
    ['a password of 129 characters', registration({ password: long(129) }), ['password']],
    ['a password as a number', registration({ password: 12345678901 }), ['password']],
    ['a gender outside the vocabulary', registration({ gender: 'other' }), ['gender']],
    ['a locale outside the vocabulary', registration({ locale: 'es' }), ['locale']],
    ['a region as a number', registration({ regionCode: 4 }), ['regionCode']],
    ['consent as a string', registration({ consent: 'yes' }), ['consent']],
    [
      'nothing at all',
      {},
      ['email', 'password', 'fullName', 'gender', 'birthYear', 'regionCode', 'consent'],
    ],
  ];

  it.each(registerCases)('register refuses %s', async (_name, body, fields) => {
    await expectFieldErrors(
      () =>
        request(api.url)
          .post('/api/v1/auth/register')
          .set('x-forwarded-for', uniqueIp())
          .send(body as object),
      fields,
    );
  });

  const loginCases: Case[] = [
    [
      'an unknown field',
      { email: 'a@example.ma', password: 'whatever-123', remember: true },
      ['remember'],
    ],
    ['a password as an array', { email: 'a@example.ma', password: ['x'] }, ['password']],
    [
      'an email of 255 characters',
      { email: `${long(243)}@example.ma`, password: 'whatever-123' },
      ['email'],
    ],
    ['a password of 129 characters', { email: 'a@example.ma', password: long(129) }, ['password']],
    [
      'an operator object instead of a password',
      { email: 'a@example.ma', password: { $gt: '' } },
      ['password'],
    ],
    ['an empty password', { email: 'a@example.ma', password: '' }, ['password']],
  ];

  it.each(loginCases)('login refuses %s', async (_name, body, fields) => {
    await expectFieldErrors(
      () =>
        request(api.url)
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', uniqueIp())
          .send(body as object),
      fields,
    );
  });

  const patchCases: Case[] = [
    ['a role (mass assignment)', { roles: ['admin'] }, ['roles']],
    ['an email change', { email: 'new@example.ma' }, ['email']],
    ['a null full name', { fullName: null }, ['fullName']],
    ['a full name of 121 characters', { fullName: long(121) }, ['fullName']],
    ['a birth year as a string', { birthYear: '1990' }, ['birthYear']],
    ['a null gender', { gender: null }, ['gender']],
    ['an unknown region', { regionCode: 'MA-00' }, ['regionCode']],
    ['a locale outside the vocabulary', { locale: 'de' }, ['locale']],
    ['a disabled date', { disabledAt: null }, ['disabledAt']],
  ];

  it.each(patchCases)('PATCH /me refuses %s', async (_name, body, fields) => {
    await expectFieldErrors(
      () =>
        request(api.url)
          .patch('/api/v1/me')
          .auth(person.accessToken, { type: 'bearer' })
          .send(body as object),
      fields,
    );
  });

  it.each([
    ['register', 'post', '/api/v1/auth/register'],
    ['login', 'post', '/api/v1/auth/login'],
    ['PATCH /me', 'patch', '/api/v1/me'],
  ] as const)(
    '%s answers malformed JSON with a 400 problem, never a 500',
    async (_name, method, url) => {
      const response = await request(api.url)
        [method](url)
        .auth(person.accessToken, { type: 'bearer' })
        .set('x-forwarded-for', uniqueIp())
        .set('content-type', 'application/json')
        .send('{"email": "a@b.ma", ');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400 });
    },
  );

  it.each([
    ['a JSON array', '[{"email":"a@b.ma"}]'],
    ['a JSON string', '"a@b.ma"'],
    ['JSON null', 'null'],
    [
      'a prototype-pollution attempt',
      '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}',
    ],
  ])('login answers %s with 400, never 500', async (_name, raw) => {
    const response = await request(api.url)
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', uniqueIp())
      .set('content-type', 'application/json')
      .send(raw);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('does not change the profile when any field is invalid', async () => {
    await request(api.url)
      .patch('/api/v1/me')
      .auth(person.accessToken, { type: 'bearer' })
      .send({ fullName: 'Changed Name', birthYear: 'nope' })
      .expect(400);
    const me = await request(api.url)
      .get('/api/v1/me')
      .auth(person.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body.fullName).toBe('Fatima Zahra Alaoui');
  });
});

import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { unwrap, type UserDto } from '@oris/shared/api-client';
import { API_FETCH } from '../api/api.tokens';
import { ORIS_API } from '../api/oris-api';
import { AuthSession, SESSION_HINT_COOKIE } from './auth-session';

const user: UserDto = {
  id: 'u1',
  email: 'salma@oris.example',
  fullName: 'Salma Idrissi',
  fullNameAr: null,
  gender: 'female',
  birthYear: 1994,
  regionCode: 'MA-01',
  phone: null,
  locale: 'fr',
  roles: ['trainee'],
  createdAt: '2026-01-01T00:00:00Z',
  disabledAt: null,
  erasedAt: null,
  emailConfirmedAt: '2026-01-01T00:00:00Z',
};

type Route = (request: Request) => Response | Promise<Response>;

function setup(routes: Record<string, Route>) {
  const calls: string[] = [];
  const fetch = jest.fn(async (request: Request) => {
    const key = `${request.method} ${new URL(request.url).pathname}`;
    calls.push(key);
    const route = routes[key];
    return route ? route(request) : new Response(null, { status: 404 });
  });
  TestBed.configureTestingModule({
    imports: [TranslocoTestingModule.forRoot({ langs: { fr: {} } })],
    providers: [{ provide: API_FETCH, useValue: fetch }],
  });
  return { session: TestBed.inject(AuthSession), calls, fetch };
}

const issued = (accessToken: string) => () => Response.json({ accessToken, expiresIn: 900, user });
const unauthorized = () => Response.json({ title: 'Unauthorized', status: 401 }, { status: 401 });

describe('AuthSession', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    document.cookie = `${SESSION_HINT_COOKIE}=; Path=/; Max-Age=0`;
  });

  it('restores the session from the refresh cookie at start-up', async () => {
    document.cookie = `${SESSION_HINT_COOKIE}=1; Path=/`;
    const { session } = setup({ 'POST /api/v1/auth/refresh': issued('token-1') });

    await session.restore();

    expect(session.isSignedIn()).toBe(true);
    expect(session.user()?.email).toBe('salma@oris.example');
    expect(session.accessToken()).toBe('token-1');
  });

  it('stays signed out when there is no refresh cookie, and forgets that it had one', async () => {
    document.cookie = `${SESSION_HINT_COOKIE}=1; Path=/`;
    const { session } = setup({ 'POST /api/v1/auth/refresh': unauthorized });

    await session.restore();

    expect(session.isSignedIn()).toBe(false);
    expect(session.accessToken()).toBeNull();
    expect(document.cookie).not.toContain(SESSION_HINT_COOKIE);
  });

  it('asks nothing at start-up in a browser that has not signed in', async () => {
    const { session, calls } = setup({ 'POST /api/v1/auth/refresh': issued('token-1') });

    await session.restore();

    expect(calls).toEqual([]);
    expect(session.isSignedIn()).toBe(false);
  });

  it("answers a visitor's API call's 401 without asking for a refresh that could only fail", async () => {
    const { calls } = setup({ 'GET /api/v1/me': unauthorized });

    await expect(unwrap(TestBed.inject(ORIS_API).GET('/api/v1/me'))).rejects.toMatchObject({
      status: 401,
    });

    expect(calls).toEqual(['GET /api/v1/me']);
  });

  it('marks the browser as signed in until signing out', async () => {
    const { session } = setup({ 'POST /api/v1/auth/login': issued('token-1') });

    await session.signIn({ email: user.email, password: 'correct horse battery' });
    expect(document.cookie).toContain(`${SESSION_HINT_COOKIE}=1`);

    await session.signOut();
    expect(document.cookie).not.toContain(SESSION_HINT_COOKIE);
  });

  it('keeps the access token in memory only, never in storage or cookies', async () => {
    const { session } = setup({ 'POST /api/v1/auth/login': issued('secret-access-token') });

    await session.signIn({ email: user.email, password: 'correct horse battery' });

    expect(session.accessToken()).toBe('secret-access-token');
    const stored = [
      ...Object.keys(localStorage).map((key) => localStorage.getItem(key)),
      ...Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)),
      document.cookie,
    ].join('\n');
    expect(stored).not.toContain('secret-access-token');
  });

  it('shares one refresh request between concurrent callers', async () => {
    document.cookie = `${SESSION_HINT_COOKIE}=1; Path=/`;
    const { session, calls } = setup({ 'POST /api/v1/auth/refresh': issued('token-2') });

    const tokens = await Promise.all([session.refresh(), session.refresh(), session.refresh()]);

    expect(tokens).toEqual(['token-2', 'token-2', 'token-2']);
    expect(calls.filter((call) => call === 'POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  it('refreshes an expired token once and retries the API call with the new one', async () => {
    const { session, calls } = setup({
      'POST /api/v1/auth/login': issued('expired'),
      'POST /api/v1/auth/refresh': issued('renewed'),
      'GET /api/v1/me': (request) =>
        request.headers.get('Authorization') === 'Bearer renewed'
          ? Response.json(user)
          : unauthorized(),
    });
    await session.signIn({ email: user.email, password: 'correct horse battery' });

    const me = await unwrap(TestBed.inject(ORIS_API).GET('/api/v1/me'));

    expect(me.id).toBe('u1');
    expect(calls).toEqual([
      'POST /api/v1/auth/login',
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
    expect(session.accessToken()).toBe('renewed');
  });

  it('ends the session when the refresh cookie is no longer accepted', async () => {
    const { session } = setup({
      'POST /api/v1/auth/login': issued('expired'),
      'POST /api/v1/auth/refresh': unauthorized,
      'GET /api/v1/me': unauthorized,
    });
    await session.signIn({ email: user.email, password: 'correct horse battery' });

    await expect(unwrap(TestBed.inject(ORIS_API).GET('/api/v1/me'))).rejects.toMatchObject({
      status: 401,
    });
    expect(session.isSignedIn()).toBe(false);
  });

  it('stays signed in when a refresh fails because the API is briefly unavailable', async () => {
    const { session } = setup({
      'POST /api/v1/auth/login': issued('expired'),
      'POST /api/v1/auth/refresh': () =>
        Response.json(
          { title: 'Service unavailable', status: 503, code: 'unavailable' },
          { status: 503, headers: { 'retry-after': '5' } },
        ),
      'GET /api/v1/me': unauthorized,
    });
    await session.signIn({ email: user.email, password: 'correct horse battery' });

    await expect(unwrap(TestBed.inject(ORIS_API).GET('/api/v1/me'))).rejects.toMatchObject({
      status: 401,
    });
    expect(session.isSignedIn()).toBe(true);
    expect(session.user()).toEqual(user);
  });

  it('signs out locally and asks the API to revoke the refresh cookie', async () => {
    const { session, calls } = setup({
      'POST /api/v1/auth/login': issued('token-3'),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    await session.signIn({ email: user.email, password: 'correct horse battery' });

    await session.signOut();

    expect(session.isSignedIn()).toBe(false);
    expect(session.accessToken()).toBeNull();
    expect(calls).toContain('POST /api/v1/auth/logout');
  });

  it('checks roles against the signed-in person', async () => {
    const { session } = setup({
      'POST /api/v1/auth/login': () =>
        Response.json({
          accessToken: 't',
          expiresIn: 900,
          user: { ...user, roles: ['trainer', 'admin'] },
        }),
    });

    expect(session.hasAnyRole(['admin'])).toBe(false);
    await session.signIn({ email: user.email, password: 'correct horse battery' });

    expect(session.hasAnyRole(['admin'])).toBe(true);
    expect(session.hasAnyRole(['placement_officer'])).toBe(false);
  });
});

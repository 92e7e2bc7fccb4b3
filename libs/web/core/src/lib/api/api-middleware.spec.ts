import { createOrisApiClient } from '@oris/shared/api-client';
import { bearerWithRefresh, requestDefaults } from './api-middleware';

const user = {
  id: 'u1',
  email: 'a@b.c',
  fullName: 'A',
  fullNameAr: null,
  gender: 'female',
  birthYear: 1990,
  regionCode: 'MA-01',
  locale: 'fr',
  roles: ['trainee'],
  createdAt: '2026-01-01T00:00:00Z',
};

function setup(options: { validToken: string; refreshTo: string | null }) {
  let token: string | null = 'expired';
  const sentTokens: (string | null)[] = [];
  const refresh = jest.fn(async () => {
    token = options.refreshTo;
    return token;
  });
  const fetch = jest.fn(async (request: Request) => {
    const bearer = request.headers.get('Authorization')?.replace('Bearer ', '') ?? null;
    sentTokens.push(bearer);
    return bearer === options.validToken
      ? Response.json(user)
      : Response.json({ title: 'Unauthorized', status: 401 }, { status: 401 });
  });
  const client = createOrisApiClient({
    baseUrl: 'http://app.test',
    fetch,
    middleware: [
      requestDefaults(() => 'ar'),
      bearerWithRefresh({ accessToken: () => token, refreshAccessToken: refresh, fetch }),
    ],
  });
  return { client, refresh, fetch, sentTokens };
}

describe('bearerWithRefresh', () => {
  it('refreshes once after a 401 and replays the request with the new token', async () => {
    const { client, refresh, sentTokens } = setup({ validToken: 'fresh', refreshTo: 'fresh' });

    const { data, response } = await client.GET('/api/v1/me');

    expect(response.status).toBe(200);
    expect(data?.id).toBe('u1');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(sentTokens).toEqual(['expired', 'fresh']);
  });

  it('replays a request body unchanged', async () => {
    const bodies: string[] = [];
    let token = 'old';
    const fetch = async (request: Request) => {
      bodies.push(await request.text());
      return request.headers.get('Authorization') === 'Bearer new'
        ? Response.json(user)
        : new Response(null, { status: 401 });
    };
    const client = createOrisApiClient({
      baseUrl: 'http://app.test',
      fetch,
      middleware: [
        bearerWithRefresh({
          accessToken: () => token,
          refreshAccessToken: async () => (token = 'new'),
          fetch,
        }),
      ],
    });

    await client.PATCH('/api/v1/me', { body: { fullName: 'Salma Idrissi' } });

    expect(bodies).toEqual([
      JSON.stringify({ fullName: 'Salma Idrissi' }),
      JSON.stringify({ fullName: 'Salma Idrissi' }),
    ]);
  });

  it('retries only once: a second 401 is returned to the caller', async () => {
    const { client, refresh, fetch } = setup({ validToken: 'never', refreshTo: 'still-bad' });

    const { error, response } = await client.GET('/api/v1/me');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ title: 'Unauthorized' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives up without replaying when the session cannot be refreshed', async () => {
    const { client, fetch } = setup({ validToken: 'fresh', refreshTo: null });

    const { response } = await client.GET('/api/v1/me');

    expect(response.status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never retries the auth routes themselves', async () => {
    const { client, refresh } = setup({ validToken: 'fresh', refreshTo: 'fresh' });

    const { response } = await client.POST('/api/v1/auth/login', {
      body: { email: 'a@b.c', password: 'wrong-password' },
    });

    expect(response.status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('sends the interface language, and asks for cookies on the auth routes only', async () => {
    const { client, fetch } = setup({ validToken: 'expired', refreshTo: null });

    await client.GET('/api/v1/me');
    await client.POST('/api/v1/auth/refresh');

    const [read, refresh] = fetch.mock.calls.map(([request]) => request);
    expect(read.headers.get('Accept-Language')).toBe('ar');
    // fetch's default: the API's origin is the page's, so its cookies still go with it, and
    // Angular's transfer cache takes the read (it skips requests asking for credentials).
    expect(read.credentials).toBe('same-origin');
    expect(refresh.url).toBe('http://app.test/api/v1/auth/refresh');
    expect(refresh.headers.get('Accept-Language')).toBe('ar');
    expect(refresh.credentials).toBe('include');
  });
});

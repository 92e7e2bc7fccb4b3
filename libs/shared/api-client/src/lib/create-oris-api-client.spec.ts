import { createOrisApiClient } from './create-oris-api-client';

describe('createOrisApiClient', () => {
  it('resolves typed paths against the base URL with the given fetch', async () => {
    const seen: Request[] = [];
    const client = createOrisApiClient({
      baseUrl: 'http://api.test',
      fetch: async (request) => {
        seen.push(request);
        return Response.json([{ code: 'MA-01', nameFr: 'a', nameAr: 'b', nameEn: 'c' }]);
      },
    });

    const { data } = await client.GET('/api/v1/regions');

    expect(seen[0].url).toBe('http://api.test/api/v1/regions');
    expect(data?.[0].code).toBe('MA-01');
  });

  it('runs the given middleware on every request', async () => {
    const client = createOrisApiClient({
      baseUrl: 'http://api.test',
      fetch: async (request) => Response.json({ lang: request.headers.get('Accept-Language') }),
      middleware: [
        {
          onRequest: ({ request }) => {
            request.headers.set('Accept-Language', 'ar');
            return request;
          },
        },
      ],
    });

    const { data } = await client.GET('/api/v1/regions');

    expect(data).toEqual({ lang: 'ar' });
  });
});

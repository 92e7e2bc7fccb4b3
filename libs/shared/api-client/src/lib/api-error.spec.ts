import { ApiError, toApiError, unwrap } from './api-error';

describe('toApiError', () => {
  it('keeps title, detail and field errors from a problem+json body', () => {
    const error = toApiError(400, {
      type: 'about:blank',
      title: 'Invalid input',
      status: 400,
      detail: 'Some fields are invalid',
      errors: [
        { field: 'email', message: 'email must be an email' },
        { field: 'password', message: 'too short' },
        { field: 'email', message: 'already used' },
      ],
    });

    expect(error.kind).toBe('validation');
    expect(error.title).toBe('Invalid input');
    expect(error.detail).toBe('Some fields are invalid');
    expect(error.messagesFor('email')).toEqual(['email must be an email', 'already used']);
    expect(error.messagesFor('fullName')).toEqual([]);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
  ])('classifies status %i as %s', (status, kind) => {
    expect(toApiError(status, { title: 'x' }).kind).toBe(kind);
  });

  it('tolerates bodies that are not problem documents', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');

    expect(error.kind).toBe('server');
    expect(error.title).toBeUndefined();
    expect(error.fieldErrors).toEqual([]);
  });

  it('drops malformed field errors instead of failing', () => {
    const error = toApiError(400, {
      errors: [{ field: 'email' }, null, { field: 'a', message: 'b' }],
    });

    expect(error.fieldErrors).toEqual([{ field: 'a', message: 'b' }]);
  });
});

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    await expect(
      unwrap(Promise.resolve({ data: { ok: 1 }, response: new Response(null, { status: 200 }) })),
    ).resolves.toEqual({ ok: 1 });
  });

  it('throws an ApiError carrying the problem of a failed call', async () => {
    const call = Promise.resolve({
      error: { title: 'Too Many Requests', status: 429 },
      response: new Response(null, { status: 429 }),
    });

    await expect(unwrap(call)).rejects.toMatchObject({ status: 429, kind: 'rate-limited' });
  });

  it('turns a transport failure into a network ApiError', async () => {
    const error = await unwrap(Promise.reject(new TypeError('Failed to fetch'))).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('network');
    expect((error as ApiError).status).toBe(0);
  });
});

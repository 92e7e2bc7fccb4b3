import type { ComponentFixture } from '@angular/core/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

/** The API answers through real promises, which the fixture does not wait for by itself. */
export async function settle(
  target: RouterTestingHarness | ComponentFixture<unknown>,
): Promise<void> {
  const fixture = 'fixture' in target ? target.fixture : target;
  for (let turn = 0; turn < 6; turn++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

export interface Call {
  method: string;
  path: string;
  query: string;
  contentType: string | null;
  authorization: string | null;
  headers: Headers;
  /** JSON bodies parsed; others as text. */
  body: unknown;
}

export type Answer = (call: Call) => Response | Promise<Response>;

/** A fake API: answers by "METHOD /path", records every call. */
export function fakeApi(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const contentType = request.headers.get('Content-Type');
    const text = await request.text();
    const body: unknown =
      text && contentType?.includes('json') ? JSON.parse(text) : text || undefined;
    const call: Call = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams.toString(),
      contentType,
      authorization: request.headers.get('Authorization'),
      headers: request.headers,
      body,
    };
    calls.push(call);
    const answer = routes[`${request.method} ${url.pathname}`];
    return answer ? answer(call) : new Response(null, { status: 404 });
  };
  return { fetch, calls };
}

export const pageOf = <T>(items: T[], total = items.length) => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

export const problem = (status: number, code: string, title = 'Problem') =>
  Response.json(
    { type: 'about:blank', title, status, code },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

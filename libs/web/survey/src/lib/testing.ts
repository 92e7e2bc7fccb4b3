import type { ComponentFixture } from '@angular/core/testing';
import type { RouterTestingHarness } from '@angular/router/testing';
import type { Survey } from './survey-api';

// Test data and helpers of this library's specs; not exported.

/** 43 base64url characters, the shape of a real link's token. */
export const TOKEN = 'q3Z-7wXkP9rT2vYb_4mN8sLdq3Z-7wXkP9rT2vYb_4m';

export function aSurvey(changes: Partial<Survey> = {}): Survey {
  return {
    firstName: 'Salma',
    courseTitle: 'Créer et gérer une coopérative',
    horizon: 6,
    completedOn: '2026-03-17',
    expiresAt: '2026-12-20T10:00:00Z',
    ...changes,
  };
}

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
  body: unknown;
}

type Answer = (call: Call) => Response | Promise<Response>;

/** A fake API: answers by "METHOD /path", records every call. */
export function fakeApi(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const call: Call = {
      method: request.method,
      path: url.pathname,
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(call);
    const answer = routes[`${request.method} ${url.pathname}`];
    return answer ? answer(call) : new Response(null, { status: 404 });
  };
  return { fetch, calls };
}

export const problem = (
  status: number,
  code: string,
  errors?: { field: string; message: string }[],
) =>
  Response.json(
    { type: 'about:blank', title: 'Problem', status, code, ...(errors ? { errors } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

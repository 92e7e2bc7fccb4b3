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
    locale: 'fr',
    trainingRegionCode: 'MA-04',
    ...changes,
  };
}

// The fake API is shared by the web libraries' specs; this survey's problems carry field errors.
export { fakeApi, settle } from '@oris/web/testing';
export type { Call } from '@oris/web/testing';

export const problem = (
  status: number,
  code: string,
  errors?: { field: string; message: string }[],
) =>
  Response.json(
    { type: 'about:blank', title: 'Problem', status, code, ...(errors ? { errors } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

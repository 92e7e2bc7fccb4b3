import request from 'supertest';
import type { TestApp } from '../support/test-app';
import { Session, signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';

let codes = 0;
/** A course code of its own for each course a test creates. */
export const uniqueCode = (prefix = 'T') =>
  `${prefix}-${process.pid % 1000}${String(++codes).padStart(3, '0')}`;

export const courseBody = (overrides: Record<string, unknown> = {}) => ({
  code: uniqueCode(),
  title: 'Entrepreneuriat social : de l’idée au modèle économique',
  summary: 'Passer d’une intuition de terrain à un projet d’entreprise sociale viable.',
  description: 'Une formation **pratique**.',
  theme: 'social_entrepreneurship',
  languages: ['fr'],
  deliveryMode: 'blended',
  durationHours: 24,
  learningOutcomes: ['Construire un modèle économique hybride'],
  completionRule: { requiredModules: true, minAttendancePercent: 80, trainerValidation: false },
  ...overrides,
});

export const moduleBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Qu’est-ce qu’une entreprise sociale ?',
  content: '# Définition\n\nUne entreprise au service d’une **mission sociale**.',
  estimatedMinutes: 45,
  resources: [{ title: 'Guide ESS', url: 'https://www.example.org/guide.pdf' }],
  ...overrides,
});

/** 'YYYY-MM-DD', `days` from today (UTC; tests keep a margin of a day or more). */
export const inDays = (days: number) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export const sessionBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Cohorte printemps — Fès',
  startsOn: inDays(20),
  endsOn: inDays(24),
  regionCode: 'MA-03',
  venue: 'Maison des associations, Fès',
  capacity: 20,
  ...overrides,
});

export interface Cast {
  admin: Session;
  trainer: Session;
  otherTrainer: Session;
  trainee: Session;
}

/** The people of a catalogue test: an administrator, two trainers and a trainee. */
export async function castOf(api: TestApp): Promise<Cast> {
  const admin = await signInAsNewAdmin(api);
  const [trainer, otherTrainer, trainee] = await Promise.all([
    signInWithRoles(api, admin, ['trainer']),
    signInWithRoles(api, admin, ['trainer']),
    signInWithRoles(api, admin, ['trainee']),
  ]);
  return { admin, trainer, otherTrainer, trainee };
}

/** A thin client: `as(session)` signs the requests in, `anonymous` does not. */
export function client(api: TestApp) {
  const as = (session?: Session) => {
    const sign = (test: request.Test) =>
      session ? test.auth(session.accessToken, { type: 'bearer' }) : test;
    return {
      get: (url: string) => sign(request(api.url).get(url)),
      post: (url: string, body: object = {}) => sign(request(api.url).post(url).send(body)),
      patch: (url: string, body: object) => sign(request(api.url).patch(url).send(body)),
      put: (url: string, body: object) => sign(request(api.url).put(url).send(body)),
      delete: (url: string) => sign(request(api.url).delete(url)),
    };
  };
  return { as, anonymous: as() };
}

/** A published course of `owner` with `modules` published modules; returns its id and module ids. */
export async function publishedCourse(
  api: TestApp,
  owner: Session,
  overrides: Record<string, unknown> = {},
  modules = 1,
): Promise<{ id: string; moduleIds: string[] }> {
  const http = client(api).as(owner);
  const course = await http.post('/api/v1/courses', courseBody(overrides)).expect(201);
  const moduleIds: string[] = [];
  for (let index = 0; index < modules; index++) {
    const module = await http
      .post(
        `/api/v1/courses/${course.body.id}/modules`,
        moduleBody({ title: `Module ${index + 1}` }),
      )
      .expect(201);
    await http.post(`/api/v1/modules/${module.body.id}/publish`).expect(200);
    moduleIds.push(module.body.id);
  }
  await http.post(`/api/v1/courses/${course.body.id}/publish`).expect(200);
  return { id: course.body.id, moduleIds };
}

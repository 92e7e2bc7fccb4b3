import { RAW_UPLOAD_CONTENT_TYPE } from '@oris/api/platform';
import request from 'supertest';
import { client } from '../catalogue/catalogue-client';
import { baseline, bulkPeople, openSession } from '../enrollments/enrollment-client';
import type { Session } from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';

export const RUBRIC = {
  criteria: [
    {
      title: 'Analyse',
      levels: [
        { title: 'Insuffisante', points: 0 },
        { title: 'Correcte', points: 5 },
        { title: 'Excellente', points: 10 },
      ],
    },
    {
      title: 'Forme',
      levels: [
        { title: 'Confuse', points: 0 },
        { title: 'Claire', points: 2.5 },
        { title: 'Soignée', points: 5 },
      ],
    },
  ],
};

export const assignmentBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Étude de cas',
  instructions: 'Analysez le **cas** en une page.',
  dueAt: null,
  latePolicy: 'accept',
  latePenaltyPercent: null,
  acceptsText: true,
  acceptsFiles: true,
  fileKinds: ['pdf', 'txt'],
  maxFileBytes: 4096,
  maxFiles: 2,
  rubric: RUBRIC,
  maxMark: null,
  passMarkPercent: 50,
  requiredForCompletion: false,
  ...overrides,
});

export const pdf = (bytes = 100) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x20)]);

export const learnerUrl = (enrollmentId: string, moduleId: string) =>
  `/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/assignment`;

/** Sends a file as a raw body, as the web app does. */
export const upload = (api: TestApp, who: Session, url: string, bytes: Buffer, name: string) =>
  request(api.url)
    .post(`${url}?name=${encodeURIComponent(name)}`)
    .auth(who.accessToken, { type: 'bearer' })
    .set('content-type', RAW_UPLOAD_CONTENT_TYPE)
    .send(bytes);

export interface Trainee {
  session: Session;
  enrollmentId: string;
}

/**
 * A course of `trainer` with one module holding an assignment (`overrides` of its body), a
 * session, and trainees (of `locales`) enrolled and confirmed.
 */
export async function assignmentSetup(
  api: TestApp,
  trainer: Session,
  locales: string[],
  overrides: Record<string, unknown> = {},
  options: Parameters<typeof openSession>[2] = {},
) {
  const http = client(api);
  const opened = await openSession(api, trainer, options);
  const moduleId = opened.moduleIds[0];
  const assignment = await http
    .as(trainer)
    .put(`/api/v1/modules/${moduleId}/assignment`, assignmentBody(overrides))
    .expect(200);
  const trainees: Trainee[] = [];
  for (const locale of locales) {
    const [session] = await bulkPeople(api, 1, ['trainee'], locale);
    const enrolled = options.planner
      ? await http
          .as(options.planner)
          .post(
            `/api/v1/sessions/${opened.sessionId}/enrollments`,
            baseline({ userId: session.user.id }),
          )
          .expect(201)
      : await http
          .as(session)
          .post(`/api/v1/sessions/${opened.sessionId}/enrollments`, baseline())
          .expect(201);
    trainees.push({ session, enrollmentId: enrolled.body.id });
  }
  return { ...opened, moduleId, assignment: assignment.body, trainees };
}

/** The level ids of a rubric as read, by criterion, at the given level index each. */
export function levels(
  rubric: { criteria: { id: string; levels: { id: string }[] }[] },
  indexes: number[],
): Record<string, string> {
  return Object.fromEntries(
    rubric.criteria.map((criterion, i) => [criterion.id, criterion.levels[indexes[i]].id]),
  );
}

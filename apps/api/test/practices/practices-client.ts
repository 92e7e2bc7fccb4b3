import request from 'supertest';
import {
  signInAsNewAdmin,
  signInWithRoles,
  type Session,
} from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';

export interface PracticesCast {
  admin: Session;
  /** Writes the sheets (their author). */
  editor: Session;
  /** Another editor: the reviewer. */
  reviewer: Session;
  officer: Session;
  trainee: Session;
}

export async function practicesCast(api: TestApp): Promise<PracticesCast> {
  const admin = await signInAsNewAdmin(api);
  return {
    admin,
    editor: await signInWithRoles(api, admin, ['observatory_editor']),
    reviewer: await signInWithRoles(api, admin, ['observatory_editor']),
    officer: await signInWithRoles(api, admin, ['placement_officer']),
    trainee: await signInWithRoles(api, admin, ['trainee']),
  };
}

export function practicesClient(api: TestApp, session?: Session) {
  const sign = (test: request.Test) =>
    session ? test.auth(session.accessToken, { type: 'bearer' }) : test;
  return {
    get: (url: string) => sign(request(api.url).get(url)),
    post: (url: string, body: object = {}) => sign(request(api.url).post(url).send(body)),
    patch: (url: string, body: object) => sign(request(api.url).patch(url).send(body)),
    delete: (url: string) => sign(request(api.url).delete(url)),
    upload: (id: string, query: Record<string, string>, bytes: Buffer) =>
      sign(
        request(api.url)
          .post(`/api/v1/practices/${id}/attachments`)
          .query(query)
          .set('content-type', 'application/octet-stream')
          .send(bytes),
      ),
  };
}

export const problem = (response: { headers: Record<string, string> }) =>
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);

/** A sheet with every required field in French, an Arabic translation, two contacts. */
export const practiceBody = (overrides: Record<string, unknown> = {}) => ({
  originalLanguage: 'fr',
  texts: {
    fr: {
      title: 'Insertion des jeunes par la coopérative',
      summary: 'Un parcours de neuf mois qui mène des jeunes sans emploi vers une coopérative.',
      problem: 'Le chômage des jeunes ruraux dépasse 30 %.',
      intervention: 'Formation, tutorat et stage rémunéré dans une coopérative partenaire.',
      coreComponents: 'Le tutorat hebdomadaire.',
      results: '64 % en emploi à 12 mois.',
      replicationConditions: 'Une coopérative d’accueil et un tuteur formé.',
    },
    ar: {
      title: 'إدماج الشباب عبر التعاونية',
      summary: 'مسار من تسعة أشهر يقود الشباب العاطلين إلى تعاونية.',
    },
  },
  regions: ['MA-09'],
  themes: ['employment_insertion', 'youth'],
  populations: ['youth_neet'],
  totalCostMad: 1250000,
  costPerBeneficiaryMad: 8333.33,
  beneficiaries: 150,
  startYear: 2021,
  endYear: 2024,
  resultFigures: [{ label: { fr: 'Taux d’insertion à 12 mois' }, value: 64, unit: '%' }],
  contacts: [
    { name: 'Fatima Zahra El Idrissi', role: 'Coordinatrice', consentGiven: true },
    { name: 'Karim Tazi', email: 'karim.tazi@example.org', consentGiven: false },
  ],
  ...overrides,
});

/** Creates a sheet as `author`, submits it, has `reviewer` assess and publish it. */
export async function publishedPractice(
  api: TestApp,
  cast: PracticesCast,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; slug: string; version: number }> {
  const author = practicesClient(api, cast.editor);
  const reviewer = practicesClient(api, cast.reviewer);
  const created = await author.post('/api/v1/practices', practiceBody(overrides)).expect(201);
  const id = created.body.id as string;
  await author.post(`/api/v1/practices/${id}/submit`).expect(200);
  await reviewer
    .post(`/api/v1/practices/${id}/review`, {
      decision: 'assess',
      evidenceLevel: 2,
      evidenceJustification: { fr: 'Suivi à 12 mois de trois cohortes.' },
    })
    .expect(200);
  const published = await reviewer.post(`/api/v1/practices/${id}/publish`).expect(200);
  return { id, slug: published.body.slug, version: published.body.version };
}

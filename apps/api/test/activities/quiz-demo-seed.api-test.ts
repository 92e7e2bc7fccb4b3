// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@oris/api/identity';
import { seedDemo } from '../../src/cli/demo-seed-command';
import { client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { login } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';

describe('quizzes: the demo seed', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  it('puts a quiz in ES-101’s first module, attempted and graded for its past cohort, once', async () => {
    const first = await seedDemo(api.config);
    expect(first).toMatch(
      /^Quiz: "Quiz : les bases de l’ESS" in ES-101 \(6 questions\), \d+ attempts/m,
    );
    const count = async () =>
      (
        await database(api).query(
          `SELECT count(*)::int AS attempts,
                  count(*) FILTER (WHERE percent IS NOT NULL AND closed_by = 'trainee')::int AS graded
             FROM quiz_attempt`,
        )
      )[0];
    const before = await count();
    expect(before.attempts).toBeGreaterThan(0);
    expect(before.graded).toBe(before.attempts);

    // The demo assignment (issue 18): a rubric, one graded and one waiting submission.
    expect(first).toMatch(/^Assignment: ".+" in ES-101 with a rubric, 2 submissions/m);
    const submissions = await database(api).query(
      `SELECT status FROM assignment_submission ORDER BY status`,
    );
    expect(submissions).toEqual([{ status: 'graded' }, { status: 'submitted' }]);

    const again = await seedDemo(api.config);
    expect(again).toMatch(/already has its quiz/);
    expect(again).toMatch(/already has its assignment/);
    expect(await count()).toEqual(before);

    const trainerEmail = DEMO_ACCOUNTS.find((a) => a.role === 'trainer')?.email ?? '';
    const trainer = await login(api, trainerEmail, DEMO_PASSWORD);
    const [{ id }] = await database(api).query(`SELECT id FROM quiz`);
    const results = await client(api).as(trainer).get(`/api/v1/quizzes/${id}/results`).expect(200);
    expect(results.body.trainees.length).toBeGreaterThan(0);
    expect(results.body.questions.every((q: { graded: number }) => q.graded > 0)).toBe(true);
    // The whole demo seeded twice: longer than the default budget on a loaded machine.
  }, 180_000);
});

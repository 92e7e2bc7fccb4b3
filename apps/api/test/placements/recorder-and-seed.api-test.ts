// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { seedDemoCatalogue } from '@oris/api/catalogue';
import { seedDemoEnrollments } from '@oris/api/enrollments';
import { PlacementException, PlacementRecorder, seedDemoPlacements } from '@oris/api/placements';
import { RequestValidationException } from '@oris/api/platform';
import { INSERTING_SITUATION_KINDS } from '@oris/shared/domain';
import { client, inDays } from '../catalogue/catalogue-client';
import { bulkPeople, database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { auditEvents, pastCohort, PlacementCast, placementCast } from './placement-client';

describe('placements: the survey recorder and the demo seed', () => {
  let api: TestApp;
  let cast: PlacementCast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
  });

  afterAll(() => api.close());

  it('records a survey answer as a declared situation awaiting validation, in the caller’s transaction', async () => {
    const cohort = await pastCohort(api, cast, 1);
    const [trained] = cohort.completers;
    const recorder = api.app.get(PlacementRecorder);
    const answer = {
      userId: trained.userId,
      enrollmentId: trained.enrollmentId,
      kind: 'self_employment' as const,
      sector: 'Artisanat',
      position: ' Couturière ',
      regionCode: 'MA-04' as const,
      startOn: inDays(-100),
      context: { followupId: 'f-1', horizon: 9 },
    };
    // Rolled back with the caller's transaction: nothing stays.
    await expect(
      database(api).transaction(async (manager) => {
        await recorder.recordSurveyAnswer(manager, answer);
        throw new Error('the follow-up failed');
      }),
    ).rejects.toThrow('the follow-up failed');
    const [{ n }] = await database(api).query(`SELECT count(*)::int AS n FROM placement`);
    expect(n).toBe(0);

    const { placementId } = await database(api).transaction((manager) =>
      recorder.recordSurveyAnswer(manager, answer),
    );
    const detail = await client(api)
      .as(cast.officer)
      .get(`/api/v1/placements/${placementId}`)
      .expect(200);
    expect(detail.body).toMatchObject({
      source: 'survey',
      evidence: 'declared',
      validated: false,
      position: 'Couturière',
      recordedBy: { id: trained.userId },
    });
    expect((await auditEvents(api, placementId))[0]).toMatchObject({
      action: 'placement.created',
      actorId: trained.userId,
      data: { via: 'survey', followupId: 'f-1', horizon: 9 },
    });

    await expect(
      database(api).transaction((manager) =>
        recorder.recordSurveyAnswer(manager, { ...answer, kind: 'wage_employment' }),
      ),
    ).rejects.toBeInstanceOf(RequestValidationException);
    await expect(
      database(api).transaction((manager) =>
        recorder.recordSurveyAnswer(manager, {
          ...answer,
          userId: cast.trainee.user.id,
          enrollmentId: null,
        }),
      ),
    ).rejects.toBeInstanceOf(PlacementException);
  });

  it('seeds partner organisations and validated situations for most completers, once', async () => {
    const dataSource = database(api);
    const catalogue = await seedDemoCatalogue(dataSource, { trainerId: cast.trainer.user.id });
    const trainees = (await bulkPeople(api, 14)).map((trainee) => trainee.user.id);
    await seedDemoEnrollments(dataSource, { sessionIdsByKey: catalogue.sessions, trainees });
    const options = { officerId: cast.officer.user.id, trainees };
    const first = await seedDemoPlacements(dataSource, options);
    expect(first.created).toBeGreaterThanOrEqual(8);
    const second = await seedDemoPlacements(dataSource, options);
    expect(second.created).toBe(0);
    expect(second.organisations).toEqual(first.organisations);

    const [{ regions }] = await dataSource.query(
      `SELECT count(DISTINCT region_code)::int AS regions FROM organisation`,
    );
    expect(regions).toBeGreaterThanOrEqual(4);
    const rows: {
      kind: string;
      startOn: string;
      endOn: string | null;
      trainingStart: string;
      validated: boolean;
    }[] = await dataSource.query(
      `SELECT v.kind, v.start_on::text AS "startOn", v.end_on::text AS "endOn",
              v.validated_at IS NOT NULL AS validated,
              (SELECT min(s.starts_on)::text FROM enrollment e JOIN course_session s ON s.id = e.session_id
                WHERE e.user_id = v.user_id AND e.status = 'completed') AS "trainingStart"
         FROM placement_current v WHERE v.user_id = ANY($1::uuid[])`,
      [trainees],
    );
    expect(rows.every((row) => row.validated)).toBe(true);
    const [{ completers }] = await dataSource.query(
      `SELECT count(DISTINCT user_id)::int AS completers FROM enrollment WHERE status = 'completed' AND user_id = ANY($1::uuid[])`,
      [trainees],
    );
    expect(rows.length).toBeGreaterThan(completers / 2);
    expect(rows.length).toBeLessThan(completers);
    const inserting = (kind: string) =>
      (INSERTING_SITUATION_KINDS as readonly string[]).includes(kind);
    // Some held before the training (must not count), some ongoing, some ended, some not insertion.
    expect(rows.some((row) => inserting(row.kind) && row.startOn < row.trainingStart)).toBe(true);
    expect(rows.some((row) => inserting(row.kind) && row.endOn === null)).toBe(true);
    expect(rows.some((row) => inserting(row.kind) && row.endOn !== null)).toBe(true);
    expect(rows.some((row) => !inserting(row.kind))).toBe(true);
    expect(rows.every((row) => row.startOn <= inDays(1))).toBe(true);
  });
});

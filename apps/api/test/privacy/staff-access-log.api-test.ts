// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import {
  Cohort,
  pastCohort,
  PlacementCast,
  placementBody,
  placementCast,
} from '../placements/placement-client';
import type { TestApp } from '../support/test-app';

interface AuditEventItem {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  data: Record<string, unknown>;
}

/** Law 09-08: staff access to a person's data leaves a trace that administrators can browse. */
describe('staff access log and the audit trail for administrators', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let cohort: Cohort;
  let placementId: string;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    cohort = await pastCohort(api, cast, 2);
    const created = await http
      .as(cast.officer)
      .post('/api/v1/placements', placementBody(cohort.completers[0].userId))
      .expect(201);
    placementId = created.body.id;
  });

  afterAll(() => api.close());

  const trail = async (query: string): Promise<{ items: AuditEventItem[]; total: number }> =>
    (await http.as(cast.admin).get(`/api/v1/admin/audit-events?${query}`).expect(200)).body;

  it('records an officer’s views of a person’s situation and placement, naming both people', async () => {
    const personId = cohort.completers[0].userId;
    await http.as(cast.officer).get(`/api/v1/people/${personId}/situation`).expect(200);
    await http.as(cast.officer).get(`/api/v1/placements/${placementId}`).expect(200);

    const reads = await trail(`subject=${personId}&actor=${cast.officer.user.id}&action=person.`);
    expect(reads.items.map((item) => item.action)).toEqual(['person.situation_read']);
    const placementReads = await trail(`subject=${personId}&action=placement.read`);
    expect(placementReads.total).toBe(1);
    const [read] = placementReads.items;
    expect(read).toMatchObject({
      action: 'placement.read',
      actorId: cast.officer.user.id,
      actorName: expect.any(String),
      subjectType: 'user',
      subjectId: personId,
      subjectName: expect.any(String),
      data: { placementId },
    });
    expect(Date.parse(read.at)).not.toBeNaN();
  });

  it('records each export of the insertion indicator with its filters', async () => {
    await http
      .as(cast.officer)
      .get(`/api/v1/indicators/insertion.csv?session=${cohort.sessionId}&months=6`)
      .expect(200);
    const exports = await trail('action=indicators.insertion_exported');
    expect(exports.total).toBe(1);
    expect(exports.items[0]).toMatchObject({
      actorId: cast.officer.user.id,
      subjectType: 'indicator',
      subjectId: 'insertion',
      subjectName: null,
      data: { session: cohort.sessionId, months: 6 },
    });
  });

  it('filters by days (Morocco) and pages newest first', async () => {
    const personId = cohort.completers[1].userId;
    await database(api).query(
      `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, at)
       VALUES ($1, 'person.situation_read', 'user', $2, '2025-06-09T23:30:00Z'),
              ($1, 'person.situation_read', 'user', $2, '2025-06-10T22:59:00Z'),
              ($1, 'person.situation_read', 'user', $2, '2025-06-10T23:01:00Z')`,
      [cast.officer.user.id, personId],
    );
    // Morocco is UTC+1 in June (UTC+0 only in Ramadan): 23:30Z on the 9th is already the 10th, 23:01Z on the 10th the 11th.
    const tenth = await trail(`subject=${personId}&from=2025-06-10&to=2025-06-10`);
    expect(tenth.items.map((item) => item.at)).toEqual([
      '2025-06-10T22:59:00.000Z',
      '2025-06-09T23:30:00.000Z',
    ]);
    const firstPage = await trail(`subject=${personId}&pageSize=2&page=1`);
    const secondPage = await trail(`subject=${personId}&pageSize=2&page=2`);
    expect(firstPage.total).toBe(3);
    expect(firstPage.items.map((item) => item.at)).toEqual([
      '2025-06-10T23:01:00.000Z',
      '2025-06-10T22:59:00.000Z',
    ]);
    expect(secondPage.items.map((item) => item.at)).toEqual(['2025-06-09T23:30:00.000Z']);
    expect((await trail(`subject=${personId}&from=2025-06-12`)).total).toBe(0);
  });

  it('refuses bad filters with problem+json', async () => {
    for (const query of [
      'actor=nobody',
      'from=2025-02-30',
      'to=10-03-2025',
      'from=2025-06-10T00:00:00Z',
      'action=DROP%20TABLE',
      `subject=${'x'.repeat(65)}`,
      'pageSize=101',
    ]) {
      const response = await http.as(cast.admin).get(`/api/v1/admin/audit-events?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('is for administrators only', async () => {
    for (const someone of [cast.officer, cast.trainer, cast.trainee]) {
      await http.as(someone).get('/api/v1/admin/audit-events').expect(403);
    }
    await http.anonymous.get('/api/v1/admin/audit-events').expect(401);
  });
});

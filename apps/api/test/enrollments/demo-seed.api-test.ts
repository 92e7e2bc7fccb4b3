// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { seedDemoCatalogue } from '@oris/api/catalogue';
import { seedDemoEnrollments } from '@oris/api/enrollments';
import { todayInMorocco } from '@oris/shared/domain';
import { client } from '../catalogue/catalogue-client';
import { signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { bulkPeople, database } from './enrollment-client';

describe('enrollments: demo seed', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  it('fills the small session with a waitlist, leaves trainees part-way and records past completers, once', async () => {
    const admin = await signInAsNewAdmin(api);
    const trainer = await signInWithRoles(api, admin, ['trainer']);
    const dataSource = database(api);
    const catalogue = await seedDemoCatalogue(dataSource, { trainerId: trainer.user.id });
    const trainees = (await bulkPeople(api, 12)).map((trainee) => trainee.user.id);

    const first = await seedDemoEnrollments(dataSource, {
      sessionIdsByKey: catalogue.sessions,
      trainees,
    });
    expect(first.created).toBeGreaterThan(30);
    const second = await seedDemoEnrollments(dataSource, {
      sessionIdsByKey: catalogue.sessions,
      trainees,
    });
    expect(second.created).toBe(0);

    const http = client(api);
    const small = await http.anonymous
      .get(`/api/v1/sessions/${catalogue.sessions['es101-open']}`)
      .expect(200);
    expect(small.body).toMatchObject({ capacity: 4, seatsLeft: 0 });
    const waitlist = await http
      .as(trainer)
      .get(`/api/v1/sessions/${catalogue.sessions['es101-open']}/enrollments?status=waitlisted`)
      .expect(200);
    expect(
      waitlist.body.items.map((item: { waitlistPosition: number }) => item.waitlistPosition),
    ).toEqual([1, 2]);

    const running = await http
      .as(trainer)
      .get(`/api/v1/sessions/${catalogue.sessions['gp201-running']}/enrollments`)
      .expect(200);
    const percents = running.body.items.map(
      (item: { progress: { percent: number } }) => item.progress.percent,
    );
    expect(percents.some((percent: number) => percent > 0 && percent < 100)).toBe(true);

    const completers: { completedOn: string; endsOn: string }[] = await dataSource.query(
      `SELECT e.completed_on::text AS "completedOn", s.ends_on::text AS "endsOn"
         FROM enrollment e JOIN course_session s ON s.id = e.session_id WHERE e.status = 'completed'`,
    );
    expect(completers.length).toBeGreaterThanOrEqual(20);
    for (const row of completers) {
      expect(row.completedOn).toBe(row.endsOn);
      expect(row.completedOn < todayInMorocco()).toBe(true);
    }
    // Every session's seat counter matches the enrollments holding a seat.
    const drift = await dataSource.query(
      `SELECT s.id FROM course_session s
        WHERE s.confirmed_count <> (SELECT count(*) FROM enrollment e WHERE e.session_id = s.id
                                      AND e.status IN ('confirmed', 'completed', 'not_completed'))`,
    );
    expect(drift).toEqual([]);
  });
});

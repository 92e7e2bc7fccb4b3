// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { InsertionIndicators, InsertionRollup } from '@oris/api/indicators';
import { isoToMoroccoTime } from '@oris/shared/domain';
import { client } from '../catalogue/catalogue-client';
import { bulkPeople, database, openSession } from '../enrollments/enrollment-client';
import { placementBody, PlacementCast, placementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { startIdentityTestApp } from '../identity/support/identity-test-app';

/**
 * Past cohorts recorded today (PRODUCT.md, "Past cohorts"), through the API as an administrator
 * and an officer do it: sessions of 2025, completions imported with their real dates, situations
 * with past dates validated today. A report on a past day must count them by those dates.
 *
 * - P: 2025-03-03 → 2025-03-07, completed 2025-03-07, T+9 reference 2025-12-07: a1, a2, a3, a4
 * - Q: 2025-09-01 → 2025-09-05, completed 2025-09-05, T+9 reference 2026-06-05: b1, b2, b3
 * - R: 2025-11-03 → 2025-11-07, completed 2025-11-07, T+9 reference 2026-08-07: c1, c2
 *
 * a1 wage job from 2025-05-01, open · a2 self-employment 2025-04-01 → 2025-10-31 · a3 further
 * studies from 2025-06-01 · a4 nothing, certificate revoked today · b1 wage job from 2025-12-01 ·
 * b2 seeking from 2025-10-01 · b3 wage job from 2025-10-01, never validated · c1 wage job from
 * 2026-01-10 · c2 nothing.
 *
 * - D: 2024-03-04 → 2024-03-08, completed 2024-03-08, T+9 reference 2024-12-08: d1, d2, d3 (a
 *   period of its own, for the reading of each answer): d1 inactive (not working, not looking for
 *   work) from 2024-06-01 · d2 seeking from 2024-05-01 · d3 wage job from 2024-05-01.
 */
const SESSIONS = {
  P: { startsOn: '2025-03-03', endsOn: '2025-03-07', people: ['a1', 'a2', 'a3', 'a4'] },
  Q: { startsOn: '2025-09-01', endsOn: '2025-09-05', people: ['b1', 'b2', 'b3'] },
  R: { startsOn: '2025-11-03', endsOn: '2025-11-07', people: ['c1', 'c2'] },
  D: { startsOn: '2024-03-04', endsOn: '2024-03-08', people: ['d1', 'd2', 'd3'] },
} as const;

/** The 2025 completers at T+9, the example. */
const YEAR_2025 = 'from=2025-01-01&to=2025-12-31&months=9';
const COUNTS = ['trained', 'eligible', 'inserted', 'employed', 'responded'] as const;
const counts = (body: Record<string, unknown>) =>
  Object.fromEntries(COUNTS.map((key) => [key, body[key]]));

/** A session planned by an administrator on fixed past days, one meeting a day. */
function sessionOn(startsOn: string, endsOn: string) {
  const days: string[] = [];
  for (let day = Date.parse(startsOn); day <= Date.parse(endsOn); day += 86_400_000) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return {
    title: `Cohorte ${startsOn}`,
    startsOn,
    endsOn,
    opensOn: `${startsOn.slice(0, 4)}-01-02`,
    closesOn: startsOn,
    regionCode: 'MA-04',
    venue: 'Maison des associations',
    capacity: 20,
    meetings: days.map((day) => ({
      startsAt: `${day}T09:00:00+01:00`,
      endsAt: `${day}T12:00:00+01:00`,
    })),
  };
}

describe('indicators: past cohorts recorded today, read at a past asOf and knownAt', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let beforeEntry: Date;
  const people: Record<string, string> = {};
  const enrollments: Record<string, string> = {};
  const placements: Record<string, string> = {};

  const indicator = async (query: string) =>
    (await http.as(cast.officer).get(`/api/v1/indicators/insertion?${query}`).expect(200)).body;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    beforeEntry = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));

    for (const { startsOn, endsOn, people: labels } of Object.values(SESSIONS)) {
      const { sessionId } = await openSession(api, cast.trainer, {
        planner: cast.admin,
        session: sessionOn(startsOn, endsOn),
        status: 'completed',
      });
      const trainees = await bulkPeople(api, labels.length);
      labels.forEach((label, index) => (people[label] = trainees[index].user.id));
      const csv = [
        'email,fullName,baselineSituation,educationLevel,completedOn',
        ...trainees.map((trainee) => `${trainee.email},Ignored,seeking,licence,${endsOn}`),
      ].join('\n');
      await http
        .as(cast.admin)
        .post(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=false`, { csv })
        .expect(200);
      const rows: { userId: string; id: string; status: string }[] = await database(api).query(
        `SELECT user_id AS "userId", id, status FROM enrollment WHERE session_id = $1`,
        [sessionId],
      );
      for (const row of rows) {
        expect(row.status).toBe('completed');
        const label = Object.keys(people).find((key) => people[key] === row.userId) as string;
        enrollments[label] = row.id;
      }
    }

    const situation = async (label: string, facts: Record<string, unknown>, validate = true) => {
      const nonWage = facts['kind'] !== undefined && facts['kind'] !== 'wage_employment';
      const created = await http
        .as(cast.officer)
        .post(
          '/api/v1/placements',
          placementBody(people[label], {
            ...(nonWage ? { contract: undefined } : {}),
            ...facts,
            validate,
          }),
        )
        .expect(201);
      placements[label] = created.body.id;
    };
    await situation('a1', { startOn: '2025-05-01' });
    await situation('a2', {
      kind: 'self_employment',
      employerName: undefined,
      startOn: '2025-04-01',
      endOn: '2025-10-31',
    });
    await situation('a3', {
      kind: 'further_studies',
      employerName: undefined,
      startOn: '2025-06-01',
    });
    await situation('b1', { startOn: '2025-12-01' });
    await situation('b2', { kind: 'seeking', employerName: undefined, startOn: '2025-10-01' });
    await situation('b3', { startOn: '2025-10-01' }, false);
    await situation('c1', { startOn: '2026-01-10' });
    await situation('d1', { kind: 'inactive', employerName: undefined, startOn: '2024-06-01' });
    await situation('d2', { kind: 'seeking', employerName: undefined, startOn: '2024-05-01' });
    await situation('d3', { startOn: '2024-05-01' });
    // Four cohorts imported and ten situations recorded through the API.
  }, 120_000);

  afterAll(() => api.close());

  it('counts them on their own dates at a past asOf, as the hand computation does', async () => {
    // On 2026-06-30, P and Q have reached T+9 (7 eligible), R not yet. Inserted: a1, a2, b1 (not
    // b3, never validated); employed: a1, b1 (a2 ended 2025-10-31); responded: a1, a2, a3, b1, b2.
    const body = await indicator(`${YEAR_2025}&asOf=2026-06-30`);
    expect(counts(body)).toEqual({
      trained: 9,
      eligible: 7,
      inserted: 3,
      employed: 2,
      responded: 5,
    });
    expect(body.insertionRate).toBe(3 / 5);
    expect(body.filters).toMatchObject({ asOf: '2026-06-30', to: '2025-12-31' });
    expect(body.freshness.source).toBe('live');
    expect(body.notes).toEqual([]);
    // On 2025-12-31 only P has reached T+9.
    const yearEnd = await indicator(`${YEAR_2025}&asOf=2025-12-31`);
    expect(counts(yearEnd)).toEqual({
      trained: 9,
      eligible: 4,
      inserted: 2,
      employed: 1,
      responded: 3,
    });
    // On 2025-06-30, Q and R had not completed yet: the period ends on asOf.
    const midYear = await indicator(`${YEAR_2025}&asOf=2025-06-30`);
    expect(counts(midYear)).toEqual({
      trained: 4,
      eligible: 0,
      inserted: 0,
      employed: 0,
      responded: 0,
    });
    expect(midYear.filters.to).toBe('2025-06-30');
    expect(midYear.notes).toEqual([expect.objectContaining({ code: 'none_eligible_yet' })]);
  });

  it('reads « inactive, not looking for work » as an answer neither inserted nor job-seeking', async () => {
    const YEAR_2024 = 'from=2024-01-01&to=2024-12-31&months=9&asOf=2026-06-30';
    // d1 (inactive), d2 (seeking) and d3 (wage job) all responded; only d3 is inserted.
    expect(counts(await indicator(YEAR_2024))).toEqual({
      trained: 3,
      eligible: 3,
      inserted: 1,
      employed: 1,
      responded: 3,
    });
    const byKind = await indicator(`${YEAR_2024}&groupBy=kind`);
    const kinds = Object.fromEntries(
      (byKind.breakdown as { key: string; responded: number; inserted: number }[]).map((g) => [
        g.key,
        [g.responded, g.inserted],
      ]),
    );
    expect(kinds).toEqual({ inactive: [1, 0], seeking: [1, 0], wage_employment: [1, 1] });
  });

  it('gives zeros with knownAt before the entry, and says why', async () => {
    const knownAt = beforeEntry.toISOString();
    const body = await indicator(`${YEAR_2025}&asOf=2026-06-30&knownAt=${knownAt}`);
    expect(counts(body)).toEqual({
      trained: 0,
      eligible: 0,
      inserted: 0,
      employed: 0,
      responded: 0,
    });
    expect(body.insertionRate).toBeNull();
    expect(body.filters).toMatchObject({ asOf: '2026-06-30', knownAt });
    expect(body.notes).toEqual([
      { code: 'recorded_after_known_at', message: expect.stringContaining('9'), persons: 9 },
    ]);
    expect(body.definition.en).toContain('Reference day: 2026-06-30');
    expect(body.definition.fr).toContain('Jour de calcul : 2026-06-30');
    expect(body.definition.ar).toContain('2026-06-30');
    // The CSV says the same in its header.
    const csv = await http
      .as(cast.officer)
      .get(`/api/v1/indicators/insertion.csv?${YEAR_2025}&asOf=2026-06-30&knownAt=${knownAt}`)
      .expect(200);
    const wallClock = isoToMoroccoTime(knownAt);
    expect(csv.text).toContain(`Connu au (heure du Maroc);${wallClock.day} ${wallClock.time}`);
    expect(csv.text).toContain('Remarque;Rien de cette période n’était encore enregistré');
  });

  it('reproduces an earlier answer from its asOf and knownAt after later changes', async () => {
    const earlier = await indicator(`${YEAR_2025}&asOf=2026-06-30&groupBy=kind`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Afterwards: a4's certificate is revoked today, and b1's job gets an end date (a change,
    // so not validated any more).
    await database(api).query(
      `INSERT INTO certificate (enrollment_id, user_id, session_id, serial, verification_code, holder_name,
                                course_title, hours, session_starts_on, session_ends_on, region_code,
                                region_name, region_name_ar, completed_on, locale, issued_by, issued_on,
                                status, revoked_at, revoked_by, revoked_reason)
       SELECT e.id, e.user_id, e.session_id, 'ORIS-2025-999999', md5(e.id::text),
              'Titulaire', 'Cours', 40, s.starts_on, s.ends_on, s.region_code, 'Région', 'جهة',
              e.completed_on, 'fr', $2, e.completed_on, 'revoked', now(), $2, 'issued_in_error'
         FROM enrollment e JOIN course_session s ON s.id = e.session_id WHERE e.id = $1`,
      [enrollments['a4'], cast.admin.user.id],
    );
    await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${placements['b1']}`, { endOn: '2026-05-31' })
      .expect(200);

    // a4 was revoked after 2026-06-30, so still trained on that day; b1's job is not validated.
    const now = await indicator(`${YEAR_2025}&asOf=2026-06-30&groupBy=kind`);
    expect(counts(now)).toEqual({
      trained: 9,
      eligible: 7,
      inserted: 2,
      employed: 1,
      responded: 4,
    });
    const again = await indicator(
      `${YEAR_2025}&asOf=2026-06-30&groupBy=kind&knownAt=${earlier.filters.knownAt}`,
    );
    const figures = ({ freshness: _, ...rest }: Record<string, unknown>) => rest;
    expect(figures(again)).toEqual(figures(earlier));
    // Today a4 does not count any more, R has reached T+9 (c1 inserted and employed).
    const today = await indicator(YEAR_2025);
    expect(counts(today)).toEqual({
      trained: 8,
      eligible: 8,
      inserted: 3,
      employed: 2,
      responded: 5,
    });
  });

  it('gives the rollup’s answer live wherever both apply, and differs only by what happened after a past asOf', async () => {
    const state = await api.app.get(InsertionRollup).refresh();
    const engine = api.app.get(InsertionIndicators);
    const base = { from: '2025-01-01', to: '2025-12-31', months: 9 as const };
    const today = await engine.compute(base);
    expect(today.freshness.source).toBe('rollup');
    expect(today.filters.knownAt).toBe(state?.refreshedAt.toISOString());
    // The rollup's own two dates, asked live, give its figures.
    const live = await engine.compute({ ...base, knownAt: today.filters.knownAt }, 'auto');
    expect(live.freshness.source).toBe('live');
    const figures = ({ freshness: _, ...rest }: Record<string, unknown>) => rest;
    expect(figures(live as unknown as Record<string, unknown>)).toEqual(
      figures(today as unknown as Record<string, unknown>),
    );
    // On 2026-06-30 a4's certificate (revoked today) was valid: the rollup, which holds today's
    // state, would leave her out; hence the live path for a past day.
    const rollupPast = await engine.compute({ ...base, asOf: '2026-06-30' }, 'rollup');
    const livePast = await engine.compute({ ...base, asOf: '2026-06-30' });
    expect(livePast.freshness.source).toBe('live');
    expect(livePast.trained - rollupPast.trained).toBe(1);
    expect(livePast.eligible - rollupPast.eligible).toBe(1);
    expect(livePast.responded).toBe(rollupPast.responded);
  });

  it('refuses a knownAt in the future, before the asOf day, or without a time zone', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const refused = await http
      .as(cast.officer)
      .get(`/api/v1/indicators/insertion?knownAt=${future}`)
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toEqual([
      { field: 'knownAt', message: 'knownAt cannot be in the future' },
    ]);
    const early = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?asOf=2026-06-30&knownAt=2026-06-29T12:00:00Z')
      .expect(400);
    expect(early.body.errors).toEqual([
      { field: 'knownAt', message: 'knownAt cannot be before the asOf day (Morocco time)' },
    ]);
    const local = await http
      .as(cast.officer)
      .get('/api/v1/indicators/insertion?knownAt=2026-06-29T12:00')
      .expect(400);
    expect(local.body.errors.map((error: { field: string }) => error.field)).toEqual(['knownAt']);
    // Without asOf, the day of knownAt is the reference day: the report as produced then.
    const produced = await indicator('knownAt=2026-07-01T09:00:00%2B01:00');
    expect(produced.filters).toMatchObject({
      asOf: '2026-07-01',
      knownAt: '2026-07-01T08:00:00.000Z',
    });
  });
});

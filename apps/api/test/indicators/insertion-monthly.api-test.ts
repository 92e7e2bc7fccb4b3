// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { databaseOptions } from '@oris/api/database';
import { createTestDatabase, TestDatabase } from '@oris/api/database/testing';
import {
  detailedRollupAggregate,
  type GroupBy,
  InsertionRollup,
  type InsertionQuery,
  liveAggregate,
  rollupAggregate,
  rollupLevel,
} from '@oris/api/indicators';
import { DataSource } from 'typeorm';
import { FOLLOWUP_HORIZONS, todayInMorocco } from '@oris/shared/domain';

/**
 * The rollup's monthly level must give exactly what the detailed rows give, for any period,
 * horizon and reference day. A generated dataset (some 500 completions from 2023 to four months
 * ago, a quarter of them on the last day of a month, so that month-end arithmetic — 31 August
 * + 6 months = 28 February — is exercised) is compared path against path. Its situations and
 * follow-up answers are recorded and validated now with past dates, as a past cohort entered today.
 */
const PEOPLE = 240;
const SESSIONS = 48;
const ENROLLMENTS = 720;
const PLACEMENTS = 260;
const GROUP_BYS: (GroupBy | undefined)[] = [
  undefined,
  'region',
  'gender',
  'ageBand',
  'education',
  'course',
  'session',
  'year',
  'kind',
];

async function seed(db: DataSource): Promise<void> {
  const [{ id: actor }] = await db.query(
    `INSERT INTO users (email, password_hash, full_name, region_code)
     VALUES ('officer@monthly.test', 'x', 'Officer', 'MA-01') RETURNING id`,
  );
  const sessionStart = (j: string) =>
    `(date '2023-01-02' + (${j} * 29) % (current_date - 120 - date '2023-01-02'))`;
  await db.query(
    `INSERT INTO users (id, email, password_hash, full_name, gender, birth_year, region_code)
     SELECT md5('mp' || i)::uuid, 'mp' || i || '@monthly.test', 'x', 'Personne ' || i,
            CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
            CASE WHEN i % 9 = 0 THEN NULL ELSE 1955 + (i * 7) % 56 END, 'MA-01'
       FROM generate_series(1, ${PEOPLE}) AS i`,
  );
  await db.query(
    `INSERT INTO course (id, code, title, summary, theme, languages, delivery_mode, duration_hours, status, published_at)
     SELECT md5('mc' || i)::uuid, 'MON-' || i, 'Formation ' || i, 'Résumé', 'social_entrepreneurship',
            ARRAY['fr'], 'in_person', 40, 'published', now()
       FROM generate_series(1, 3) AS i`,
  );
  await db.query(
    `INSERT INTO course_session (id, course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                 enrollment_opens_on, enrollment_closes_on, status)
     SELECT md5('ms' || j)::uuid, md5('mc' || (1 + j % 3))::uuid, 'Cohorte ' || j, ${sessionStart('j')},
            ${sessionStart('j')} + 20, 'MA-' || lpad((1 + j % 12)::text, 2, '0'), 'Salle', 1000,
            ${sessionStart('j')} - 30, ${sessionStart('j')}, 'completed'
       FROM generate_series(1, ${SESSIONS}) AS j`,
  );
  // Each person enrolls up to three times; 70 % complete, a quarter of those on a month's end.
  await db.query(
    `INSERT INTO enrollment (id, session_id, user_id, status, baseline_situation, education_level, region_code,
                             enrolled_by, enrolled_at, completed_on, validated_by, validated_at)
     SELECT md5('me' || i)::uuid, md5('ms' || x.j)::uuid, md5('mp' || x.u)::uuid,
            CASE WHEN i % 10 < 7 THEN 'completed' ELSE 'not_completed' END, 'seeking',
            (ARRAY['none', 'primary', 'secondary', 'baccalaureate', 'bac_plus_2', 'licence', 'master', 'doctorate'])[1 + i % 8],
            CASE WHEN i % 17 = 0 THEN NULL ELSE 'MA-' || lpad((1 + x.j % 12)::text, 2, '0') END,
            $1, ${sessionStart('x.j')} - 10,
            CASE WHEN i % 10 >= 7 THEN NULL
                 WHEN i % 4 = 0 THEN (date_trunc('month', ${sessionStart('x.j')} + 40) - interval '1 day')::date
                 ELSE ${sessionStart('x.j')} + 20 + (i * 13) % 40 END,
            $1, ${sessionStart('x.j')} + 21
       FROM generate_series(1, ${ENROLLMENTS}) AS i
      CROSS JOIN LATERAL (SELECT 1 + (i - 1) % ${PEOPLE} AS u, (i - 1) / ${PEOPLE} AS k) p
      CROSS JOIN LATERAL (SELECT 1 + (p.u * 7 + p.k * 13) % ${SESSIONS} AS j, p.u) x`,
    [actor],
  );
  // A certificate for one completion in six, one in two of them revoked (on the completion day,
  // so that today's state holds the facts of every past reference day).
  await db.query(
    `INSERT INTO certificate (enrollment_id, user_id, session_id, serial, verification_code, holder_name,
                              course_title, hours, session_starts_on, session_ends_on, region_code, region_name,
                              region_name_ar, completed_on, locale, issued_by, issued_on, status, revoked_at,
                              revoked_by, revoked_reason)
     SELECT e.id, e.user_id, e.session_id, 'ORIS-2024-' || lpad(row_number() OVER (ORDER BY e.id)::text, 6, '0'),
            md5('mv' || e.id), 'Titulaire', 'Formation', 40, s.starts_on, s.ends_on, s.region_code, 'Région',
            'جهة', e.completed_on, 'fr', $1, e.completed_on,
            CASE WHEN get_byte(decode(md5(e.id::text), 'hex'), 0) % 2 = 0 THEN 'revoked' ELSE 'valid' END,
            CASE WHEN get_byte(decode(md5(e.id::text), 'hex'), 0) % 2 = 0
                 THEN (e.completed_on + time '12:00')::timestamp AT TIME ZONE 'Africa/Casablanca' END,
            CASE WHEN get_byte(decode(md5(e.id::text), 'hex'), 0) % 2 = 0 THEN $1::uuid END,
            CASE WHEN get_byte(decode(md5(e.id::text), 'hex'), 0) % 2 = 0 THEN 'issued_in_error' END
       FROM enrollment e JOIN course_session s ON s.id = e.session_id
      WHERE e.status = 'completed' AND get_byte(decode(md5(e.id::text), 'hex'), 1) % 6 = 0`,
    [actor],
  );
  // Situations of every kind, 90 % validated, a third of them ended.
  await db.query(
    `INSERT INTO placement (id, user_id, created_by)
     SELECT md5('mpl' || n)::uuid, md5('mp' || (1 + (n * 11) % ${PEOPLE}))::uuid, $1
       FROM generate_series(1, ${PLACEMENTS}) AS n`,
    [actor],
  );
  await db.query(
    `INSERT INTO placement_version (placement_id, version, user_id, kind, contract, employer_name, sector, position,
                                    region_code, start_on, end_on, source, evidence, validated_by, validated_at,
                                    recorded_by)
     SELECT md5('mpl' || n)::uuid, 1, md5('mp' || (1 + (n * 11) % ${PEOPLE}))::uuid, k.kind,
            CASE WHEN k.kind = 'wage_employment' THEN 'permanent' END,
            CASE WHEN k.kind IN ('wage_employment', 'enterprise_creation', 'cooperative', 'internship') THEN 'Employeur' END,
            CASE WHEN k.kind IN ('wage_employment', 'enterprise_creation', 'cooperative', 'internship') THEN 'ESS' END,
            CASE WHEN k.kind IN ('wage_employment', 'enterprise_creation', 'cooperative', 'internship') THEN 'Poste' END,
            'MA-01', d.start_on, CASE WHEN n % 3 = 0 THEN d.start_on + 150 END, 'officer', 'confirmed',
            CASE WHEN n % 10 <> 0 THEN $1::uuid END, CASE WHEN n % 10 <> 0 THEN now() END, $1
       FROM generate_series(1, ${PLACEMENTS}) AS n
      CROSS JOIN LATERAL (SELECT (ARRAY['wage_employment', 'wage_employment', 'self_employment', 'enterprise_creation',
                                        'cooperative', 'internship', 'further_studies', 'seeking'])[1 + n % 8] AS kind) k
      CROSS JOIN LATERAL (SELECT date '2023-02-01' + (n * 17) % (current_date - 30 - date '2023-02-01') AS start_on) d`,
    [actor],
  );
  // Answered follow-ups for one completion in five, at one of the horizons.
  await db.query(
    `INSERT INTO followup (enrollment_id, user_id, horizon, due_on, status, answered_at, answer_channel)
     SELECT e.id, e.user_id, (ARRAY[6, 9, 12])[1 + get_byte(decode(md5(e.id::text), 'hex'), 2) % 3],
            e.completed_on, 'answered', now(), 'survey'
       FROM enrollment e
      WHERE e.status = 'completed' AND get_byte(decode(md5(e.id::text), 'hex'), 3) % 5 = 0`,
  );
}

describe('indicators: the rollup’s monthly level', () => {
  let database: TestDatabase;
  let db: DataSource;
  const today = todayInMorocco();

  const rows = async ({ sql, params }: { sql: string; params: unknown[] }) => db.query(sql, params);

  beforeAll(async () => {
    Logger.overrideLogger(false); // the rebuild's log line
    database = await createTestDatabase();
    db = new DataSource(databaseOptions({ DATABASE_URL: database.url }, 'oris-test'));
    await db.initialize();
    await seed(db);
    await new InsertionRollup(db).refresh();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('answers every query without a course or session filter, and only those', () => {
    const query: InsertionQuery = { from: '1900-01-01', to: today, months: 9, asOf: today };
    expect(rollupLevel(query)).toBe('monthly');
    expect(rollupLevel({ ...query, region: 'MA-01' })).toBe('monthly');
    expect(rollupLevel({ ...query, course: 'x' })).toBe('detailed');
    expect(rollupLevel({ ...query, session: 'x' })).toBe('detailed');
  });

  it('splits at most the month N months before the reference day by eligibility', async () => {
    // The monthly level trusts this: every other month of completions is all eligible on `asOf`
    // or not at all. Checked with the engine's month arithmetic on every day of four years.
    const [{ violations, checked }] = await db.query(`
      SELECT count(*) FILTER (WHERE split AND month <> date_trunc('month', (as_of - make_interval(months => h))::timestamp)::date)::int AS violations,
             count(*)::int AS checked
        FROM (SELECT m::date AS month, a::date AS as_of, h,
                     ((m::date + make_interval(months => h))::date <= a::date
                      AND ((m::date + interval '1 month')::date - 1 + make_interval(months => h))::date > a::date) AS split
                FROM generate_series(date '2021-01-01', date '2027-12-01', interval '1 month') m,
                     generate_series(date '2023-01-01', date '2026-12-31', interval '1 day') a,
                     unnest(ARRAY[6, 9, 12]) h) x`);
    expect(checked).toBeGreaterThan(300_000);
    expect(violations).toBe(0);
  });

  it('gives the live figures for today, for every breakdown, horizon and period', async () => {
    const [{ months: monthlyRows }] = await db.query(
      `SELECT count(*)::int AS months FROM insertion_rollup_month`,
    );
    expect(monthlyRows).toBeGreaterThan(0);
    const periods = [
      ['1900-01-01', today],
      ['2023-06-15', '2024-06-14'],
      ['2024-01-01', '2024-12-31'],
      ['2023-03-31', '2025-02-28'],
      ['2024-02-29', today],
    ];
    for (const [from, to] of periods) {
      for (const months of FOLLOWUP_HORIZONS) {
        for (const groupBy of GROUP_BYS) {
          const query: InsertionQuery = { from, to, months, asOf: today, groupBy };
          const monthly = await rows(rollupAggregate(query));
          expect({ query, monthly }).toEqual({ query, monthly: await rows(liveAggregate(query)) });
        }
      }
    }
    const regional: InsertionQuery = {
      from: '2023-05-20',
      to: today,
      months: 9,
      asOf: today,
      region: 'MA-05',
      groupBy: 'kind',
    };
    expect(await rows(rollupAggregate(regional))).toEqual(await rows(liveAggregate(regional)));
  });

  it('gives the detailed rows’ figures on any reference day, month ends included', async () => {
    const asOfs = new Set([
      '2023-08-31',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-08-30',
      '2024-08-31',
      '2024-11-30',
      '2024-12-01',
      '2025-02-28',
      '2025-03-01',
      '2025-05-31',
      '2025-06-30',
    ]);
    for (let day = Date.parse('2023-07-03'); day < Date.parse(today); day += 31 * 86_400_000) {
      asOfs.add(new Date(day).toISOString().slice(0, 10));
    }
    const periods = [
      ['1900-01-01', today],
      ['2023-09-30', '2025-01-30'],
    ];
    for (const asOf of asOfs) {
      for (const [from, to] of periods) {
        for (const months of FOLLOWUP_HORIZONS) {
          for (const groupBy of [undefined, 'kind', 'year'] as const) {
            const query: InsertionQuery = {
              from,
              to: to < asOf ? to : asOf,
              months,
              asOf,
              groupBy,
            };
            const monthly = await rows(rollupAggregate(query));
            expect({ query, monthly }).toEqual({
              query,
              monthly: await rows(detailedRollupAggregate(query)),
            });
          }
        }
      }
    }
  });
  it('gives the live figures on past reference days for data recorded today with past dates', async () => {
    // Situations and answers were all recorded now: a past asOf counts them on their own dates,
    // and the live path (which serves past days) agrees with the rollup built from today's state.
    for (let day = Date.parse('2023-09-30'); day < Date.parse(today); day += 61 * 86_400_000) {
      const asOf = new Date(day).toISOString().slice(0, 10);
      for (const months of FOLLOWUP_HORIZONS) {
        for (const groupBy of [undefined, 'kind'] as const) {
          const query: InsertionQuery = { from: '1900-01-01', to: asOf, months, asOf, groupBy };
          const live = await rows(liveAggregate(query));
          expect({ query, live }).toEqual({ query, live: await rows(rollupAggregate(query)) });
        }
      }
    }
    // Known before anything was recorded: no row at all (the engine reads that as zeros).
    const before: InsertionQuery = {
      from: '1900-01-01',
      to: today,
      months: 9,
      asOf: today,
      knownAt: '2020-01-01T00:00:00Z',
    };
    expect(await rows(liveAggregate(before))).toEqual([]);
  });
});

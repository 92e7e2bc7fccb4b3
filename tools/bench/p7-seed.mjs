// P7's data (docs/PERFORMANCE.md): people, courses, sessions, enrollments, certificates and
// placements written with generate_series into an empty, migrated database. Used by
// p7-insertion-dashboard.mjs; run on its own to get a database to EXPLAIN the indicator's queries on:
//
//   node tools/bench/p7-seed.mjs --database-url postgres://…/db [--enrollments 1000000 --placements 200000]
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { UserFacingError, log, main } from '../dev/lib.mjs';
import { int, withDatabase } from './lib/http-load.mjs';

export const P7_SESSIONS = 10_000;
export const P7_COURSES = 200;
export const P7_OFFICER_EMAIL = 'bench.officer@example.ma';

/** About 2.5 enrollments per person, as people come back for a second course. */
export const peopleFor = (enrollments) => Math.max(1, Math.round(enrollments / 2.5));

/**
 * Ids are `md5(…)::uuid` of the row number, so every table is written by one INSERT … SELECT
 * without joins. Sessions spread from January 2019 to three months ago; 70 % of enrollments are
 * completed (a few days after their session), 20 % not completed, 10 % still confirmed; one
 * completion in twenty has a certificate, one in two hundred a revoked one. Placements fall on
 * people of all kinds, 90 % validated, a third of them ended. $1 officer id, $2 people,
 * $3 enrollments, $4 placements.
 */
const SEED_SQL = [
  `INSERT INTO users (id, email, password_hash, full_name, region_code)
   VALUES ($1, '${P7_OFFICER_EMAIL}', 'not-a-password-hash', 'Samira Officer', 'MA-04')`,
  `INSERT INTO user_role (user_id, role) VALUES ($1, 'placement_officer')`,
  `INSERT INTO users (id, email, password_hash, full_name, gender, birth_year, region_code)
   SELECT md5('p' || i)::uuid, 'p' || i || '@bench.example.ma', 'not-a-password-hash', 'Personne ' || i,
          CASE WHEN i % 11 = 0 THEN NULL WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
          CASE WHEN i % 13 = 0 THEN NULL ELSE 1960 + i % 45 END,
          'MA-' || lpad((1 + i % 12)::text, 2, '0')
     FROM generate_series(1, $2::int) AS i`,
  `INSERT INTO course (id, code, title, summary, theme, languages, delivery_mode, duration_hours, status, published_at)
   SELECT md5('c' || i)::uuid, 'P7-' || lpad(i::text, 4, '0'), 'Formation ' || i, 'Résumé',
          'social_entrepreneurship', ARRAY['fr'], 'in_person', 40, 'published', now()
     FROM generate_series(1, ${P7_COURSES}) AS i`,
  `INSERT INTO course_session (id, course_id, title, starts_on, ends_on, region_code, venue, capacity,
                               enrollment_opens_on, enrollment_closes_on, status)
   SELECT md5('s' || j)::uuid, md5('c' || (1 + j % ${P7_COURSES}))::uuid, 'Cohorte ' || j, d.starts_on,
          d.starts_on + 20, 'MA-' || lpad((1 + j % 12)::text, 2, '0'), 'Salle', 1000,
          d.starts_on - 30, d.starts_on, 'completed'
     FROM generate_series(1, ${P7_SESSIONS}) AS j
    CROSS JOIN LATERAL (SELECT date '2019-01-07' + (j * 37) % (current_date - 90 - date '2019-01-07') AS starts_on) d`,
  `INSERT INTO enrollment (id, session_id, user_id, status, baseline_situation, education_level, region_code,
                           enrolled_by, enrolled_at, completed_on, validated_by, validated_at)
   SELECT md5('e' || i)::uuid, md5('s' || x.j)::uuid, md5('p' || x.u)::uuid,
          CASE WHEN i % 10 < 7 THEN 'completed' WHEN i % 10 < 9 THEN 'not_completed' ELSE 'confirmed' END,
          (ARRAY['employed', 'self_employed', 'seeking', 'student', 'inactive'])[1 + i % 5],
          (ARRAY['none', 'primary', 'secondary', 'baccalaureate', 'bac_plus_2', 'licence', 'master', 'doctorate'])[1 + i % 8],
          CASE WHEN i % 50 = 0 THEN NULL ELSE 'MA-' || lpad((1 + x.j % 12)::text, 2, '0') END,
          $1, d.starts_on - 10,
          CASE WHEN i % 10 < 7 THEN d.starts_on + 20 + i % 5 END,
          CASE WHEN i % 10 < 9 THEN $1::uuid END,
          CASE WHEN i % 10 < 9 THEN d.starts_on + 21 + i % 5 END
     FROM generate_series(1, $3::int) AS i
    CROSS JOIN LATERAL (SELECT 1 + (i - 1) % $2::int AS u, (i - 1) / $2::int AS k) p
    CROSS JOIN LATERAL (SELECT 1 + (p.u * 31 + p.k * 997) % ${P7_SESSIONS} AS j, p.u) x
    CROSS JOIN LATERAL (SELECT date '2019-01-07' + (x.j * 37) % (current_date - 90 - date '2019-01-07') AS starts_on) d`,
  `INSERT INTO certificate (enrollment_id, user_id, session_id, serial, verification_code, holder_name,
                            course_title, hours, session_starts_on, session_ends_on, region_code, region_name,
                            region_name_ar, completed_on, locale, issued_by, issued_on, status, revoked_at,
                            revoked_by, revoked_reason)
   SELECT e.id, e.user_id, e.session_id, 'ORIS-2025-' || lpad(n::text, 7, '0'), md5('v' || n), 'Titulaire',
          'Formation', 40, s.starts_on, s.ends_on, s.region_code, 'Région', 'جهة', e.completed_on, 'fr', $1,
          e.completed_on, CASE WHEN n % 10 = 0 THEN 'revoked' ELSE 'valid' END,
          CASE WHEN n % 10 = 0 THEN now() END, CASE WHEN n % 10 = 0 THEN $1::uuid END,
          CASE WHEN n % 10 = 0 THEN 'issued_in_error' END
     FROM (SELECT i, row_number() OVER () AS n FROM generate_series(1, $3::int) AS i WHERE i % 20 = 1) c
     JOIN enrollment e ON e.id = md5('e' || c.i)::uuid
     JOIN course_session s ON s.id = e.session_id`,
  `INSERT INTO placement (id, user_id, created_by)
   SELECT md5('pl' || n)::uuid, md5('p' || (1 + (n * 7) % $2::int))::uuid, $1
     FROM generate_series(1, $4::int) AS n`,
  `INSERT INTO placement_version (placement_id, version, user_id, kind, contract, employer_name, sector, position,
                                  region_code, start_on, end_on, source, evidence, validated_by, validated_at,
                                  recorded_by)
   SELECT md5('pl' || n)::uuid, 1, md5('p' || (1 + (n * 7) % $2::int))::uuid, k.kind,
          CASE WHEN k.kind = 'wage_employment' THEN 'permanent' END,
          CASE WHEN k.kind IN ('wage_employment', 'enterprise_creation', 'cooperative', 'internship') THEN 'Employeur ' || n % 500 END,
          CASE WHEN k.kind IN ('wage_employment', 'enterprise_creation', 'cooperative', 'internship') THEN 'ESS' END,
          CASE WHEN k.kind IN ('wage_employment', 'enterprise_creation', 'cooperative', 'internship') THEN 'Chargé(e) de projets' END,
          'MA-' || lpad((1 + n % 12)::text, 2, '0'), d.start_on,
          CASE WHEN n % 3 = 0 THEN d.start_on + 200 END, 'officer', 'confirmed',
          CASE WHEN n % 10 <> 0 THEN $1::uuid END, CASE WHEN n % 10 <> 0 THEN now() END, $1
     FROM generate_series(1, $4::int) AS n
    CROSS JOIN LATERAL (SELECT (ARRAY['wage_employment', 'wage_employment', 'self_employment', 'enterprise_creation',
                                      'cooperative', 'internship', 'further_studies', 'seeking'])[1 + n % 8] AS kind) k
    CROSS JOIN LATERAL (SELECT date '2019-03-01' + (n * 53) % (current_date - 30 - date '2019-03-01') AS start_on) d`,
];

/**
 * Writes P7's data in one transaction, then `VACUUM (ANALYZE)` so that the planner knows the
 * tables. Returns the officer's id (the dashboard's caller) and the number of people.
 */
export async function seedP7(client, { enrollments, placements, officerId = randomUUID() }) {
  const people = peopleFor(enrollments);
  const values = { $1: officerId, $2: people, $3: enrollments, $4: placements };
  await client.query('BEGIN');
  for (const statement of SEED_SQL) {
    // Each statement uses some of $1…$4: rename them in order so pg sees no gap.
    const used = [...new Set(statement.match(/\$\d/g) ?? [])].sort();
    const text = used.reduce(
      (sql, name, index) => sql.replaceAll(name, `$__${index + 1}`),
      statement,
    );
    await client.query(
      text.replaceAll('$__', '$'),
      used.map((name) => values[name]),
    );
  }
  await client.query('COMMIT');
  await client.query('VACUUM (ANALYZE)');
  return { officerId, people };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(async () => {
    const { values } = parseArgs({
      options: {
        'database-url': { type: 'string' },
        enrollments: { type: 'string', default: '1000000' },
        placements: { type: 'string', default: '200000' },
      },
    });
    const enrollments = Number(values.enrollments);
    const placements = Number(values.placements);
    if (!values['database-url'] || !(enrollments >= 1) || !(placements >= 1)) {
      throw new UserFacingError(
        'Usage: node tools/bench/p7-seed.mjs --database-url <empty migrated database> ' +
          '[--enrollments 1000000 --placements 200000]',
      );
    }
    log(`Seeding ${int(enrollments)} enrollments and ${int(placements)} placements`);
    await withDatabase(values['database-url'], (client) =>
      seedP7(client, { enrollments, placements }),
    );
    log('Seeded; the worker (or InsertionRollup.refresh) builds the rollup.');
  });
}

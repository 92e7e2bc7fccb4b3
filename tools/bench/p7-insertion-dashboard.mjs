// P7 (docs/PERFORMANCE.md, QUALITY.md): the insertion dashboard with 1,000,000 enrollments and
// 200,000 placements. Seeds its own throwaway database with SQL (generate_series), rebuilds the
// indicator rollup with the engine's own SQL, then measures:
//   1. the dashboard route (`GET /api/v1/indicators/insertion?…`, a mix of horizons, breakdowns
//      and filters, one connection) against the same aggregates run as raw SQL on the rollup
//      (one client, same mix): bar p95 ≤ 1.2 × SQL p95 + 5 ms;
//   2. the rollup aggregate against the same figures computed by GROUP BY over the raw tables
//      (the engine's live query): bar ≥ 50× faster (medians).
//
//   npm run bench:p7 [-- --enrollments 1000000 --placements 200000 --duration 10 --warmup 3
//                       --raw-runs 3 --log-level warn --no-build --write]
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ROOT,
  UserFacingError,
  bold,
  green,
  log,
  readSettings,
  red,
  requireFromRoot,
} from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import {
  COMMON_OPTIONS,
  commandLine,
  int,
  load,
  machine,
  measuredOn,
  median,
  ms,
  percentile,
  readOptions,
  runBench,
  signAccessToken,
  startApi,
  withDatabase,
  writeSection,
} from './http-bench.mjs';

const P95_FACTOR = 1.2;
const P95_SLACK_MS = 5;
const SPEEDUP_BAR = 50;

const opts = readOptions(
  {
    ...COMMON_OPTIONS,
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    'log-level': { type: 'string', default: 'warn' },
    enrollments: { type: 'string', default: '1000000' },
    placements: { type: 'string', default: '200000' },
    'raw-runs': { type: 'string', default: '3' },
  },
  ['duration', 'warmup', 'enrollments', 'placements', 'raw-runs'],
);
const ENROLLMENTS = opts.enrollments;
const PLACEMENTS = opts.placements;
/** About 2.5 enrollments per person, as people come back for a second course. */
const PEOPLE = Math.max(1, Math.round(ENROLLMENTS / 2.5));
const SESSIONS = 10_000;
const COURSES = 200;
const OFFICER_ID = randomUUID();

/** The engine's SQL, loaded from its TypeScript sources as the API runs it. */
function engineSql() {
  process.env.SWC_NODE_PROJECT ??= join(ROOT, 'tsconfig.base.json');
  requireFromRoot('@swc-node/register');
  return requireFromRoot(join(ROOT, 'libs/api/indicators/src/engine/insertion-query.ts'));
}

/**
 * Ids are `md5(…)::uuid` of the row number, so every table is written by one INSERT … SELECT
 * without joins. Sessions spread from January 2019 to three months ago; 70 % of enrollments are
 * completed (a few days after their session), 20 % not completed, 10 % still confirmed; one
 * completion in twenty has a certificate, one in two hundred a revoked one. Placements fall on
 * people of all kinds, 90 % validated, a third of them ended.
 */
const SEED_SQL = [
  `INSERT INTO users (id, email, password_hash, full_name, region_code)
   VALUES ($1, 'bench.officer@example.ma', 'not-a-password-hash', 'Samira Officer', 'MA-04')`,
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
     FROM generate_series(1, ${COURSES}) AS i`,
  `INSERT INTO course_session (id, course_id, title, starts_on, ends_on, region_code, venue, capacity,
                               enrollment_opens_on, enrollment_closes_on, status)
   SELECT md5('s' || j)::uuid, md5('c' || (1 + j % ${COURSES}))::uuid, 'Cohorte ' || j, d.starts_on,
          d.starts_on + 20, 'MA-' || lpad((1 + j % 12)::text, 2, '0'), 'Salle', 1000,
          d.starts_on - 30, d.starts_on, 'completed'
     FROM generate_series(1, ${SESSIONS}) AS j
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
    CROSS JOIN LATERAL (SELECT 1 + (p.u * 31 + p.k * 997) % ${SESSIONS} AS j, p.u) x
    CROSS JOIN LATERAL (SELECT date '2019-01-07' + (x.j * 37) % (current_date - 90 - date '2019-01-07') AS starts_on) d`,
  `INSERT INTO certificate (enrollment_id, user_id, session_id, serial, verification_code, holder_name,
                            course_title, hours, session_starts_on, session_ends_on, region_code, region_name,
                            region_name_ar, completed_on, locale, issued_by, issued_on, status, revoked_at,
                            revoked_by, revoked_reason)
   SELECT e.id, e.user_id, e.session_id, 'ORIS-2025-' || lpad(n::text, 7, '0'), md5('v' || n), 'Titulaire',
          'Formation', 40, s.starts_on, s.ends_on, s.region_code, 'Région', 'جهة', e.completed_on, 'fr', $1,
          e.completed_on, CASE WHEN n % 10 = 0 THEN 'revoked' ELSE 'valid' END,
          CASE WHEN n % 10 = 0 THEN now() END, CASE WHEN n % 10 = 0 THEN $1::uuid END,
          CASE WHEN n % 10 = 0 THEN 'Erreur de saisie' END
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

async function seed(databaseUrl, sql) {
  log(
    `Seeding ${int(PEOPLE)} people, ${int(SESSIONS)} sessions, ${int(ENROLLMENTS)} enrollments, ` +
      `${int(PLACEMENTS)} placements (SQL)`,
  );
  const started = performance.now();
  await withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    const values = { $1: OFFICER_ID, $2: PEOPLE, $3: ENROLLMENTS, $4: PLACEMENTS };
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
    log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; rebuilding the rollup`);
    const rebuildStarted = performance.now();
    await client.query('BEGIN');
    await client.query('DELETE FROM insertion_rollup');
    await client.query(sql.rollupRebuild());
    await client.query(
      `INSERT INTO indicator_rollup_state (name, refreshed_at, signature, row_count, duration_ms)
       SELECT 'insertion', now(), 'bench', count(*), $1 FROM insertion_rollup`,
      [0],
    );
    await client.query('COMMIT');
    const rebuildMs = performance.now() - rebuildStarted;
    await client.query('VACUUM (ANALYZE) insertion_rollup');
    const {
      rows: [{ count: rollupRows }],
    } = await client.query(`SELECT count(*)::int AS count FROM insertion_rollup`);
    log(`Rollup rebuilt: ${int(rollupRows)} rows in ${(rebuildMs / 1000).toFixed(1)} s`);
    seed.rebuildMs = rebuildMs;
    seed.rollupRows = rollupRows;
  });
}

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());

/** The dashboard's usual questions: the headline, each horizon, breakdowns, a region, a year. */
const MIX = [
  { months: 9 },
  { months: 9, groupBy: 'region' },
  { months: 6, groupBy: 'year' },
  { months: 12, groupBy: 'kind' },
  { months: 9, groupBy: 'gender', region: 'MA-04' },
  { months: 9, from: '2023-01-01', to: '2023-12-31', groupBy: 'ageBand' },
  { months: 9, groupBy: 'education' },
];

const queryString = (q) =>
  new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();

/** The engine's query for `q` with the API's defaults. */
const engineQuery = (q) => {
  const asOf = today();
  return { from: '1900-01-01', to: asOf, asOf, ...q };
};

async function timeSql(client, builder, mix, durationS) {
  const latencies = [];
  const until = performance.now() + durationS * 1000;
  for (let i = 0; performance.now() < until; i += 1) {
    const { sql, params } = builder(engineQuery(mix[i % mix.length]));
    const started = performance.now();
    await client.query(sql, params);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

runBench(opts, async (cleanups) => {
  const settings = readSettings();
  await ensureServices(settings);
  const sql = engineSql();
  const api = await startApi({
    bench: 'p7',
    settings,
    cleanups,
    opts,
    prepare: (url) => seed(url, sql),
  });
  const token = signAccessToken(
    api.env.JWT_SECRET,
    { id: OFFICER_ID, email: 'bench.officer@example.ma' },
    ['placement_officer'],
  );
  const headers = { authorization: `Bearer ${token}` };
  const requests = MIX.map((q) => ({
    method: 'GET',
    path: `/api/v1/indicators/insertion?${queryString(q)}`,
    headers,
  }));
  for (const { path } of requests) {
    const response = await fetch(`${api.base}${path}`, { headers });
    const body = await response.json();
    if (response.status !== 200 || body.freshness?.source !== 'rollup') {
      throw new UserFacingError(
        `${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
  }
  const headline = await fetch(`${api.base}${requests[0].path}`, { headers }).then((r) => r.json());
  log(
    `Headline T+9: trained ${int(headline.trained)}, eligible ${int(headline.eligible)}, ` +
      `inserted ${int(headline.inserted)}, employed ${int(headline.employed)}, responded ${int(headline.responded)}`,
  );

  const duration = opts.duration;
  const route = { url: api.base, requests, connections: 1 };
  log(`Warming up the route for ${opts.warmup} s`);
  await load({ ...route, duration: opts.warmup });
  log(`Dashboard route, ${MIX.length} queries in turn, 1 connection, ${duration} s`);
  const http = await load({ ...route, duration });

  const result = await withDatabase(api.env.DATABASE_URL, async (client) => {
    await timeSql(client, sql.rollupAggregate, MIX, opts.warmup);
    log(`Same aggregates as SQL on the rollup, 1 client, ${duration} s`);
    const rollup = await timeSql(client, sql.rollupAggregate, MIX, duration);
    // Figures must agree before speeds are compared.
    for (const q of [MIX[0], MIX[1]]) {
      const a = await client.query(
        sql.rollupAggregate(engineQuery(q)).sql,
        sql.rollupAggregate(engineQuery(q)).params,
      );
      const b = await client.query(
        sql.liveAggregate(engineQuery(q)).sql,
        sql.liveAggregate(engineQuery(q)).params,
      );
      if (JSON.stringify(a.rows) !== JSON.stringify(b.rows)) {
        throw new UserFacingError(`Rollup and raw tables disagree on ${queryString(q)}`);
      }
    }
    log(
      `GROUP BY over the raw tables (the live query), headline and by region, ${opts['raw-runs']} runs each`,
    );
    const raw = [];
    const rollupSame = [];
    for (let run = 0; run < opts['raw-runs']; run += 1) {
      for (const q of [MIX[0], MIX[1]]) {
        const live = sql.liveAggregate(engineQuery(q));
        let started = performance.now();
        await client.query(live.sql, live.params);
        raw.push(performance.now() - started);
        const cached = sql.rollupAggregate(engineQuery(q));
        started = performance.now();
        await client.query(cached.sql, cached.params);
        rollupSame.push(performance.now() - started);
      }
    }
    return { rollup, raw: median(raw), rollupSame: median(rollupSame) };
  });

  const bar = P95_FACTOR * result.rollup.p95 + P95_SLACK_MS;
  const meetsP95 = http.p95 <= bar;
  const speedup = result.raw / result.rollupSame;
  const meetsSpeedup = speedup >= SPEEDUP_BAR;
  const info = machine();
  const markdown = [
    '| measured | p50 | p95 | requests |',
    '|---|---:|---:|---:|',
    `| dashboard route, ${MIX.length} queries in turn, 1 connection | ${ms(http.p50)} | ${ms(http.p95)} | ${int(http.rps * duration)} |`,
    `| the same aggregates as SQL on the rollup, 1 client | ${ms(result.rollup.p50)} | ${ms(result.rollup.p95)} | ${int(result.rollup.count)} |`,
    '',
    '| the headline and the by-region breakdown, median of runs | time |',
    '|---|---:|',
    `| GROUP BY over the raw tables (the live query) | ${ms(result.raw)} |`,
    `| the rollup aggregate | ${ms(result.rollupSame)} |`,
    '',
    `**Route p95 ${ms(http.p95)}** — ${meetsP95 ? 'meets' : 'misses'} the ≤ ${P95_FACTOR} × ${ms(result.rollup.p95)} + ${P95_SLACK_MS} ms = ${ms(bar)} bar. ` +
      `**Rollup ${speedup.toFixed(0)}× faster than the raw tables** — ${meetsSpeedup ? 'meets' : 'misses'} the ≥ ${SPEEDUP_BAR}× bar.`,
    '',
    `${measuredOn(info)}; ${int(ENROLLMENTS)} enrollments (${int(PEOPLE)} people, ${int(SESSIONS)} sessions, 70 % completed), ` +
      `${int(PLACEMENTS)} placements; rollup of ${int(seed.rollupRows)} rows rebuilt in ${(seed.rebuildMs / 1000).toFixed(1)} s; ` +
      `${opts.warmup} s warm-up, ${duration} s per measure; API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}.`,
    '',
    `Command: \`${commandLine('p7')}\``,
  ].join('\n');
  process.stdout.write(`\n${markdown}\n\n`);
  if (http.problems > 0) {
    throw new UserFacingError(
      `${http.problems} responses were not 2xx; docs/PERFORMANCE.md was left as it was.`,
    );
  }
  log(
    (meetsP95 ? green : red)(`P7 route p95 ${ms(http.p95)} ${meetsP95 ? '≤' : '>'} ${ms(bar)}`) +
      ', ' +
      (meetsSpeedup ? green : red)(
        `rollup ${speedup.toFixed(0)}× ${meetsSpeedup ? '≥' : '<'} ${SPEEDUP_BAR}×`,
      ),
  );
  if (opts.write) await writeSection('p7', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

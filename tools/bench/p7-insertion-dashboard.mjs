// P7 (docs/PERFORMANCE.md, QUALITY.md): the insertion dashboard with 1,000,000 enrollments and
// 200,000 placements. Seeds its own throwaway database with SQL (generate_series, p7-seed.mjs),
// rebuilds the indicator rollup with the engine's own SQL, then measures:
//   1. the dashboard route (`GET /api/v1/indicators/insertion?…`, a mix of horizons, breakdowns
//      and filters, one connection) against the same aggregates run as raw SQL on the rollup
//      (one client, same mix): bar p95 ≤ 1.2 × SQL p95 + 5 ms;
//   2. the rollup aggregate against the same figures computed by GROUP BY over the raw tables
//      (the engine's live query): bar ≥ 50× faster (medians of the headline and the by-region
//      breakdown); every query of the mix, and one with a course filter (which the monthly level
//      cannot answer), is also timed both ways and shown, figures checked equal first.
//
//   npm run bench:p7 [-- --enrollments 1000000 --placements 200000 --duration 10 --warmup 3
//                       --raw-runs 3 --rounds 5 --log-level warn --no-build --write]
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
  loadAverage,
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
} from './lib/http-load.mjs';
import { P7_OFFICER_EMAIL, P7_SESSIONS, peopleFor, seedP7 } from './p7-seed.mjs';

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
    rounds: { type: 'string', default: '5' },
  },
  ['duration', 'warmup', 'enrollments', 'placements', 'raw-runs', 'rounds'],
);
const ENROLLMENTS = opts.enrollments;
const PLACEMENTS = opts.placements;
const PEOPLE = peopleFor(ENROLLMENTS);
const OFFICER_ID = randomUUID();

/** The engine's SQL, loaded from its TypeScript sources as the API runs it. */
function engineSql() {
  process.env.SWC_NODE_PROJECT ??= join(ROOT, 'tsconfig.base.json');
  requireFromRoot('@swc-node/register');
  const engine = join(ROOT, 'libs/api/indicators/src/engine');
  return {
    ...requireFromRoot(join(engine, 'insertion-query.ts')),
    ...requireFromRoot(join(engine, 'rollup-rebuild.ts')),
  };
}

/** Seeds, then rebuilds the rollup as the worker does (one REPEATABLE READ transaction, VACUUM). */
async function seed(databaseUrl, sql) {
  log(
    `Seeding ${int(PEOPLE)} people, ${int(P7_SESSIONS)} sessions, ${int(ENROLLMENTS)} enrollments, ` +
      `${int(PLACEMENTS)} placements (SQL)`,
  );
  const started = performance.now();
  await withDatabase(databaseUrl, async (client) => {
    await seedP7(client, {
      enrollments: ENROLLMENTS,
      placements: PLACEMENTS,
      officerId: OFFICER_ID,
    });
    log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; rebuilding the rollup`);
    const rebuildStarted = performance.now();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    for (const statement of sql.rollupRebuildStatements()) await client.query(statement);
    await client.query(
      `INSERT INTO indicator_rollup_state (name, refreshed_at, signature, row_count, duration_ms)
       SELECT 'insertion', now(), 'bench', count(*), $1 FROM insertion_rollup`,
      [0],
    );
    await client.query('COMMIT');
    const rebuildMs = performance.now() - rebuildStarted;
    await client.query('VACUUM (ANALYZE) insertion_rollup, insertion_rollup_month');
    const {
      rows: [{ rollupRows, monthlyRows }],
    } = await client.query(
      `SELECT (SELECT count(*)::int FROM insertion_rollup) AS "rollupRows",
              (SELECT count(*)::int FROM insertion_rollup_month) AS "monthlyRows"`,
    );
    log(
      `Rollup rebuilt: ${int(rollupRows)} rows and ${int(monthlyRows)} monthly rows in ` +
        `${(rebuildMs / 1000).toFixed(1)} s`,
    );
    Object.assign(seed, { rebuildMs, rollupRows, monthlyRows });
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

/** A query as the dashboard's URL has it, the course id shortened. */
const describe = (q) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${k === 'course' ? `${v.slice(0, 8)}…` : v}`)
    .join('&');

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
  const token = signAccessToken(api.env.JWT_SECRET, { id: OFFICER_ID, email: P7_OFFICER_EMAIL }, [
    'placement_officer',
  ]);
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
  const slice = duration / opts.rounds;
  const route = { url: api.base, requests, connections: 1 };
  const loadBefore = loadAverage();
  const result = await withDatabase(api.env.DATABASE_URL, async (client) => {
    log(`Warming up the route and the SQL for ${opts.warmup} s each`);
    await load({ ...route, duration: opts.warmup });
    await timeSql(client, sql.rollupAggregate, MIX, opts.warmup);
    // Alternating slices see the same load when other work shares the machine; each side's
    // figures are the medians of its rounds.
    log(
      `Dashboard route (1 connection) and the same aggregates as SQL on the rollup (1 client), ` +
        `${MIX.length} queries in turn: ${opts.rounds} alternating rounds of ${slice} s each`,
    );
    const routeRounds = [];
    const sqlRounds = [];
    for (let round = 0; round < opts.rounds; round += 1) {
      routeRounds.push(await load({ ...route, duration: slice }));
      sqlRounds.push(await timeSql(client, sql.rollupAggregate, MIX, slice));
    }
    const http = {
      p50: median(routeRounds.map((r) => r.p50)),
      p95: median(routeRounds.map((r) => r.p95)),
      requests: routeRounds.reduce((n, r) => n + r.rps * slice, 0),
      problems: routeRounds.reduce((n, r) => n + r.problems, 0),
    };
    const rollup = {
      p50: median(sqlRounds.map((r) => r.p50)),
      p95: median(sqlRounds.map((r) => r.p95)),
      count: sqlRounds.reduce((n, r) => n + r.count, 0),
    };
    const {
      rows: [{ course }],
    } = await client.query(`SELECT id::text AS course FROM course ORDER BY code LIMIT 1`);
    const compared = [...MIX, { months: 9, course }];
    log(
      `GROUP BY over the raw tables (the live query) against the rollup, ${compared.length} queries, ` +
        `${opts['raw-runs']} runs each`,
    );
    const timings = compared.map(() => ({ raw: [], rollup: [] }));
    for (let run = 0; run < opts['raw-runs']; run += 1) {
      for (const [index, q] of compared.entries()) {
        const live = sql.liveAggregate(engineQuery(q));
        let started = performance.now();
        const expected = await client.query(live.sql, live.params);
        timings[index].raw.push(performance.now() - started);
        const cached = sql.rollupAggregate(engineQuery(q));
        started = performance.now();
        const actual = await client.query(cached.sql, cached.params);
        timings[index].rollup.push(performance.now() - started);
        // Figures must agree before speeds are compared.
        if (JSON.stringify(actual.rows) !== JSON.stringify(expected.rows)) {
          throw new UserFacingError(`Rollup and raw tables disagree on ${queryString(q)}`);
        }
      }
    }
    const perQuery = compared.map((q, index) => ({
      query: q,
      level: sql.rollupLevel(engineQuery(q)),
      raw: median(timings[index].raw),
      rollup: median(timings[index].rollup),
    }));
    // The bar's figures: the headline and the by-region breakdown, all their runs.
    const barTimings = [0, 1].map((index) => timings[index]);
    return {
      http,
      rollup,
      perQuery,
      raw: median(barTimings.flatMap((t) => t.raw)),
      rollupSame: median(barTimings.flatMap((t) => t.rollup)),
    };
  });
  const loadAfter = loadAverage();
  const { http } = result;

  const bar = P95_FACTOR * result.rollup.p95 + P95_SLACK_MS;
  const meetsP95 = http.p95 <= bar;
  const speedup = result.raw / result.rollupSame;
  const meetsSpeedup = speedup >= SPEEDUP_BAR;
  const info = machine();
  const markdown = [
    `| measured, median of ${opts.rounds} alternating rounds | p50 | p95 | requests |`,
    '|---|---:|---:|---:|',
    `| dashboard route, ${MIX.length} queries in turn, 1 connection | ${ms(http.p50)} | ${ms(http.p95)} | ${int(http.requests)} |`,
    `| the same aggregates as SQL on the rollup, 1 client | ${ms(result.rollup.p50)} | ${ms(result.rollup.p95)} | ${int(result.rollup.count)} |`,
    '',
    '| the headline and the by-region breakdown, median of runs | time |',
    '|---|---:|',
    `| GROUP BY over the raw tables (the live query) | ${ms(result.raw)} |`,
    `| the rollup aggregate | ${ms(result.rollupSame)} |`,
    '',
    '| each query, median of runs | rollup level | raw tables | rollup | faster |',
    '|---|---|---:|---:|---:|',
    ...result.perQuery.map(
      ({ query, level, raw, rollup }) =>
        `| \`${describe(query)}\` | ${level} | ${ms(raw)} | ${ms(rollup)} | ${Math.floor(raw / rollup)}× |`,
    ),
    '',
    `**Route p95 ${ms(http.p95)}** — ${meetsP95 ? 'meets' : 'misses'} the ≤ ${P95_FACTOR} × ${ms(result.rollup.p95)} + ${P95_SLACK_MS} ms = ${ms(bar)} bar. ` +
      `**Rollup ${Math.floor(speedup)}× faster than the raw tables** — ${meetsSpeedup ? 'meets' : 'misses'} the ≥ ${SPEEDUP_BAR}× bar.`,
    '',
    `${measuredOn(info)}; load average ${loadBefore} when the measures began, ${loadAfter} when they ended; ` +
      `${int(ENROLLMENTS)} enrollments (${int(PEOPLE)} people, ${int(P7_SESSIONS)} sessions, 70 % completed), ` +
      `${int(PLACEMENTS)} placements; rollup of ${int(seed.rollupRows)} rows and ${int(seed.monthlyRows)} monthly rows ` +
      `rebuilt in ${(seed.rebuildMs / 1000).toFixed(1)} s; ` +
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
        `rollup ${Math.floor(speedup)}× ${meetsSpeedup ? '≥' : '<'} ${SPEEDUP_BAR}×`,
      ),
  );
  if (opts.write) await writeSection('p7', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

// P2 (docs/PERFORMANCE.md, QUALITY.md): the public catalogue, `GET /api/v1/courses` pages of 20
// among 10,000 published courses, against P1's route (`GET /api/health`) on the same production
// build in the same run; then the catalogue's latency at half its maximum rate. The courses, their
// modules and sessions are written by SQL into the benchmark's own throwaway database.
//
//   npm run bench:p2 [-- --runs 5 --duration 10 --warmup 5 --connections 20 --courses 10000
//                       --log-level info --no-build --profile --write]
import { join } from 'node:path';
import { UserFacingError, bold, green, log, readSettings, red } from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import {
  COMMON_OPTIONS,
  HEALTH_ROUTE,
  LOG_DIR,
  TABLE_HEADER,
  commandLine,
  int,
  load,
  machine,
  measuredOn,
  ratioText,
  ms,
  readOptions,
  reportProfile,
  runBench,
  startApi,
  summarise,
  tableRow,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';
import { catalogueRequests, seedCatalogue } from './lib/seed-catalogue.mjs';

const RATIO_BAR = 0.3;
const P99_BAR_MS = 50;

const opts = readOptions({ ...COMMON_OPTIONS, courses: { type: 'string', default: '10000' } }, [
  'runs',
  'duration',
  'warmup',
  'connections',
  'courses',
]);
const { runs: RUNS, duration: DURATION_S, warmup: WARMUP_S, connections: CONNECTIONS } = opts;
const COURSES = opts.courses;

async function seed(databaseUrl) {
  log(`Seeding ${int(COURSES)} published courses, their modules and sessions (SQL)`);
  const started = performance.now();
  await withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    await seedCatalogue(client, COURSES);
    await client.query('COMMIT');
    // As autovacuum would soon after a bulk load: statistics, and a visibility map for index-only scans.
    await client.query('VACUUM (ANALYZE)');
    const [counts] = (
      await client.query(`SELECT (SELECT count(*) FROM course)::int AS courses,
                                 (SELECT count(*) FROM course_module)::int AS modules,
                                 (SELECT count(*) FROM course_session)::int AS sessions`)
    ).rows;
    log(
      `Seeded ${int(counts.courses)} courses, ${int(counts.modules)} modules, ` +
        `${int(counts.sessions)} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

/** A request of the mix answers 200 with a page of 20 (or fewer, for filters) and a total. */
async function checkMix(base, requests) {
  const first = await fetch(`${base}/api/v1/courses?page=1&pageSize=20`).then((r) => r.json());
  if (first.total !== COURSES || first.items?.length !== 20) {
    throw new UserFacingError(
      `The catalogue answered total ${first.total} with ${first.items?.length} items; expected ${COURSES} and 20.`,
    );
  }
  for (const { path } of requests) {
    const response = await fetch(`${base}${path}`);
    if (response.status !== 200) {
      throw new UserFacingError(`${path} answered ${response.status}: ${await response.text()}`);
    }
  }
}

function table(results, halfRate, info) {
  const [health, catalogue] = results.map(([, s]) => s);
  const ratio = catalogue.rps / health.rps;
  const rows = [...TABLE_HEADER];
  for (const [label, s] of results) rows.push(tableRow(label, s));
  rows.push(tableRow(`catalogue mix at half its max rate (${int(halfRate.rate)} req/s)`, halfRate));
  const meetsRatio = ratio >= RATIO_BAR;
  const meetsP99 = halfRate.p99 <= P99_BAR_MS;
  const lines = [
    ...rows,
    '',
    `**P2 ratio (catalogue ÷ P1's route): ${ratioText(ratio)}** — ${meetsRatio ? 'meets' : 'misses'} the ≥ ${RATIO_BAR} bar. ` +
      `**p99 at half the max rate: ${ms(halfRate.p99)}** — ${meetsP99 ? 'meets' : 'misses'} the ≤ ${P99_BAR_MS} ms bar.`,
    '',
    `${measuredOn(info)}; ${int(COURSES)} published courses (1–3 published modules, 2 sessions each in varied regions); ` +
      `autocannon ${CONNECTIONS} connections, ${WARMUP_S} s warm-up per route, ${RUNS} run${RUNS === 1 ? '' : 's'} of ${DURATION_S} s each, ` +
      `routes alternated, medians shown; the half-rate run is one run of ${DURATION_S} s with autocannon's \`overallRate\`; ` +
      `API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}.`,
    '',
    `Command: \`${commandLine('p2')}\``,
  ];
  return { markdown: lines.join('\n'), ratio, meetsRatio, meetsP99 };
}

runBench(opts, async (cleanups) => {
  const settings = readSettings();
  await ensureServices(settings);
  const api = await startApi({
    bench: 'p2',
    settings,
    cleanups,
    opts,
    prepare: seed,
    profileFile: join(LOG_DIR, 'p2-api.cpuprofile'),
  });
  const requests = catalogueRequests(COURSES);
  await checkMix(api.base, requests);
  const targets = [
    {
      label: `ORIS API, P1's route (\`GET ${HEALTH_ROUTE}\`)`,
      options: { url: `${api.base}${HEALTH_ROUTE}` },
    },
    {
      label: `ORIS API, catalogue mix (\`GET /api/v1/courses?…\`, ${requests.length} requests)`,
      options: { url: api.base, requests },
    },
  ].map((target) => ({ ...target, runs: [] }));
  const run = (options, duration) => load({ ...options, connections: CONNECTIONS, duration });

  for (const target of targets) {
    log(`Warming up ${target.label} for ${WARMUP_S} s`);
    await run(target.options, WARMUP_S);
  }
  for (let round = 0; round < RUNS; round += 1) {
    // Alternate the order so that drift on a shared machine hits both sides alike.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const result = await run(target.options, DURATION_S);
      target.runs.push(result);
      log(
        `run ${round + 1}/${RUNS} ${target.label}: ${int(result.rps)} req/s, p50 ${ms(result.p50)}, ` +
          `p99 ${ms(result.p99)}${result.problems ? red(`, ${result.problems} non-2xx/errors`) : ''}`,
      );
    }
  }
  const results = targets.map((t) => [t.label, summarise(t.runs)]);
  const rate = Math.max(1, Math.floor(results[1][1].rps / 2));
  log(`Catalogue mix at half its max rate: ${int(rate)} req/s for ${DURATION_S} s`);
  const half = await run({ ...targets[1].options, overallRate: rate }, DURATION_S);
  const halfRate = { ...summarise([half]), rate };

  if (opts.profile) await reportProfile(api);
  const { markdown, ratio, meetsRatio, meetsP99 } = table(results, halfRate, machine());
  process.stdout.write(`\n${markdown}\n\n`);
  const problems = results.reduce((sum, [, s]) => sum + s.problems, 0) + halfRate.problems;
  if (problems > 0) {
    throw new UserFacingError(
      `${problems} responses were not 2xx or failed, so the figures are not comparable. ` +
        `docs/PERFORMANCE.md was left as it was.`,
    );
  }
  log(
    (meetsRatio ? green : red)(`P2 ${ratioText(ratio)} ${meetsRatio ? '≥' : '<'} ${RATIO_BAR}`) +
      ', ' +
      (meetsP99 ? green : red)(
        `p99 at half rate ${ms(halfRate.p99)} ${meetsP99 ? '≤' : '>'} ${P99_BAR_MS} ms`,
      ),
  );
  if (opts.write) await writeSection('p2', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

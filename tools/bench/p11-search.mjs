// P11 (docs/PERFORMANCE.md, issue 17): the observatory's search, `GET /api/v1/search` over 20,000
// practice documents, 20,000 publication documents and 5,000 tool documents in French, Arabic and
// English, with a mix of French words, typos, Arabic typed without diacritics, English and facets,
// against P1's route (`GET /api/health`) on the same production build in the same run; then the
// search's p95 at half its maximum rate; both for the mix as sent again and again (answers from
// the API's cache of answers after the first) and for a cold mix where every request is distinct
// (the cache cannot help: PostgreSQL answers each). The documents are written by SQL into `search_document`
// of the benchmark's own throwaway database (what the registries write through SearchIndexer).
//
//   npm run bench:p11 [-- --runs 3 --duration 10 --warmup 5 --connections 20 --practices 20000
//                        --publications 20000 --tools 5000 --log-level info --no-build --profile --write]
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
  loadAverage,
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
import { coldSearchRequests, searchRequests, seedSearch } from './lib/seed-search.mjs';

const RATIO_BAR = 0.2;
const P95_BAR_MS = 100;

const opts = readOptions(
  {
    ...COMMON_OPTIONS,
    runs: { type: 'string', default: '3' },
    practices: { type: 'string', default: '20000' },
    publications: { type: 'string', default: '20000' },
    tools: { type: 'string', default: '5000' },
  },
  ['runs', 'duration', 'warmup', 'connections', 'practices', 'publications', 'tools'],
);
const { runs: RUNS, duration: DURATION_S, warmup: WARMUP_S, connections: CONNECTIONS } = opts;
const SIZES = { practices: opts.practices, publications: opts.publications, tools: opts.tools };
const DOCUMENTS = SIZES.practices + SIZES.publications + SIZES.tools;

async function seed(databaseUrl) {
  log(
    `Seeding ${int(SIZES.practices)} practice, ${int(SIZES.publications)} publication and ` +
      `${int(SIZES.tools)} tool documents in fr/ar/en (SQL)`,
  );
  const started = performance.now();
  await withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    await seedSearch(client, SIZES);
    await client.query('COMMIT');
    // As autovacuum would soon after a bulk load: statistics, and a visibility map.
    await client.query('VACUUM (ANALYZE) search_document');
    const [counts] = (
      await client.query(`SELECT count(*)::int AS documents,
                                 count(DISTINCT (kind, record_id))::int AS records
                            FROM search_document`)
    ).rows;
    log(
      `Seeded ${int(counts.documents)} documents of ${int(counts.records)} records in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

/** Every request of the mix answers 200; the words of the mix find documents. */
async function checkMix(base, requests) {
  const all = await fetch(`${base}/api/v1/search?pageSize=1`).then((r) => r.json());
  if (!(all.total > 0) || all.items?.length !== 1) {
    throw new UserFacingError(`The search listed ${all.total} records; expected the seeded ones.`);
  }
  let empty = 0;
  for (const { path } of requests) {
    const response = await fetch(`${base}${path}`);
    if (response.status !== 200) {
      throw new UserFacingError(`${path} answered ${response.status}: ${await response.text()}`);
    }
    const body = await response.json();
    if (body.total === 0) empty += 1;
    log(`  ${decodeURIComponent(path)} → ${int(body.total)} records`);
  }
  if (empty > requests.length / 4) {
    throw new UserFacingError(`${empty} of ${requests.length} queries of the mix found nothing.`);
  }
}

function table(results, halves, info, load, cold) {
  const [health, cached, uncached] = results.map(([, s]) => s);
  const rows = [...TABLE_HEADER];
  for (const [label, s] of results) rows.push(tableRow(label, s));
  rows.push(
    tableRow(`cached mix at half its max rate (${int(halves.cached.rate)} req/s)`, halves.cached),
  );
  rows.push(
    tableRow(`cold mix at half its max rate (${int(halves.cold.rate)} req/s)`, halves.cold),
  );
  const verdict = (name, s, half) => {
    const ratio = s.rps / health.rps;
    const meetsRatio = ratio >= RATIO_BAR;
    const meetsP95 = half.p95 <= P95_BAR_MS;
    return {
      meetsRatio,
      meetsP95,
      ratio,
      text:
        `**P11 ${name} ratio (search ÷ P1's route): ${ratioText(ratio)}** — ${meetsRatio ? 'meets' : 'misses'} the ≥ ${RATIO_BAR} bar. ` +
        `**p95 at half the max rate: ${ms(half.p95)}** — ${meetsP95 ? 'meets' : 'misses'} the ≤ ${P95_BAR_MS} ms bar.`,
    };
  };
  const hot = verdict('cached mix', cached, halves.cached);
  const colder = verdict('cold mix', uncached, halves.cold);
  const loaded = Number(load.before) > info.nproc || Number(load.after) > info.nproc;
  const lines = [
    ...rows,
    '',
    hot.text,
    '',
    colder.text,
    '',
    `${measuredOn(info)}; load average ${load.before} before the runs and ${load.after} after` +
      (loaded
        ? ` (above the ${info.nproc} cores: the machine was shared with other work, so these figures are lower than the search alone would give)`
        : '') +
      `; ${int(DOCUMENTS)} documents (${int(SIZES.practices)} practice, ${int(SIZES.publications)} publication, ` +
      `${int(SIZES.tools)} tool; fr/ar/en, generated text with a Zipf-like vocabulary, some Arabic vocalised); ` +
      `the mix: French words, typos, Arabic without diacritics, English, facets with and without words; ` +
      `the cached mix sends its ${searchRequests().length} requests again and again (after the warm-up every answer comes from the API's cache); ` +
      `the cold mix sends the same queries in every visitor language on pages 1–10 of 15–25 results, each request once (${int(cold.sent)} of ${int(cold.size)} distinct searches sent: none answered from the cache); ` +
      `autocannon ${CONNECTIONS} connections, ${WARMUP_S} s warm-up per route, ${RUNS} run${RUNS === 1 ? '' : 's'} of ${DURATION_S} s each, ` +
      `routes alternated, medians shown; each half-rate run is one run of ${DURATION_S} s with autocannon's \`overallRate\`; ` +
      `API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}, SEARCH_RATE_LIMIT_PER_MINUTE raised (its Redis count still runs).`,
    '',
    `Command: \`${commandLine('p11')}\``,
  ];
  return { markdown: lines.join('\n'), hot, cold: colder };
}

runBench(opts, async (cleanups) => {
  const settings = readSettings();
  await ensureServices(settings);
  const api = await startApi({
    bench: 'p11',
    settings,
    cleanups,
    opts,
    prepare: seed,
    profileFile: join(LOG_DIR, 'p11-api.cpuprofile'),
    env: { SEARCH_RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  const requests = searchRequests();
  await checkMix(api.base, requests);
  const cold = coldSearchRequests();
  const loadBefore = loadAverage();
  const targets = [
    {
      label: `ORIS API, P1's route (\`GET ${HEALTH_ROUTE}\`)`,
      options: { url: `${api.base}${HEALTH_ROUTE}` },
    },
    {
      label: `ORIS API, cached search mix (\`GET /api/v1/search?…\`, ${requests.length} requests)`,
      options: { url: api.base, requests },
    },
    {
      label: `ORIS API, cold search mix (every request distinct)`,
      options: {
        url: api.base,
        requests: [
          { method: 'GET', setupRequest: (request) => ({ ...request, path: cold.next() }) },
        ],
      },
    },
  ].map((target) => ({ ...target, runs: [] }));
  const run = (options, duration) => load({ ...options, connections: CONNECTIONS, duration });

  for (const target of targets) {
    log(`Warming up ${target.label} for ${WARMUP_S} s`);
    await run(target.options, WARMUP_S);
  }
  for (let round = 0; round < RUNS; round += 1) {
    // Alternate the order so that drift on a shared machine hits all sides alike.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const result = await run(target.options, DURATION_S);
      target.runs.push(result);
      log(
        `run ${round + 1}/${RUNS} ${target.label}: ${int(result.rps)} req/s, p50 ${ms(result.p50)}, ` +
          `p95 ${ms(result.p95)}${result.problems ? red(`, ${result.problems} non-2xx/errors`) : ''}`,
      );
    }
  }
  const results = targets.map((t) => [t.label, summarise(t.runs)]);
  const halves = {};
  for (const [name, index] of [
    ['cached', 1],
    ['cold', 2],
  ]) {
    const rate = Math.max(1, Math.floor(results[index][1].rps / 2));
    log(`${name} search mix at half its max rate: ${int(rate)} req/s for ${DURATION_S} s`);
    const half = await run({ ...targets[index].options, overallRate: rate }, DURATION_S);
    halves[name] = { ...summarise([half]), rate };
  }
  if (cold.sent > cold.size) {
    throw new UserFacingError(
      `The cold mix sent ${cold.sent} requests, more than its ${cold.size} distinct ones.`,
    );
  }
  const loadAfter = loadAverage();

  if (opts.profile) await reportProfile(api);
  const {
    markdown,
    hot,
    cold: colder,
  } = table(
    results,
    halves,
    machine(),
    {
      before: loadBefore,
      after: loadAfter,
    },
    cold,
  );
  process.stdout.write(`\n${markdown}\n\n`);
  const problems =
    results.reduce((sum, [, s]) => sum + s.problems, 0) +
    halves.cached.problems +
    halves.cold.problems;
  if (problems > 0) {
    throw new UserFacingError(
      `${problems} responses were not 2xx or failed, so the figures are not comparable. ` +
        `docs/PERFORMANCE.md was left as it was.`,
    );
  }
  for (const [name, v] of [
    ['cached', hot],
    ['cold', colder],
  ]) {
    log(
      `${name}: ` +
        (v.meetsRatio ? green : red)(
          `P11 ${ratioText(v.ratio)} ${v.meetsRatio ? '≥' : '<'} ${RATIO_BAR}`,
        ) +
        ', ' +
        (v.meetsP95 ? green : red)(`p95 at half rate ${v.meetsP95 ? '≤' : '>'} ${P95_BAR_MS} ms`),
    );
  }
  if (opts.write) await writeSection('p11', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

// P1 (docs/PERFORMANCE.md, QUALITY.md): the API's bare route on its real HTTP stack against a bare
// Fastify hello server, measured in the same run. autocannon runs here, in this process; each
// server runs in a process of its own. The API is the production build, on a throwaway database
// created, migrated and dropped by this script.
//
//   npm run bench:p1 [-- --runs 5 --duration 10 --warmup 5 --connections 20 --log-level info
//                       --bare-only --no-build --profile --write]
import { join } from 'node:path';
import { ROOT, UserFacingError, bold, green, log, readSettings, red } from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import {
  COMMON_OPTIONS,
  HEALTH_ROUTE,
  LOG_DIR,
  TABLE_HEADER,
  commandLine,
  freePort,
  int,
  load,
  machine,
  measuredOn,
  ms,
  readOptions,
  reportProfile,
  runBench,
  startApi,
  startProcess,
  summarise,
  tableRow,
  tail,
  waitUntilAnswering,
  writeSection,
} from './lib/http-load.mjs';

const BAR = 0.85;
const ROUTE = HEALTH_ROUTE;

const opts = readOptions({ ...COMMON_OPTIONS, 'bare-only': { type: 'boolean', default: false } }, [
  'runs',
  'duration',
  'warmup',
  'connections',
]);
const RUNS = opts.runs;
const DURATION_S = opts.duration;
const WARMUP_S = opts.warmup;
const CONNECTIONS = opts.connections;

async function startBare() {
  const server = startProcess(
    'p1-bare-fastify',
    [join(ROOT, 'tools', 'bench', 'bare-fastify-server.mjs')],
    {
      PORT: String(await freePort()),
    },
  );
  const port = await new Promise((resolve, reject) => {
    let buffered = '';
    server.child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const match = /listening (\d+)/.exec(buffered);
      if (match) resolve(Number(match[1]));
    });
    server.child.on('exit', () => reject(new Error(`bare server exited: ${tail(server.logPath)}`)));
  });
  const url = `http://127.0.0.1:${port}${ROUTE}`;
  await waitUntilAnswering(server, url);
  return { server, url };
}

function table(results, info) {
  const rows = [...TABLE_HEADER];
  for (const [label, s] of results) rows.push(tableRow(label, s));
  const bare = results[0]?.[1];
  const app = results[1]?.[1];
  const lines = [...rows, ''];
  let ratio = null;
  if (bare && app) {
    ratio = app.rps / bare.rps;
    const verdict = ratio >= BAR ? 'meets' : 'misses';
    lines.push(`**P1 ratio (API ÷ bare): ${ratio.toFixed(2)}** — ${verdict} the ≥ ${BAR} bar.`, '');
  }
  lines.push(
    `${measuredOn(info)}; ` +
      `autocannon ${CONNECTIONS} connections, ${WARMUP_S} s warm-up per server, ${RUNS} run${RUNS === 1 ? '' : 's'} of ${DURATION_S} s each, ` +
      `servers alternated, medians shown` +
      (app
        ? `; API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}.`
        : '.'),
    '',
    `Command: \`${commandLine('p1')}\``,
  );
  return { markdown: lines.join('\n'), ratio };
}

runBench(opts, async (cleanups) => {
  if (opts.write && opts['bare-only'])
    throw new UserFacingError('--write needs the API measured too (drop --bare-only).');
  const targets = [];
  let api = null;
  const bare = await startBare();
  cleanups.push(() => bare.server.stop());
  targets.push({ label: `bare Fastify hello (\`GET ${ROUTE}\`)`, url: bare.url, runs: [] });
  if (!opts['bare-only']) {
    const settings = readSettings();
    await ensureServices(settings);
    api = await startApi({
      bench: 'p1',
      settings,
      cleanups,
      opts,
      profileFile: join(LOG_DIR, 'p1-api.cpuprofile'),
    });
    targets.push({
      label: `ORIS API, production build (\`GET ${ROUTE}\`)`,
      url: `${api.base}${ROUTE}`,
      runs: [],
    });
  }

  const run = (url, duration) => load({ url, connections: CONNECTIONS, duration });
  for (const target of targets) {
    log(`Warming up ${target.label} for ${WARMUP_S} s`);
    await run(target.url, WARMUP_S);
  }
  for (let round = 0; round < RUNS; round += 1) {
    // Alternate the order so that drift on a shared machine hits both sides alike.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const result = await run(target.url, DURATION_S);
      target.runs.push(result);
      log(
        `run ${round + 1}/${RUNS} ${target.label}: ${int(result.rps)} req/s, p50 ${ms(result.p50)}, ` +
          `p99 ${ms(result.p99)}${result.problems ? red(`, ${result.problems} non-2xx/errors`) : ''}`,
      );
    }
  }

  if (opts.profile && api) await reportProfile(api);
  const results = targets.map((t) => [t.label, summarise(t.runs)]);
  const { markdown, ratio } = table(results, machine());
  process.stdout.write(`\n${markdown}\n\n`);
  const problems = results.reduce((sum, [, s]) => sum + s.problems, 0);
  if (problems > 0) {
    throw new UserFacingError(
      `${problems} responses were not 2xx or failed, so the figures are not comparable ` +
        `(is the route rate-limited?). docs/PERFORMANCE.md was left as it was.`,
    );
  }
  if (ratio !== null) {
    log(
      ratio >= BAR
        ? green(`P1 ${ratio.toFixed(2)} ≥ ${BAR}`)
        : red(`P1 ${ratio.toFixed(2)} < ${BAR}`),
    );
  }
  if (opts.write) await writeSection('p1', markdown);
  else if (ratio !== null) log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

// P1 (docs/PERFORMANCE.md, QUALITY.md): the API's bare route on its real HTTP stack against a bare
// Fastify hello server, measured in the same run. autocannon runs here, in this process; each
// server runs in a process of its own. The API is the production build, on a throwaway database
// created, migrated and dropped by this script.
//
//   npm run bench:p1 [-- --runs 5 --duration 10 --warmup 5 --connections 20 --log-level info
//                       --bare-only --no-build --profile --write]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstall } from '../dev/ensure-install.mjs';
import {
  NX,
  NX_ENV,
  ROOT,
  UserFacingError,
  bold,
  error,
  green,
  httpStatus,
  loadDotEnv,
  log,
  main,
  readSettings,
  red,
  requireFromRoot,
  runOrThrow,
  sleep,
  warn,
} from '../dev/lib.mjs';
import { ensureServices, withPgAdmin } from '../dev/services.mjs';
import { formatProfile, summariseProfile } from './cpu-profile.mjs';

const BAR = 0.85;
const ROUTE = '/api/health';
const API_DIST = join(ROOT, 'dist', 'apps', 'api');
const LOG_DIR = join(ROOT, 'tmp', 'bench');
const PERFORMANCE_DOC = join(ROOT, 'docs', 'PERFORMANCE.md');
const PROFILE_FILE = join(LOG_DIR, 'p1-api.cpuprofile');
const SECTION_START = '<!-- bench:p1:start -->';
const SECTION_END = '<!-- bench:p1:end -->';

const OPTIONS = {
  runs: { type: 'string', default: '5' },
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '5' },
  connections: { type: 'string', default: '20' },
  'log-level': { type: 'string', default: 'info' },
  'bare-only': { type: 'boolean', default: false },
  'no-build': { type: 'boolean', default: false },
  profile: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
};

function readOptions() {
  try {
    const { values } = parseArgs({ options: OPTIONS });
    for (const name of ['runs', 'duration', 'warmup', 'connections']) {
      const value = Number(values[name]);
      if (!Number.isInteger(value) || value < 1)
        throw new Error(`--${name} must be a positive integer`);
      values[name] = value;
    }
    return values;
  } catch (err) {
    error(
      `${err.message}\nOptions: ${Object.keys(OPTIONS)
        .map((name) => `--${name}`)
        .join(' ')}`,
    );
    process.exit(64);
  }
}

const opts = readOptions();
const RUNS = opts.runs;
const DURATION_S = opts.duration;
const WARMUP_S = opts.warmup;
const CONNECTIONS = opts.connections;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A server process whose output goes to a log file; stop() ends it and waits. */
function startProcess(name, args, env) {
  mkdirSync(LOG_DIR, { recursive: true });
  const logPath = join(LOG_DIR, `p1-${name}.log`);
  const logFile = createWriteStream(logPath);
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  let exit = null;
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve((exit = { code, signal }))),
  );
  return {
    name,
    logPath,
    child,
    hasExited: () => exit !== null,
    async stop() {
      if (exit) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function tail(path, lines = 30) {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function waitUntilAnswering(server, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited()) break;
    if ((await httpStatus(url)) === 200) return;
    await sleep(250);
  }
  throw new UserFacingError(
    `${server.name} did not answer 200 on ${url}. Last lines of ${server.logPath}:\n${tail(server.logPath)}`,
  );
}

async function startBare() {
  const server = startProcess(
    'bare-fastify',
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

async function startApi(settings, cleanups) {
  if (!opts['no-build']) {
    log('Building the API (production): nx run api:build');
    await runOrThrow(NX, ['run', 'api:build'], { env: NX_ENV });
  }
  for (const file of ['main.js', 'cli.js']) {
    if (!existsSync(join(API_DIST, file))) {
      throw new UserFacingError(
        `dist/apps/api/${file} is missing: build the API first (nx run api:build).`,
      );
    }
  }

  const dbName = `oris_bench_${randomBytes(5).toString('hex')}`;
  const dbUrl = new URL(settings.DATABASE_URL);
  dbUrl.pathname = `/${dbName}`;
  await withPgAdmin(settings, (client) => client.query(`CREATE DATABASE ${dbName}`));
  cleanups.push(async () => {
    await withPgAdmin(settings, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`),
    );
    log(`Dropped the throwaway database ${dbName}`);
  });
  log(`Created the throwaway database ${dbName}; migrating it: node dist/apps/api/cli.js migrate`);

  const env = {
    NODE_ENV: 'production',
    API_HOST: '127.0.0.1',
    API_PORT: String(await freePort()),
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: settings.REDIS_URL,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: opts['log-level'],
  };
  await runOrThrow(process.execPath, [join(API_DIST, 'cli.js'), 'migrate'], { env });

  // --profile: the API samples its own CPU from the start (see profile-preload.cjs).
  const profileArgs = opts.profile
    ? ['-r', join(ROOT, 'tools', 'bench', 'profile-preload.cjs')]
    : [];
  if (opts.profile) rmSync(PROFILE_FILE, { force: true });
  const server = startProcess('api', [...profileArgs, join(API_DIST, 'main.js')], {
    ...env,
    ...(opts.profile ? { ORIS_PROFILE_OUT: PROFILE_FILE } : {}),
  });
  cleanups.push(() => server.stop());
  const url = `http://127.0.0.1:${env.API_PORT}${ROUTE}`;
  await waitUntilAnswering(server, url);
  return { server, url };
}

/** Asks the API for its CPU profile and prints where its time went. */
async function reportProfile(api) {
  api.server.child.kill('SIGUSR2');
  const deadline = Date.now() + 15_000;
  while (!existsSync(PROFILE_FILE) && Date.now() < deadline) await sleep(200);
  await sleep(500); // let the write finish
  if (!existsSync(PROFILE_FILE)) {
    warn(`No CPU profile was written; see ${api.server.logPath}`);
    return;
  }
  process.stdout.write(
    `\nAPI CPU profile (${PROFILE_FILE}; open it in Chrome DevTools for the call tree)\n`,
  );
  process.stdout.write(`${formatProfile(summariseProfile(PROFILE_FILE))}\n\n`);
}

const percentile = (sorted, p) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One autocannon run; latencies are kept at full precision (autocannon's own are whole ms). */
async function load(url, seconds) {
  const autocannon = requireFromRoot('autocannon');
  const latencies = [];
  let statusProblems = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else statusProblems += 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    problems: statusProblems + result.errors + result.timeouts,
  };
}

function summarise(runs) {
  return {
    rps: median(runs.map((r) => r.rps)),
    rpsMin: Math.min(...runs.map((r) => r.rps)),
    rpsMax: Math.max(...runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    problems: runs.reduce((sum, r) => sum + r.problems, 0),
  };
}

const ms = (value) => `${value.toFixed(2)} ms`;
const int = (value) => Math.round(value).toLocaleString('en-US');

function machine() {
  const fastify = requireFromRoot('fastify/package.json').version;
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    fastify,
  };
}

function commandLine() {
  const args = process.argv.slice(2);
  return `npm run bench:p1${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

function table(results, info) {
  const rows = [
    '| server | req/s (median) | req/s (min–max) | p50 | p95 | p99 | non-2xx / errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [label, s] of results) {
    rows.push(
      `| ${label} | ${int(s.rps)} | ${int(s.rpsMin)}–${int(s.rpsMax)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.problems} |`,
    );
  }
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
    `Measured ${info.date} on ${info.nproc} cores (${info.cpu}), Node ${info.node}, Fastify ${info.fastify}; ` +
      `autocannon ${CONNECTIONS} connections, ${WARMUP_S} s warm-up per server, ${RUNS} run${RUNS === 1 ? '' : 's'} of ${DURATION_S} s each, ` +
      `servers alternated, medians shown` +
      (app
        ? `; API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}.`
        : '.'),
    '',
    `Command: \`${commandLine()}\``,
  );
  return { markdown: lines.join('\n'), ratio };
}

/** Replaces the P1 section of docs/PERFORMANCE.md, formatted as the format check expects. */
async function writeSection(markdown) {
  const doc = readFileSync(PERFORMANCE_DOC, 'utf8');
  const start = doc.indexOf(SECTION_START);
  const end = doc.indexOf(SECTION_END);
  if (start < 0 || end < start) {
    throw new UserFacingError(
      `${PERFORMANCE_DOC} has no ${SECTION_START} … ${SECTION_END} section to update.`,
    );
  }
  const updated = `${doc.slice(0, start + SECTION_START.length)}\n${markdown}\n${doc.slice(end)}`;
  const loaded = await import(pathToFileURL(requireFromRoot.resolve('prettier')).href);
  const prettier = loaded.default ?? loaded;
  const options = (await prettier.resolveConfig(PERFORMANCE_DOC)) ?? {};
  writeFileSync(
    PERFORMANCE_DOC,
    await prettier.format(updated, { ...options, filepath: PERFORMANCE_DOC }),
  );
  log('Updated docs/PERFORMANCE.md');
}

main(async () => {
  if (opts.write && opts.profile) {
    throw new UserFacingError('--profile slows the API down: do not --write its figures.');
  }
  if (opts.write && opts['bare-only'])
    throw new UserFacingError('--write needs the API measured too (drop --bare-only).');
  await ensureInstall();
  loadDotEnv();
  const cleanups = [];
  let interrupted = false;
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err) => warn(`clean-up: ${err.message}`));
    }
    cleanups.length = 0;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      warn('Interrupted: stopping the servers and dropping the throwaway database…');
      cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    const targets = [];
    let api = null;
    const bare = await startBare();
    cleanups.push(() => bare.server.stop());
    targets.push({ label: `bare Fastify hello (\`GET ${ROUTE}\`)`, url: bare.url, runs: [] });
    if (!opts['bare-only']) {
      const settings = readSettings();
      await ensureServices(settings);
      api = await startApi(settings, cleanups);
      targets.push({
        label: `ORIS API, production build (\`GET ${ROUTE}\`)`,
        url: api.url,
        runs: [],
      });
    }

    for (const target of targets) {
      log(`Warming up ${target.label} for ${WARMUP_S} s`);
      await load(target.url, WARMUP_S);
    }
    for (let round = 0; round < RUNS; round += 1) {
      // Alternate the order so that drift on a shared machine hits both sides alike.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        const result = await load(target.url, DURATION_S);
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
    if (opts.write) await writeSection(markdown);
    else if (ratio !== null) log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
  } finally {
    await cleanUp();
  }
});

// What the HTTP benchmarks (P1–P4, P6) share: options, server processes, the API's (and the
// worker's) production build on a throwaway database, access tokens signed as the API signs them,
// autocannon runs with full-precision latencies, the markdown table's figures, and the section of
// docs/PERFORMANCE.md each one rewrites with --write.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstall } from '../../dev/ensure-install.mjs';
import {
  NX,
  NX_ENV,
  ROOT,
  UserFacingError,
  error,
  httpStatus,
  loadDotEnv,
  log,
  main,
  requireFromRoot,
  runOrThrow,
  sleep,
  warn,
} from '../../dev/lib.mjs';
import { withPgAdmin } from '../../dev/services.mjs';
import { formatProfile, summariseProfile } from './cpu-profile.mjs';

/** P1's route: the ceiling the later benchmarks are measured against. */
export const HEALTH_ROUTE = '/api/health';
export const API_DIST = join(ROOT, 'dist', 'apps', 'api');
export const WORKER_DIST = join(ROOT, 'dist', 'apps', 'worker');
export const LOG_DIR = join(ROOT, 'tmp', 'bench');
const PERFORMANCE_DOC = join(ROOT, 'docs', 'PERFORMANCE.md');

/** Options every HTTP benchmark takes; `extra` adds its own (and may change defaults). */
export const COMMON_OPTIONS = {
  runs: { type: 'string', default: '5' },
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '5' },
  connections: { type: 'string', default: '20' },
  'log-level': { type: 'string', default: 'info' },
  'no-build': { type: 'boolean', default: false },
  profile: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
};

/** Parses the command line; the names in `integers` must be positive integers. */
export function readOptions(options, integers) {
  try {
    const { values } = parseArgs({ options });
    for (const name of integers) {
      const value = Number(values[name]);
      if (!Number.isInteger(value) || value < 1)
        throw new Error(`--${name} must be a positive integer`);
      values[name] = value;
    }
    return values;
  } catch (err) {
    error(
      `${err.message}\nOptions: ${Object.keys(options)
        .map((name) => `--${name}`)
        .join(' ')}`,
    );
    process.exit(64);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A server process whose output goes to tmp/bench/<name>.log; stop() ends it and waits. */
export function startProcess(name, args, env) {
  mkdirSync(LOG_DIR, { recursive: true });
  const logPath = join(LOG_DIR, `${name}.log`);
  // The stream truncates the file only once it has opened it: until then, a reader waiting for a
  // line (`Worker started`) would find it in the previous run's log.
  rmSync(logPath, { force: true });
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

export function tail(path, lines = 30) {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export async function waitUntilAnswering(server, url, timeoutMs = 180_000) {
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

/** The API's production build (`nx run api:build`), unless --no-build. */
export async function buildApi(opts) {
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
}

/**
 * A throwaway database, created and migrated here (`node dist/apps/api/cli.js migrate`) and
 * dropped by the clean-ups, and the environment of an API on it (a free port, a fresh JWT
 * secret, `extraEnv` added). `prepare(databaseUrl)` runs after the migration (to seed).
 */
export async function prepareBenchDatabase({ settings, cleanups, opts, prepare, extraEnv = {} }) {
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
    CREDENTIAL_SIGNING_SEED: randomBytes(32).toString('hex'),
    LOG_LEVEL: opts['log-level'],
    ...extraEnv,
  };
  await runOrThrow(process.execPath, [join(API_DIST, 'cli.js'), 'migrate'], { env });
  if (prepare) await prepare(env.DATABASE_URL);
  return env;
}

/**
 * The API's production build (built unless --no-build) on a throwaway database (see
 * `prepareBenchDatabase`; `prepare` seeds it before the API starts). With `profile`, the API
 * samples its own CPU (see profile-preload.cjs) and `reportProfile` prints where its time went.
 * `env` adds to the API's environment (and the migration's); `nodeArgs` go before the script
 * (e.g. `-r` a preload).
 */
export async function startApi({
  bench,
  settings,
  cleanups,
  opts,
  prepare,
  profileFile,
  env: extraEnv = {},
  nodeArgs = [],
}) {
  await buildApi(opts);
  const env = await prepareBenchDatabase({ settings, cleanups, opts, prepare, extraEnv });

  const profileArgs = opts.profile
    ? ['-r', join(ROOT, 'tools', 'bench', 'profile-preload.cjs')]
    : [];
  if (opts.profile) rmSync(profileFile, { force: true });
  const server = startProcess(
    `${bench}-api`,
    [...profileArgs, ...nodeArgs, join(API_DIST, 'main.js')],
    {
      ...env,
      ...(opts.profile ? { ORIS_PROFILE_OUT: profileFile } : {}),
    },
  );
  cleanups.push(() => server.stop());
  const base = `http://127.0.0.1:${env.API_PORT}`;
  await waitUntilAnswering(server, `${base}${HEALTH_ROUTE}`);
  return { server, base, env, profileFile };
}

/** The worker's production build (`nx run worker:build`), unless --no-build. */
export async function buildWorker(opts) {
  if (!opts['no-build']) {
    log('Building the worker (production): nx run worker:build');
    await runOrThrow(NX, ['run', 'worker:build'], { env: NX_ENV });
  }
  if (!existsSync(join(WORKER_DIST, 'main.js'))) {
    throw new UserFacingError(
      'dist/apps/worker/main.js is missing: build the worker first (nx run worker:build).',
    );
  }
}

/**
 * One worker process (`node dist/apps/worker/main.js`, NODE_ENV=production) on the API's
 * database and Redis (`api.env`), plus `env`; `nodeArgs` go before the script (e.g. `-r` a
 * preload). Resolves once it logged that it started.
 */
export async function startWorker({
  bench,
  api,
  cleanups,
  env = {},
  nodeArgs = [],
  timeoutMs = 60_000,
}) {
  const worker = startProcess(`${bench}-worker`, [...nodeArgs, join(WORKER_DIST, 'main.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: api.env.DATABASE_URL,
    REDIS_URL: api.env.REDIS_URL,
    JWT_SECRET: api.env.JWT_SECRET,
    CREDENTIAL_SIGNING_SEED: api.env.CREDENTIAL_SIGNING_SEED,
    LOG_LEVEL: api.env.LOG_LEVEL,
    ...env,
  });
  cleanups.push(() => worker.stop());
  const deadline = Date.now() + timeoutMs;
  while (!tail(worker.logPath, 200).includes('Worker started')) {
    if (worker.hasExited() || Date.now() > deadline) {
      throw new UserFacingError(
        `The worker did not start. Last lines of ${worker.logPath}:\n${tail(worker.logPath)}`,
      );
    }
    await sleep(200);
  }
  return worker;
}

const base64url = (value) => Buffer.from(value).toString('base64url');

/**
 * An access token as `AccessTokens.issue` makes it: HS256, the API's audience and issuer, valid
 * for `ttlSeconds` (1 h, as the API's; the chaos run's learners need longer).
 */
export function signAccessToken(secret, { id, email }, roles, ttlSeconds = 3600) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      sub: id,
      email,
      roles,
      iat: now,
      exp: now + ttlSeconds,
      aud: 'oris-api',
      iss: 'oris-academy',
    }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}

/** Drops what the API's profiler sampled so far: the profile then covers what follows only. */
export function restartProfile(api) {
  api.server.child.kill('SIGUSR1');
}

/** Asks the API for its CPU profile and prints where its time went. */
export async function reportProfile(api) {
  const file = api.profileFile;
  api.server.child.kill('SIGUSR2');
  const deadline = Date.now() + 15_000;
  while (!existsSync(file) && Date.now() < deadline) await sleep(200);
  await sleep(500); // let the write finish
  if (!existsSync(file)) {
    warn(`No CPU profile was written; see ${api.server.logPath}`);
    return;
  }
  process.stdout.write(
    `\nAPI CPU profile (${file}; open it in Chrome DevTools for the call tree)\n`,
  );
  process.stdout.write(`${formatProfile(summariseProfile(file))}\n\n`);
}

/** A PostgreSQL client on `url` for `fn`, closed afterwards. */
export async function withDatabase(url, fn) {
  const { Client } = requireFromRoot('pg');
  const client = new Client({ connectionString: url, application_name: 'oris-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const percentile = (sorted, p) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * One autocannon run (any autocannon options: `url`, `requests`, `overallRate`, `amount`…);
 * latencies are kept at full precision (autocannon's own are whole ms), and anything but a
 * 2xx (or, with `expectStatus`, anything but that status) is counted as a problem.
 */
export async function load({ expectStatus, ...options }) {
  const autocannon = requireFromRoot('autocannon');
  const latencies = [];
  let statusProblems = 0;
  const expected = expectStatus
    ? (statusCode) => statusCode === expectStatus
    : (statusCode) => statusCode >= 200 && statusCode < 300;
  const started = performance.now();
  let lastResponseAt = started;
  const instance = autocannon({ pipelining: 1, ...options });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    lastResponseAt = performance.now();
    if (expected(statusCode)) latencies.push(responseTime);
    else statusProblems += 1;
  });
  const result = await instance;
  // A run of a fixed `amount` lasts until its last answer. Autocannon only reports (and resolves)
  // on its next one-second sampling tick, so its own duration, or the time until it resolves,
  // would round every burst up to a whole second.
  const seconds = options.amount ? (lastResponseAt - started) / 1000 : result.duration;
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / (seconds || options.duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    problems: statusProblems + result.errors + result.timeouts,
  };
}

export function summarise(runs) {
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

export const ms = (value) => `${value.toFixed(2)} ms`;
export const int = (value) => Math.round(value).toLocaleString('en-US');
/** Two decimals, three below 0.1 (so that a small ratio does not read 0.00). */
export const ratioText = (ratio) => ratio.toFixed(ratio < 0.1 ? 3 : 2);

/** The table's columns for one measured target (see `tableRow`). */
export const TABLE_HEADER = [
  '| server | req/s (median) | req/s (min–max) | p50 | p95 | p99 | non-2xx / errors |',
  '|---|---:|---:|---:|---:|---:|---:|',
];

export const tableRow = (label, s) =>
  `| ${label} | ${int(s.rps)} | ${int(s.rpsMin)}–${int(s.rpsMax)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.problems} |`;

export function machine() {
  const fastify = requireFromRoot('fastify/package.json').version;
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    fastify,
    load: loadavg()[0],
  };
}

/** "Measured … on 2 cores (…), Node …, Fastify …" for the table's footnote. */
export const measuredOn = (info) =>
  `Measured ${info.date} on ${info.nproc} cores (${info.cpu}), Node ${info.node}, Fastify ${info.fastify}`;

/** Load average over the last minute, one decimal: a shared machine shows here. */
export const loadAverage = () => loadavg()[0].toFixed(1);

export function commandLine(bench) {
  const args = process.argv.slice(2);
  return `npm run bench:${bench}${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

/** Replaces the `bench` section of docs/PERFORMANCE.md, formatted as the format check expects. */
export async function writeSection(bench, markdown) {
  const start = `<!-- bench:${bench}:start -->`;
  const end = `<!-- bench:${bench}:end -->`;
  const doc = readFileSync(PERFORMANCE_DOC, 'utf8');
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) {
    throw new UserFacingError(`${PERFORMANCE_DOC} has no ${start} … ${end} section to update.`);
  }
  const updated = `${doc.slice(0, from + start.length)}\n${markdown}\n${doc.slice(to)}`;
  const loaded = await import(pathToFileURL(requireFromRoot.resolve('prettier')).href);
  const prettier = loaded.default ?? loaded;
  const options = (await prettier.resolveConfig(PERFORMANCE_DOC)) ?? {};
  writeFileSync(
    PERFORMANCE_DOC,
    await prettier.format(updated, { ...options, filepath: PERFORMANCE_DOC }),
  );
  log('Updated docs/PERFORMANCE.md');
}

/**
 * Runs a benchmark: refuses --write with --profile, installs, reads .env, and always runs the
 * clean-ups (servers stopped, throwaway database dropped), on Ctrl-C too.
 */
export function runBench(opts, fn) {
  main(async () => {
    if (opts.write && opts.profile) {
      throw new UserFacingError('--profile slows the API down: do not --write its figures.');
    }
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
      await fn(cleanups);
    } finally {
      await cleanUp();
    }
  });
}

/** CPU time (user + system, seconds) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the state), in ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

// R8 (QUALITY.md, docs/RELIABILITY.md): a bounded mixed load — enroll, complete, issue the
// certificate, verify it, record a placement — for N minutes while a random API, worker, Redis or
// PostgreSQL process is killed (SIGKILL) every 30 s and started again; then every enrollment,
// certificate, stored PDF, email and placement is checked to exist exactly once.
//
// Everything runs on loopback, on ports reserved for the run, from a temporary folder removed at
// the end: its own PostgreSQL (initdb; as root through `runuser -u postgres`), its own Redis (with
// an append-only file), an SMTP sink in this process, and the production build of the API and the
// worker (`nx run-many -t build -p api worker` unless --no-build). The shared servers on
// 5432/6379 are never used. Exit code 0 when every check holds.
//
//   npm run chaos -- [--minutes 10] [--kill-every 30] [--flows 4] [--seed 1] [--no-build]
//                    [--keep] [--write]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  NX,
  NX_ENV,
  ROOT,
  UserFacingError,
  bold,
  duration,
  error,
  green,
  log,
  main,
  red,
  requireFromRoot,
  runOrThrow,
  sleep,
  warn,
} from '../dev/lib.mjs';
import {
  apiService,
  postgresBin,
  postgresService,
  redisService,
  workerService,
} from './services.mjs';
import {
  STEP_DEADLINE_MS,
  check,
  runLoad,
  seed,
  settle,
  startSmtpSink,
  httpClient,
  withClient,
} from './flows.mjs';

const OPTIONS = {
  minutes: { type: 'string', default: '10' },
  'kill-every': { type: 'string', default: '30' },
  flows: { type: 'string', default: '4' },
  seed: { type: 'string', default: String(Date.now() % 100_000) },
  'no-build': { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
};

/** Learners seeded per minute of load: more than a run gets through on a small machine. */
const LEARNERS_PER_MINUTE = 1_500;
/** A killed service stays down this long (a random duration in the range) before its restart. */
const DOWNTIME_MS = [1_000, 6_000];

const RELIABILITY_DOC = join(ROOT, 'docs', 'RELIABILITY.md');
const SECTION_START = '<!-- chaos:start -->';
const SECTION_END = '<!-- chaos:end -->';

function readOptions() {
  try {
    const { values } = parseArgs({ options: OPTIONS });
    for (const name of ['minutes', 'kill-every', 'flows', 'seed']) {
      const value = Number(values[name]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be positive`);
      values[name] = value;
    }
    if (values.flows > 32) throw new Error('--flows is at most 32');
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

/** A small seeded generator (mulberry32): the kill schedule of a run can be replayed. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/**
 * Every `killEvery`, a service is killed, left down a moment, and started again. The victim is
 * drawn at random from those not yet killed in the current round, so that every service is
 * killed once in every round of four.
 */
async function runChaos({ services, killEvery, stopAt, rand, events, isStopped }) {
  let round = [];
  while (!isStopped()) {
    const wait = Math.min(killEvery, stopAt - Date.now());
    if (wait <= 0) return;
    await sleep(wait);
    if (Date.now() >= stopAt || isStopped()) return;
    if (round.length === 0) round = Object.keys(services);
    const [name] = round.splice(Math.floor(rand() * round.length), 1);
    const service = services[name];
    const downMs = Math.round(DOWNTIME_MS[0] + rand() * (DOWNTIME_MS[1] - DOWNTIME_MS[0]));
    const at = Date.now();
    await service.kill();
    log(`chaos: killed ${bold(name)} (SIGKILL); restarting it in ${duration(downMs)}`);
    await sleep(downMs);
    await service.start();
    const event = { at, name, downMs, backAfterMs: Date.now() - at };
    events.push(event);
    log(`chaos: ${name} back after ${duration(event.backAfterMs)}`);
  }
}

function report({ opts, started, events, results, stats, checks, settleLeft, info }) {
  const done = results.filter((r) => r.done).length;
  const failed = results.filter((r) => r.error);
  const byService = {};
  for (const event of events) byService[event.name] = (byService[event.name] ?? 0) + 1;
  const lines = [
    `Run of ${info.date}: ${opts.minutes} min of load with ${opts.flows} concurrent learners, a kill every ${opts['kill-every']} s ` +
      `(seed ${opts.seed}), on ${info.nproc} cores, Node ${info.node}, PostgreSQL ${info.postgres}, Redis ${info.redis}; ` +
      `${duration(Date.now() - started)} in all.`,
    '',
    `Kills (SIGKILL, then a restart): ${events.length} — ${Object.entries(byService)
      .map(([name, count]) => `${name} ${count}`)
      .join(
        ', ',
      )}; each service back within ${duration(Math.max(0, ...events.map((e) => e.backAfterMs)))} at most.`,
    '',
    `Learners: ${results.length} started, ${done} went through every step, ${failed.length} gave up on a step after ${STEP_DEADLINE_MS / 1000} s of retries.`,
    `Answers seen by the clients: ${Object.entries(stats.statuses)
      .sort()
      .map(([status, count]) => `${status} × ${count}`)
      .join(', ')}.`,
    ...(Object.keys(stats.serverErrors).length
      ? [
          `5xx answers by route: ${Object.entries(stats.serverErrors)
            .map(([route, count]) => `${route} × ${count}`)
            .join('; ')}.`,
        ]
      : []),
    `Left to do when the checks ran: ${settleLeft.renders} renders, ${settleLeft.emails} emails.`,
    '',
    '| check | result | figures |',
    '|---|---|---|',
    ...checks.map(
      (c) =>
        `| ${c.name} | ${c.ok ? 'holds' : `**fails**: ${c.problems.join('; ')}`} | ${Object.entries(
          c.detail,
        )
          .map(([key, value]) => `${key} ${value}`)
          .join(', ')} |`,
    ),
    '',
    ...(failed.length
      ? [
          `Steps given up (first 5): ${failed
            .slice(0, 5)
            .map((r) => r.error)
            .join(' / ')}`,
          '',
        ]
      : []),
    `Command: \`npm run chaos -- ${process.argv.slice(2).join(' ')}\``,
  ];
  return lines.join('\n');
}

async function writeSection(markdown) {
  const doc = readFileSync(RELIABILITY_DOC, 'utf8');
  const start = doc.indexOf(SECTION_START);
  const end = doc.indexOf(SECTION_END);
  if (start < 0 || end < start) {
    throw new UserFacingError(
      `${RELIABILITY_DOC} has no ${SECTION_START} … ${SECTION_END} section.`,
    );
  }
  const updated = `${doc.slice(0, start + SECTION_START.length)}\n${markdown}\n${doc.slice(end)}`;
  const loaded = await import(pathToFileURL(requireFromRoot.resolve('prettier')).href);
  const prettier = loaded.default ?? loaded;
  const options = (await prettier.resolveConfig(RELIABILITY_DOC)) ?? {};
  await writeFile(
    RELIABILITY_DOC,
    await prettier.format(updated, { ...options, filepath: RELIABILITY_DOC }),
  );
  log('Updated docs/RELIABILITY.md');
}

const versionOf = (command, args, pattern) =>
  pattern.exec(spawnSync(command, args, { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 'unknown';

main(async () => {
  const opts = readOptions();
  if (!opts['no-build']) {
    log('Building the API and the worker (production): nx run-many -t build -p api worker');
    await runOrThrow(NX, ['run-many', '-t', 'build', '-p', 'api', 'worker'], { env: NX_ENV });
  }
  for (const app of ['api/main.js', 'api/cli.js', 'worker/main.js']) {
    if (!existsSync(join(ROOT, 'dist', 'apps', app)))
      throw new UserFacingError(`dist/apps/${app} is missing: build first (or drop --no-build).`);
  }

  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'oris-chaos-'));
  // PostgreSQL runs as another user (as root): it must be able to reach its folder inside.
  chmodSync(dir, 0o755);
  const logDir = dir;
  const storageDir = join(dir, 'files');
  const rand = random(opts.seed);
  const cleanups = [];
  let stopped = false;
  const cleanUp = async () => {
    stopped = true;
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((err) => warn(`clean-up: ${err.message}`));
    cleanups.length = 0;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      warn('Interrupted: stopping every service of the run…');
      cleanUp().finally(() => process.exit(130));
    });
  }

  let failedChecks = true;
  try {
    log(`Working folder ${dir}`);
    const postgres = postgresService({ dir, port: await freePort(), logDir });
    cleanups.push(() => postgres.stop());
    await postgres.start();
    await withClient(postgres.adminUrl, (client) => client.query('CREATE DATABASE oris_chaos'));
    const redis = redisService({ dir, port: await freePort(), logDir });
    cleanups.push(() => redis.stop());
    await redis.start();
    const sink = await startSmtpSink();
    cleanups.push(() => sink.close());

    const secret = randomBytes(32).toString('hex');
    const env = {
      NODE_ENV: 'production',
      API_HOST: '127.0.0.1',
      API_PORT: String(await freePort()),
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      JWT_SECRET: secret,
      CREDENTIAL_SIGNING_SEED: randomBytes(32).toString('hex'),
      SMTP_URL: sink.url,
      STORAGE_DIR: storageDir,
      LOG_LEVEL: 'warn',
      PUBLIC_WEB_URL: 'https://academy.oris.example',
      QUEUE_PREFIX: 'oris-chaos',
      // Every verification of the run comes from this one address.
      VERIFY_RATE_LIMIT_PER_MINUTE: '1000000',
      RENDER_THREADS: '1',
    };
    log('Migrating the run’s database: node dist/apps/api/cli.js migrate');
    await runOrThrow(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'cli.js'), 'migrate'], {
      env,
    });
    const seeded = await seed(postgres.url, Math.ceil(opts.minutes * LEARNERS_PER_MINUTE));
    log(
      `Seeded ${seeded.learners.length} learners, ${seeded.sessions.length} open sessions, the staff`,
    );

    const api = apiService({ env, logDir });
    cleanups.push(() => api.stop());
    const worker = workerService({ env: { ...env, LOG_LEVEL: 'info' }, logDir });
    cleanups.push(() => worker.stop());
    await Promise.all([api.start(), worker.start()]);
    log(
      `API on ${api.base}, worker, PostgreSQL on ${postgres.url}, Redis on ${redis.url}, SMTP sink on ${sink.url}`,
    );

    const stopAt = Date.now() + opts.minutes * 60_000;
    const stats = { statuses: {}, serverErrors: {} };
    const results = [];
    const events = [];
    log(
      `Load and chaos for ${opts.minutes} min: ${opts.flows} learners at a time, a kill every ${opts['kill-every']} s`,
    );
    const progress = setInterval(() => {
      const done = results.filter((r) => r.done).length;
      log(
        `… ${done} learners through, ${results.length - done} under way or given up, ${events.length} kills`,
      );
    }, 30_000);
    const chaos = runChaos({
      services: { api, worker, redis, postgres },
      killEvery: opts['kill-every'] * 1000,
      stopAt,
      rand,
      events,
      isStopped: () => stopped,
    });
    await Promise.all([
      runLoad({ call: httpClient(api, stats), seeded, secret, flows: opts.flows, stopAt, results }),
      chaos,
    ]);
    clearInterval(progress);

    log('Load over; waiting for the worker to render and send what is left');
    const settleLeft = await settle(postgres.url);
    // Let the last sends reach the sink and any late duplicate show.
    await sleep(3_000);
    const checks = await check({
      url: postgres.url,
      results,
      sink,
      storageDir,
      sessions: seeded.sessions,
    });
    failedChecks = checks.some((c) => !c.ok);
    const info = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      nproc: availableParallelism(),
      node: process.version,
      postgres: versionOf(join(postgresBin(), 'postgres'), ['--version'], /(\d+\.\d+)/),
      redis: versionOf('redis-server', ['--version'], /v=(\S+)/),
    };
    const markdown = report({ opts, started, events, results, stats, checks, settleLeft, info });
    process.stdout.write(`\n${markdown}\n\n`);
    for (const c of checks) log(`${c.ok ? green('holds') : red('FAILS')}  ${c.name}`);
    if (opts.write) await writeSection(markdown);
    else log(`Add ${bold('--write')} to record this in docs/RELIABILITY.md.`);
  } finally {
    await cleanUp();
    if (opts.keep || failedChecks) log(`Logs and data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  if (failedChecks) process.exit(1);
});

// P9 (QUALITY.md, docs/PERFORMANCE.md): scale-out. The API and the worker (production build) on
// one PostgreSQL database and one Redis, first 1 API + 1 worker, then 2 + 2, behind a small
// round-robin proxy (lib/round-robin-proxy.mjs, standing in for nginx's upstream of
// docker/nginx.conf). A mixed read load — catalogue pages, course pages, certificate
// verifications, the public indicators — is measured through each, runs alternated, and the
// throughput ratio printed. On a small machine the load generator, the proxy and PostgreSQL share
// the cores with the APIs, so the same run measures the ceiling: the same alternation against one
// and two bare Fastify servers that burn, per request, the CPU the API was measured to use per
// request (nothing shared between them): what the cores allow. Then, unless --no-fault, a fault
// check with 2 + 2: learners enroll, complete and get certificates and emails (the chaos run's
// flows, tools/chaos/flows.mjs) and a crowd races for 10 seats, while one API and one worker are
// killed (SIGKILL) and started again; the chaos run's checks then require every enrollment,
// certificate and email exactly once, and no session overbooked.
//
//   npm run bench:p9 [-- --runs 3 --duration 10 --warmup 5 --connections 32 --fault-seconds 60
//                       --no-fault --log-level warn --no-build --write]
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  UserFacingError,
  bold,
  green,
  httpStatus,
  log,
  readSettings,
  red,
  requireFromRoot,
  sleep,
} from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import { apiService, workerService } from '../chaos/services.mjs';
import {
  accessToken,
  check,
  httpClient,
  runLoad,
  seed as seedLearners,
  settle,
  startSmtpSink,
} from '../chaos/flows.mjs';
import {
  COMMON_OPTIONS,
  LOG_DIR,
  TABLE_HEADER,
  buildApi,
  buildWorker,
  commandLine,
  cpuSeconds,
  freePort,
  int,
  load,
  loadAverage,
  machine,
  measuredOn,
  ms,
  prepareBenchDatabase,
  ratioText,
  readOptions,
  runBench,
  startProcess,
  summarise,
  tableRow,
  waitUntilAnswering,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';
import { catalogueRequests, seedCatalogue } from './lib/seed-catalogue.mjs';
import { newCode, seedCertificates } from './lib/seed-certificates.mjs';

const BAR = 1.6;
const COURSES = 2_000;
const CERTIFICATES = 2_000;
/** Learners of the fault check's flows (more than it gets through) and the crowd racing for seats. */
const FAULT_LEARNERS = 600;
const RACERS = 60;
const RACE_SEATS = 10;

const opts = readOptions(
  {
    ...COMMON_OPTIONS,
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    'log-level': { type: 'string', default: 'warn' },
    'fault-seconds': { type: 'string', default: '60' },
    flows: { type: 'string', default: '8' },
    'no-fault': { type: 'boolean', default: false },
  },
  ['runs', 'duration', 'warmup', 'connections', 'fault-seconds', 'flows'],
);
const { runs: RUNS, duration: DURATION_S, warmup: WARMUP_S, connections: CONNECTIONS } = opts;

/** The catalogue, the verifiable certificates, and the fault check's people and sessions. */
async function seed(databaseUrl, codes) {
  log(
    `Seeding ${int(COURSES)} courses, ${int(CERTIFICATES)} certificates, ${FAULT_LEARNERS} learners (SQL)`,
  );
  await withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    await seedCatalogue(client, COURSES);
    await client.query('COMMIT');
  });
  await seedCertificates(databaseUrl, codes);
  const seeded = await seedLearners(databaseUrl, FAULT_LEARNERS + RACERS);
  // The racers' session: RACE_SEATS seats, for the same course as the others' sessions.
  seeded.race = await withDatabase(databaseUrl, async (client) => {
    const {
      rows: [{ id }],
    } = await client.query(
      `INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                   enrollment_opens_on, enrollment_closes_on, status)
       SELECT course_id, 'Cohorte P9 — 10 places', starts_on, ends_on, region_code, venue, $2,
              enrollment_opens_on, enrollment_closes_on, 'open'
         FROM course_session WHERE id = $1
       RETURNING id`,
      [seeded.sessions[0], RACE_SEATS],
    );
    await client.query(`INSERT INTO session_trainer (session_id, user_id) VALUES ($1, $2)`, [
      id,
      seeded.staff.trainer.id,
    ]);
    await client.query('VACUUM (ANALYZE)');
    const { rows } = await client.query(
      `SELECT id FROM course WHERE status = 'published' ORDER BY code LIMIT 50`,
    );
    seeded.courseIds = rows.map((row) => row.id);
    return id;
  });
  return seeded;
}

/** The read mix: each connection cycles through it, each entry taking the next of its kind. */
function readMix(codes, courseIds) {
  const rotate = (paths) => {
    let next = 0;
    return {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
    };
  };
  const catalogue = rotate(catalogueRequests(COURSES).map((r) => r.path));
  const course = rotate(courseIds.map((id) => `/api/v1/courses/${id}`));
  const verify = rotate(codes.map((code) => `/api/v1/verify/${code}`));
  const indicators = rotate(['/api/v1/public/indicators']);
  return [catalogue, course, verify, catalogue, verify, course, catalogue, verify, indicators];
}

/** One proxy process in front of `upstreams` (URLs); ready once it answers P1's route. */
async function startProxy(name, upstreams, cleanups) {
  const port = await freePort();
  const proxy = startProcess(
    name,
    [join(ROOT, 'tools', 'bench', 'lib', 'round-robin-proxy.mjs'), String(port), ...upstreams],
    {},
  );
  cleanups.push(() => proxy.stop());
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(proxy, `${base}/api/health`);
  return { ...proxy, base, pid: proxy.child.pid };
}

/** A bare Fastify server burning `spinUs` µs of CPU per answer. */
async function startBare(name, spinUs, cleanups) {
  const port = await freePort();
  const server = startProcess(name, [join(ROOT, 'tools', 'bench', 'bare-fastify-server.mjs')], {
    PORT: String(port),
    SPIN_US: String(spinUs),
  });
  cleanups.push(() => server.stop());
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(server, `${base}/api/health`);
  return { base, pid: server.child.pid };
}

/**
 * `RUNS` alternated runs through each proxy (after a warm-up through each); returns the summaries
 * and, per target, the CPU seconds its `pids` used per request during the measured runs.
 */
async function alternate(targets) {
  for (const target of targets) {
    log(`Warm-up ${WARMUP_S} s: ${target.label}`);
    await load({ ...target.options, connections: CONNECTIONS, duration: WARMUP_S });
  }
  const results = targets.map(() => ({ runs: [], cpu: 0, requests: 0 }));
  for (let run = 1; run <= RUNS; run++) {
    for (const [i, target] of targets.entries()) {
      const before = target.pids.map(cpuSeconds);
      const result = await load({
        ...target.options,
        connections: CONNECTIONS,
        duration: DURATION_S,
      });
      const after = target.pids.map(cpuSeconds);
      results[i].runs.push(result);
      results[i].cpu += after.reduce((sum, value, k) => sum + value - before[k], 0);
      results[i].requests += result.rps * DURATION_S;
      log(
        `run ${run}/${RUNS} ${target.label}: ${int(result.rps)} req/s, p95 ${ms(result.p95)}, ` +
          `${result.problems} problems (load average ${loadAverage()})`,
      );
    }
  }
  return results.map((r) => ({
    ...summarise(r.runs),
    cpuMsPerRequest: (r.cpu * 1000) / r.requests,
  }));
}

/** Deletes the run's BullMQ keys from the shared Redis. */
async function dropQueues(redisUrl, prefix) {
  const Redis = requireFromRoot('ioredis');
  const redis = new (Redis.default ?? Redis)(redisUrl);
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Learners through every step while one API and one worker are killed and started again. */
async function faultCheck({ services, proxy, seeded, secret, databaseUrl, sink, storageDir }) {
  const seconds = opts['fault-seconds'];
  const stats = { statuses: {}, serverErrors: {} };
  const results = [];
  const stopAt = Date.now() + seconds * 1000;
  const call = httpClient({ base: proxy.base }, stats);
  const flowLearners = { ...seeded, learners: seeded.learners.slice(0, FAULT_LEARNERS) };
  const racers = seeded.learners.slice(FAULT_LEARNERS);
  const events = [];
  const kill = async (service, atFraction) => {
    await sleep(seconds * 1000 * atFraction);
    await service.kill();
    events.push(`${service.name} killed at ${Math.round(seconds * atFraction)} s`);
    log(`fault check: killed ${bold(service.name)} (SIGKILL)`);
    await sleep(3_000);
    await service.start();
    log(`fault check: ${service.name} started again`);
  };
  const raceAnswers = [];
  const race = async () => {
    await sleep(seconds * 1000 * 0.3);
    await Promise.all(
      racers.map(async (learner) => {
        const token = accessToken(secret, learner, ['trainee']);
        const answer = await call('POST', `/api/v1/sessions/${seeded.race}/enrollments`, {
          token,
          key: randomUUID(),
          body: { baselineSituation: 'seeking', educationLevel: 'licence' },
          // A 409 `already_enrolled`: the first try committed, then its API was killed before the
          // answer was stored; after the 2-minute in-flight window the retry runs and is refused
          // (libs/api/platform/src/idempotency/README.md).
          accept: (status, body) =>
            status === 201 ||
            status === 200 ||
            (status === 409 && body?.code === 'already_enrolled'),
        }).catch((err) => ({ error: err.message }));
        raceAnswers.push(answer);
      }),
    );
  };
  log(
    `Fault check for ${seconds} s with 2 API + 2 worker: ${opts.flows} learners at a time, ` +
      `${RACERS} racing for ${RACE_SEATS} seats`,
  );
  await Promise.all([
    runLoad({ call, seeded: flowLearners, secret, flows: opts.flows, stopAt, results }),
    kill(services.api1, 0.35),
    kill(services.worker1, 0.5),
    race(),
  ]);
  log('Fault check: load over; waiting for the workers to render and send what is left');
  const left = await settle(databaseUrl);
  await sleep(3_000);
  const checks = await check({
    url: databaseUrl,
    results,
    sink,
    storageDir,
    sessions: seeded.sessions,
  });
  const seats = await withDatabase(databaseUrl, async (client) => {
    const {
      rows: [row],
    } = await client.query(
      `SELECT (SELECT capacity FROM course_session WHERE id = $1) AS capacity,
              count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              count(*)::int AS rows, count(DISTINCT user_id)::int AS people
         FROM enrollment WHERE session_id = $1`,
      [seeded.race],
    );
    return row;
  });
  const raceProblems = [];
  if (seats.confirmed > seats.capacity)
    raceProblems.push(`${seats.confirmed} confirmed for ${seats.capacity} seats`);
  if (seats.rows !== seats.people) raceProblems.push('someone enrolled twice');
  const raceFailed = raceAnswers.filter((answer) => answer.error);
  if (raceFailed.length)
    raceProblems.push(`${raceFailed.length} racers gave up (${raceFailed[0].error.slice(0, 200)})`);
  if (seats.people !== RACERS)
    raceProblems.push(`${RACERS - seats.people} racers without an enrollment`);
  seats.answeredAlreadyEnrolled = raceAnswers.filter((answer) => answer.status === 409).length;
  checks.push({
    name: `no overbooking: ${RACERS} racing for ${RACE_SEATS} seats`,
    ok: raceProblems.length === 0,
    problems: raceProblems,
    detail: seats,
  });
  return { checks, results, stats, events, left };
}

runBench(opts, async (cleanups) => {
  const settings = readSettings();
  await ensureServices(settings);
  await buildApi(opts);
  await buildWorker(opts);
  mkdirSync(LOG_DIR, { recursive: true });
  const storageDir = mkdtempSync(join(tmpdir(), 'oris-p9-'));
  cleanups.push(async () => rmSync(storageDir, { recursive: true, force: true }));
  const sink = await startSmtpSink();
  cleanups.push(() => sink.close());
  const queuePrefix = `oris-p9-${randomBytes(4).toString('hex')}`;
  cleanups.push(() => dropQueues(settings.REDIS_URL, queuePrefix));

  const codes = Array.from({ length: CERTIFICATES }, newCode);
  let seeded;
  const env = await prepareBenchDatabase({
    settings,
    cleanups,
    opts,
    prepare: async (url) => (seeded = await seed(url, codes)),
    extraEnv: {
      QUEUE_PREFIX: queuePrefix,
      STORAGE_DIR: storageDir,
      SMTP_URL: sink.url,
      PUBLIC_WEB_URL: 'https://academy.oris.example',
      VERIFY_RATE_LIMIT_PER_MINUTE: '1000000000',
      RENDER_THREADS: '1',
    },
  });
  const secondPort = String(await freePort());
  const services = {
    api1: apiService({ env, logDir: LOG_DIR, name: 'p9-api-1' }),
    api2: apiService({ env: { ...env, API_PORT: secondPort }, logDir: LOG_DIR, name: 'p9-api-2' }),
    // At `info`: the chaos services read "Worker started" in the log.
    worker1: workerService({
      env: { ...env, LOG_LEVEL: 'info' },
      logDir: LOG_DIR,
      name: 'p9-worker-1',
    }),
    worker2: workerService({
      env: { ...env, LOG_LEVEL: 'info' },
      logDir: LOG_DIR,
      name: 'p9-worker-2',
    }),
  };
  for (const service of Object.values(services)) cleanups.push(() => service.stop());
  log('Starting 2 API and 2 worker processes (production build)');
  await Promise.all(Object.values(services).map((service) => service.start()));
  const one = await startProxy('p9-proxy-1', [services.api1.base], cleanups);
  const two = await startProxy('p9-proxy-2', [services.api1.base, services.api2.base], cleanups);

  // The public indicators answer 404 until a worker has made the first release.
  const deadline = Date.now() + 180_000;
  while ((await httpStatus(`${one.base}/api/v1/public/indicators`)) !== 200) {
    if (Date.now() > deadline)
      throw new UserFacingError(
        'No public indicators release after 3 minutes: see the workers’ logs.',
      );
    await sleep(1_000);
  }
  const requests = readMix(codes, seeded.courseIds);
  for (const { setupRequest } of requests) {
    const { path } = setupRequest({});
    const status = await httpStatus(`${two.base}${path}`);
    if (status !== 200) throw new UserFacingError(`${path} answered ${status} through the proxy`);
  }

  const apis = [services.api1, services.api2].map((service) => service.child.pid);
  const [single, double] = await alternate([
    {
      label: '1 API + 1 worker',
      options: { url: one.base, requests },
      pids: [apis[0]],
    },
    {
      label: '2 API + 2 worker',
      options: { url: two.base, requests },
      pids: apis,
    },
  ]);
  const ratio = double.rps / single.rps;

  // The ceiling: the same alternation, servers as CPU-hungry per request as the API.
  const spinUs = Math.max(1, Math.round(single.cpuMsPerRequest * 1000));
  log(`Ceiling: bare Fastify servers burning ${spinUs} µs per request (the API's CPU per request)`);
  const bare = [
    await startBare('p9-bare-1', spinUs, cleanups),
    await startBare('p9-bare-2', spinUs, cleanups),
  ];
  const bareOne = await startProxy('p9-proxy-bare-1', [bare[0].base], cleanups);
  const bareTwo = await startProxy('p9-proxy-bare-2', [bare[0].base, bare[1].base], cleanups);
  const [bareSingle, bareDouble] = await alternate([
    { label: '1 bare server', options: { url: `${bareOne.base}/api/health` }, pids: [bare[0].pid] },
    {
      label: '2 bare servers',
      options: { url: `${bareTwo.base}/api/health` },
      pids: bare.map((b) => b.pid),
    },
  ]);
  const ceiling = bareDouble.rps / bareSingle.rps;

  const fault = opts['no-fault']
    ? null
    : await faultCheck({
        services,
        proxy: two,
        seeded,
        secret: env.JWT_SECRET,
        databaseUrl: env.DATABASE_URL,
        sink,
        storageDir,
      });

  const info = machine();
  const meets = ratio >= BAR;
  const share = ratio / ceiling;
  const lines = [
    ...TABLE_HEADER,
    tableRow('1 API + 1 worker, read mix', single),
    tableRow('2 API + 2 worker, read mix', double),
    tableRow(`ceiling: 1 bare Fastify, ${spinUs} µs CPU per request`, bareSingle),
    tableRow(`ceiling: 2 bare Fastify, ${spinUs} µs CPU per request`, bareDouble),
    '',
    `**P9 ratio (2 + 2 ÷ 1 + 1): ${ratioText(ratio)}** — ${meets ? 'meets' : 'misses'} the ≥ ${BAR} bar; ` +
      `**the ceiling on this machine: ${ratioText(ceiling)}** (two servers as CPU-hungry as the API, nothing shared), ` +
      `so the API reaches ${Math.round(share * 100)} % of what the cores allow. ` +
      `API CPU per request: ${single.cpuMsPerRequest.toFixed(2)} ms with one, ${double.cpuMsPerRequest.toFixed(2)} ms with two.`,
    '',
    `${measuredOn(info)}; load average ${info.load.toFixed(1)} when the table was printed (the machine is shared); ` +
      `${int(COURSES)} courses, ${int(CERTIFICATES)} certificates; read mix per connection: 3 catalogue pages, 2 course pages, ` +
      `3 verifications (each a different code), 1 public indicators; autocannon ${CONNECTIONS} connections, ` +
      `${WARMUP_S} s warm-up each, ${RUNS} alternated runs of ${DURATION_S} s, medians shown; each topology through ` +
      `its own round-robin proxy process (both running throughout; the second API idles during the 1 + 1 runs).`,
  ];
  if (fault) {
    const done = fault.results.filter((r) => r.done).length;
    lines.push(
      '',
      `Fault check (2 + 2, ${opts['fault-seconds']} s, ${opts.flows} learners at a time, ${RACERS} racing for ${RACE_SEATS} seats; ` +
        `${fault.events.join(', ')}; each started again 3 s later): ${done} learners went through every step; ` +
        `answers ${Object.entries(fault.stats.statuses)
          .sort()
          .map(([status, count]) => `${status} × ${count}`)
          .join(', ')}.`,
      '',
      '| check | result | figures |',
      '|---|---|---|',
      ...fault.checks.map(
        (c) =>
          `| ${c.name} | ${c.ok ? 'holds' : `**fails**: ${c.problems.join('; ')}`} | ${Object.entries(
            c.detail,
          )
            .map(([key, value]) => `${key} ${value}`)
            .join(', ')} |`,
      ),
    );
  }
  lines.push('', `Command: \`${commandLine('p9')}\``);
  const markdown = lines.join('\n');
  process.stdout.write(`\n${markdown}\n\n`);
  log(`${meets ? green('meets') : red('misses')} the ≥ ${BAR} bar (ceiling ${ratioText(ceiling)})`);
  const failed = fault?.checks.filter((c) => !c.ok) ?? [];
  for (const c of fault?.checks ?? []) log(`${c.ok ? green('holds') : red('FAILS')}  ${c.name}`);
  if (opts.write) await writeSection('p9', markdown);
  if (failed.length) process.exitCode = 1;
});

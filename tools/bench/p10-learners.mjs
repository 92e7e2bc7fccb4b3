// P10 (QUALITY.md, docs/PERFORMANCE.md): a cohort at once. 2,000 simulated learners against the
// production build (one API, one worker, PostgreSQL and Redis on this machine): each opens the
// course page and enrolls, then, after a think time of 30–90 s each time, reads its course
// outline, opens the next module and marks it done; at a set moment every learner opens the same
// module at once (the trainer's "start module 3 now": the synchronised spike). Every request's
// latency and answer are recorded; p95 and the errors are reported, overall, per kind and for the
// spike, with the CPU the API and the worker used. The learners are written by SQL (no password
// hashing: their access tokens are signed as the API signs them).
//
//   npm run bench:p10 [-- --learners 2000 --minutes 3 --think-scale 1 --spike-at 0.5
//                        --connections 512 --log-level warn --no-build --profile --write]
//
// --think-scale 0.1 divides every think time by 10 (a shorter, denser run); --minutes bounds the
// run (learners stop after their current step).
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { log, readSettings, sleep } from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import { seed as seedLearners, startSmtpSink } from '../chaos/flows.mjs';
import {
  LOG_DIR,
  buildWorker,
  commandLine,
  cpuSeconds,
  int,
  machine,
  measuredOn,
  ms,
  percentile,
  readOptions,
  reportProfile,
  runBench,
  signAccessToken,
  startApi,
  startWorker,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';

const P95_BAR_MS = 500;
const MODULES = 6;
/** The module every learner opens at the spike. */
const SPIKE_MODULE = 3;
const THINK_S = [30, 90];

const opts = readOptions(
  {
    learners: { type: 'string', default: '2000' },
    minutes: { type: 'string', default: '3' },
    'think-scale': { type: 'string', default: '1' },
    'spike-at': { type: 'string', default: '0.5' },
    connections: { type: 'string', default: '512' },
    'log-level': { type: 'string', default: 'warn' },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
  ['learners', 'connections'],
);
for (const name of ['minutes', 'think-scale', 'spike-at']) {
  opts[name] = Number(opts[name]);
  if (!(opts[name] > 0)) throw new Error(`--${name} must be a positive number`);
}
const LEARNERS = opts.learners;
const RUN_MS = opts.minutes * 60_000;
const SPIKE_AT_MS = Math.min(1, opts['spike-at']) * RUN_MS;
const think = () =>
  (THINK_S[0] + Math.random() * (THINK_S[1] - THINK_S[0])) * 1000 * opts['think-scale'];

/** The chaos run's course, people and sessions (1,000 seats each), plus MODULES published modules. */
async function seed(databaseUrl) {
  log(`Seeding ${int(LEARNERS)} learners, their sessions and a course of ${MODULES} modules (SQL)`);
  const seeded = await seedLearners(databaseUrl, LEARNERS);
  await withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `INSERT INTO course_module (course_id, position, title, content, content_html,
                                  estimated_minutes, status, published_at)
       SELECT cs.course_id, p, 'Module ' || p || ' — la comptabilité de la coopérative',
              repeat('Le bilan, le compte de résultat et l’assemblée générale. ', 40),
              '<p>' || repeat('Le bilan, le compte de résultat et l’assemblée générale. ', 40) || '</p>',
              45, 'published', now()
         FROM (SELECT course_id FROM course_session WHERE id = $1) cs, generate_series(1, $2::int) p
       RETURNING id, position, course_id`,
      [seeded.sessions[0], MODULES],
    );
    seeded.modules = rows.sort((a, b) => a.position - b.position).map((row) => row.id);
    seeded.courseId = rows[0].course_id;
    await client.query('VACUUM (ANALYZE)');
  });
  return seeded;
}

/** Requests over a pool of keep-alive connections (a reverse proxy's, in production). */
function httpClient(base, connections, samples) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  return (kind, method, path, { token, body, phase = 'steady' } = {}) =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = performance.now();
      const done = (status, answer) => {
        samples.push({ kind, phase, status, ms: performance.now() - started });
        resolve({ status, body: answer });
      };
      const outgoing = request(
        {
          host: hostname,
          port,
          method,
          path,
          agent,
          headers: {
            ...(token && { authorization: `Bearer ${token}` }),
            ...(payload && {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
              'idempotency-key': randomUUID(),
            }),
          },
        },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            let answer = null;
            try {
              answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              // not JSON
            }
            done(response.statusCode, answer);
          });
          response.on('error', () => done(0, null));
        },
      );
      outgoing.setTimeout(60_000, () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => done(0, null));
      outgoing.end(payload);
    });
}

const ok = (status) => status >= 200 && status < 300;

/** One learner: course page, enrollment, then module after module, thinking between steps. */
async function learner(call, seeded, person, token, clock) {
  await sleep(Math.random() * think());
  if (clock.over()) return;
  await call('course page', 'GET', `/api/v1/courses/${seeded.courseId}`, { token });
  await sleep(Math.random() * 5_000 * opts['think-scale']);
  const enrolled = await call('enroll', 'POST', `/api/v1/sessions/${person.session}/enrollments`, {
    token,
    body: { baselineSituation: 'seeking', educationLevel: 'licence' },
  });
  if (!ok(enrolled.status)) return;
  const enrollment = enrolled.body.id;
  let next = 0;
  while (!clock.over()) {
    // Until its spike, a learner's think time is cut short by the spike; after it, the spike
    // promise stays resolved, so racing it again would turn every learner into a loop without
    // think time.
    await (person.spiked ? sleep(think()) : Promise.race([sleep(think()), clock.spike]));
    if (clock.over()) return;
    if (clock.spiking() && !person.spiked) {
      person.spiked = true;
      const module = seeded.modules[SPIKE_MODULE - 1];
      await call(
        'open module (spike)',
        'GET',
        `/api/v1/enrollments/${enrollment}/modules/${module}`,
        {
          token,
          phase: 'spike',
        },
      );
      continue;
    }
    if (next >= seeded.modules.length) {
      await call('course outline', 'GET', `/api/v1/enrollments/${enrollment}/modules`, { token });
      continue;
    }
    const module = seeded.modules[next++];
    await call('course outline', 'GET', `/api/v1/enrollments/${enrollment}/modules`, { token });
    await call('open module', 'GET', `/api/v1/enrollments/${enrollment}/modules/${module}`, {
      token,
    });
    await sleep(Math.random() * 5_000 * opts['think-scale']);
    await call(
      'complete module',
      'POST',
      `/api/v1/enrollments/${enrollment}/modules/${module}/complete`,
      { token, body: {} },
    );
  }
}

function stats(samples) {
  const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !ok(s.status));
  return {
    count: samples.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    errors: errors.length,
    statuses: [...new Set(errors.map((s) => s.status))],
  };
}

runBench(opts, async (cleanups) => {
  const settings = readSettings();
  await ensureServices(settings);
  await buildWorker(opts);
  const sink = await startSmtpSink();
  cleanups.push(() => sink.close());
  let seeded;
  const api = await startApi({
    bench: 'p10',
    settings,
    cleanups,
    opts,
    prepare: async (url) => (seeded = await seed(url)),
    profileFile: join(LOG_DIR, 'p10-api.cpuprofile'),
    env: {
      QUEUE_PREFIX: `oris-p10-${Date.now().toString(36)}`,
      SMTP_URL: sink.url,
      PUBLIC_WEB_URL: 'https://academy.oris.example',
    },
  });
  // At `info`: startWorker waits for its "Worker started" line.
  const worker = await startWorker({
    bench: 'p10',
    api,
    cleanups,
    env: {
      LOG_LEVEL: 'info',
      SMTP_URL: api.env.SMTP_URL,
      QUEUE_PREFIX: api.env.QUEUE_PREFIX,
      PUBLIC_WEB_URL: api.env.PUBLIC_WEB_URL,
    },
  });

  const samples = [];
  const call = httpClient(api.base, opts.connections, samples);
  const started = Date.now();
  let spikeStarted = 0;
  let releaseSpike;
  const clock = {
    over: () => Date.now() - started >= RUN_MS,
    spiking: () => spikeStarted > 0,
    spike: new Promise((resolve) => (releaseSpike = resolve)),
  };
  const cpu = () => ({
    api: cpuSeconds(api.server.child.pid),
    worker: cpuSeconds(worker.child.pid),
  });
  const cpuAtStart = cpu();
  let cpuAtSpike;
  const spikeTimer = setTimeout(() => {
    spikeStarted = performance.now();
    cpuAtSpike = cpu();
    log(`Spike: every learner opens module ${SPIKE_MODULE} now`);
    releaseSpike();
  }, SPIKE_AT_MS);
  const progress = setInterval(() => {
    const recent = samples.slice(-2000);
    const s = stats(recent);
    log(
      `… ${Math.round((Date.now() - started) / 1000)} s: ${int(samples.length)} requests, ` +
        `last ${int(recent.length)}: p95 ${ms(s.p95)}, ${s.errors} errors`,
    );
  }, 15_000);
  log(
    `${int(LEARNERS)} learners for ${opts.minutes} min, think ${THINK_S[0] * opts['think-scale']}–` +
      `${THINK_S[1] * opts['think-scale']} s, spike at ${Math.round(SPIKE_AT_MS / 1000)} s`,
  );
  await Promise.all(
    seeded.learners.map((person) =>
      learner(
        call,
        seeded,
        person,
        signAccessToken(api.env.JWT_SECRET, person, ['trainee']),
        clock,
      ),
    ),
  );
  clearTimeout(spikeTimer);
  clearInterval(progress);
  const cpuAtEnd = cpu();
  const elapsedS = (Date.now() - started) / 1000;
  if (opts.profile) await reportProfile(api);

  const spikeSamples = samples.filter((s) => s.phase === 'spike');
  const spikeDoneMs = spikeStarted
    ? Math.max(0, ...spikeSamples.map((s) => s.ms)) // each started at the spike (at once)
    : NaN;
  const all = stats(samples);
  const spike = stats(spikeSamples);
  const kinds = [...new Set(samples.map((s) => s.kind))];
  const info = machine();
  const meets = all.p95 < P95_BAR_MS && spike.p95 < P95_BAR_MS && all.errors === 0;
  const apiShare = (cpuAtEnd.api - cpuAtStart.api) / elapsedS;
  const workerShare = (cpuAtEnd.worker - cpuAtStart.worker) / elapsedS;
  const rows = [
    '| requests | count | p50 | p95 | p99 | max | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[
      ['all', all],
      ['the spike', spike],
      ...kinds.map((k) => [k, stats(samples.filter((s) => s.kind === k))]),
    ].map(
      ([label, s]) =>
        `| ${label} | ${int(s.count)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.errors}${s.statuses.length ? ` (${s.statuses.join(', ')})` : ''} |`,
    ),
  ];
  const lines = [
    ...rows,
    '',
    `**P10: p95 ${ms(all.p95)} overall, ${ms(spike.p95)} in the spike, ${all.errors} errors** — ` +
      `${meets ? 'meets' : 'misses'} the p95 < ${P95_BAR_MS} ms and 0 errors bar. ` +
      `The spike (${int(spikeSamples.length)} learners opening module ${SPIKE_MODULE} at once) was answered within ${ms(spikeDoneMs)}. ` +
      `CPU over the run: the API ${Math.round(apiShare * 100)} % of a core, the worker ${Math.round(workerShare * 100)} %` +
      (cpuAtSpike
        ? `; from the spike to the end the API used ${Math.round(((cpuAtEnd.api - cpuAtSpike.api) / Math.max(1, elapsedS - SPIKE_AT_MS / 1000)) * 100)} % of a core.`
        : '.'),
    '',
    `${measuredOn(info)}; load average ${info.load.toFixed(1)} at the end (the machine is shared); ${int(LEARNERS)} learners ` +
      `over ${opts.minutes} min, think time ${THINK_S[0] * opts['think-scale']}–${THINK_S[1] * opts['think-scale']} s, ` +
      `${opts.connections} keep-alive connections from the load generator (a reverse proxy's pool), one API and one worker ` +
      `(production build, LOG_LEVEL=${opts['log-level']}), ${int(samples.length / elapsedS)} requests/s on average.`,
    '',
    `Command: \`${commandLine('p10')}\``,
  ];
  const markdown = lines.join('\n');
  process.stdout.write(`\n${markdown}\n\n`);
  if (opts.write) await writeSection('p10', markdown);
});

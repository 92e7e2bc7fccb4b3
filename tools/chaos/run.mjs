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
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
import { recordSeedConsent } from '../bench/lib/consent.mjs';

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
/** The most seats a session may have (the catalogue's limit): learners are spread over sessions. */
const SEATS = 1_000;
/** How long one step of a learner keeps retrying through outages before it is given up. */
const STEP_DEADLINE_MS = 180_000;
/** After the load: how long the worker may take to render and send what is left. */
const SETTLE_TIMEOUT_MS = 10 * 60_000;
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

const base64url = (value) => Buffer.from(value).toString('base64url');

/** An access token as the API issues them (HS256, its audience and issuer), valid for 12 h. */
function accessToken(secret, { id, email }, roles) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      sub: id,
      email,
      roles,
      iat: now,
      exp: now + 12 * 3600,
      aud: 'oris-api',
      iss: 'oris-academy',
    }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}

/** A PostgreSQL client for one function, closed afterwards. */
async function withClient(url, fn) {
  const { Client } = requireFromRoot('pg');
  const client = new Client({ connectionString: url, application_name: 'oris-chaos' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Retries `fn` while the database is down (it is one of the services the run kills). */
async function withClientRetrying(url, fn, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await withClient(url, fn);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(500);
    }
  }
}

/** Staff, a published course without modules, one open session already started, and learners. */
async function seed(url, learnerCount) {
  return withClient(url, async (client) => {
    await client.query('BEGIN');
    const staff = {};
    for (const [role, email, name] of [
      ['admin', 'chaos.admin@example.ma', 'Karim Alaoui'],
      ['trainer', 'chaos.trainer@example.ma', 'Nadia Bennani'],
      ['placement_officer', 'chaos.officer@example.ma', 'Samir Tazi'],
    ]) {
      const {
        rows: [user],
      } = await client.query(
        `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale)
         VALUES ($1, 'not-a-password-hash', $2, 'male', 1982, 'MA-09', 'fr') RETURNING id, email`,
        [email, name],
      );
      await client.query(`INSERT INTO user_role (user_id, role) VALUES ($1, $2)`, [user.id, role]);
      staff[role] = user;
    }
    const {
      rows: [{ course }],
    } = await client.query(
      `INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours,
                           status, published_at)
       VALUES ('CH-R8', 'Gestion financière des coopératives',
               'Tenir les comptes d’une coopérative et préparer son assemblée générale.',
               'social_entrepreneurship', '{fr,ar}', 'in_person', 18, 'published', now())
       RETURNING id AS course`,
    );
    await client.query(`INSERT INTO course_owner (course_id, user_id) VALUES ($1, $2)`, [
      course,
      staff.trainer.id,
    ]);
    const { rows: sessions } = await client.query(
      `INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                   enrollment_opens_on, enrollment_closes_on, status)
       SELECT $1, 'Cohorte R8 ' || n || ' — Agadir', current_date - 1, current_date + 10, 'MA-09',
              'Maison des associations, Agadir', $2, current_date - 10, current_date + 10, 'open'
         FROM generate_series(1, $3::int) AS n
       RETURNING id`,
      [course, SEATS, Math.ceil(learnerCount / SEATS)],
    );
    await client.query(
      `INSERT INTO session_trainer (session_id, user_id) SELECT unnest($1::uuid[]), $2`,
      [sessions.map((row) => row.id), staff.trainer.id],
    );
    const { rows: learners } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, full_name_ar, gender, birth_year,
                          region_code, locale)
       SELECT 'chaos.learner.' || n || '@example.ma', 'not-a-password-hash', 'Stagiaire ' || n,
              CASE WHEN n % 3 = 0 THEN 'متدرب ' || n END,
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1990 + n % 12, 'MA-09',
              (ARRAY['fr', 'ar', 'en'])[1 + n % 3]
         FROM generate_series(1, $1::int) AS n
       RETURNING id, email`,
      [learnerCount],
    );
    await client.query(
      `INSERT INTO user_role (user_id, role) SELECT unnest($1::uuid[]), 'trainee'`,
      [learners.map((learner) => learner.id)],
    );
    await recordSeedConsent(
      client,
      learners.map((learner) => learner.id),
    );
    await client.query('COMMIT');
    return {
      staff,
      sessions: sessions.map((row) => row.id),
      // Each learner's session: a seat for everyone, every enrollment confirmed.
      learners: learners.map((learner, i) => ({
        ...learner,
        session: sessions[Math.floor(i / SEATS)].id,
      })),
    };
  });
}

/** Every message the sink accepted, by Message-ID. */
async function startSmtpSink() {
  const { SMTPServer } = requireFromRoot('smtp-server');
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
        const messageId = /^message-id:\s*(.+)$/im.exec(head)?.[1].trim() ?? null;
        messages.push({
          messageId,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          pdf: /application\/pdf/i.test(raw),
        });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    messages,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Answers that say "try again": no answer at all, a 5xx, or the first try still in flight. */
const RETRYABLE = (status, body) =>
  status === null ||
  status >= 500 ||
  (status === 409 && body?.code === 'idempotency_key_in_flight') ||
  status === 429;

/**
 * The HTTP side of the load. Every call is retried through outages (no answer, 5xx) with backoff,
 * for at most STEP_DEADLINE_MS, the way a careful client retries: writes carry an
 * Idempotency-Key (the same on every retry) or are idempotent by design. Statuses are counted.
 */
function httpClient(api, stats) {
  return async function call(method, path, { token, body, key, accept }) {
    const deadline = Date.now() + STEP_DEADLINE_MS;
    for (let attempt = 0; ; attempt += 1) {
      let status = null;
      let answer = null;
      try {
        const response = await fetch(`${api.base}${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        answer = await response.json().catch(() => null);
      } catch {
        status = null;
      }
      const label = status === null ? 'no answer' : String(status);
      stats.statuses[label] = (stats.statuses[label] ?? 0) + 1;
      if (status !== null && status >= 500) {
        const route = `${method} ${path
          .replace(/\/verify\/[^/]+/, '/verify/:code')
          .replace(/[0-9a-f-]{36}/g, ':id')}`;
        const what = `${route} → ${status} ${answer?.code ?? ''}`.trim();
        stats.serverErrors[what] = (stats.serverErrors[what] ?? 0) + 1;
      }
      if (status !== null && accept(status, answer)) return { status, body: answer };
      if (!RETRYABLE(status, answer) || Date.now() > deadline) {
        throw new Error(`${method} ${path}: ${label} ${JSON.stringify(answer)?.slice(0, 300)}`);
      }
      await sleep(Math.min(4_000, 200 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * One learner's path: enroll, the completion validated, the certificate issued and verified, a
 * placement recorded. What the client saw acknowledged is kept for the checks.
 */
async function learnerFlow(call, { learner, tokens }, outcome) {
  const enrolled = await call('POST', `/api/v1/sessions/${learner.session}/enrollments`, {
    token: tokens.learner,
    key: randomUUID(),
    body: { baselineSituation: 'seeking', educationLevel: 'licence' },
    accept: (status) => status === 201 || status === 200,
  });
  outcome.enrollmentId = enrolled.body.id;
  outcome.enrolled = enrolled.body.status;

  // Completing twice is refused (the first call may have committed before its answer was lost):
  // a 409 on a retry is checked against the enrollment itself.
  await call('POST', `/api/v1/enrollments/${outcome.enrollmentId}/complete`, {
    token: tokens.admin,
    body: {},
    accept: (status, body) =>
      status === 200 || (status === 409 && body?.code === 'illegal_transition'),
  });
  const { body: detail } = await call('GET', `/api/v1/enrollments/${outcome.enrollmentId}`, {
    token: tokens.admin,
    accept: (status) => status === 200,
  });
  if (detail.status !== 'completed') throw new Error(`enrollment ${detail.status}, not completed`);
  outcome.completed = true;

  const { body: certificate } = await call(
    'POST',
    `/api/v1/enrollments/${outcome.enrollmentId}/certificate`,
    { token: tokens.admin, accept: (status) => status === 201 || status === 200 },
  );
  outcome.certificate = { id: certificate.id, serial: certificate.serial };

  const { body: verified } = await call('GET', `/api/v1/verify/${certificate.verificationCode}`, {
    accept: (status) => status === 200,
  });
  outcome.verified = verified.serial === certificate.serial;

  await call('POST', '/api/v1/placements', {
    token: tokens.officer,
    key: randomUUID(),
    body: {
      userId: learner.id,
      enrollmentId: outcome.enrollmentId,
      kind: 'wage_employment',
      contract: 'fixed_term',
      employerName: 'Coopérative Tifawin',
      sector: 'Agro-alimentaire',
      position: 'Aide-comptable',
      regionCode: 'MA-09',
      startOn: today(),
      source: 'officer',
      evidence: 'declared',
    },
    accept: (status) => status === 201,
  });
  outcome.placed = true;
}

/** The load: `flows` learners at a time, each taking the next person, until `stopAt`. */
async function runLoad({ call, seeded, secret, flows, stopAt, results }) {
  const tokens = {
    admin: accessToken(secret, seeded.staff.admin, ['admin']),
    officer: accessToken(secret, seeded.staff.placement_officer, ['placement_officer']),
  };
  let next = 0;
  const flow = async () => {
    while (Date.now() < stopAt && next < seeded.learners.length) {
      const learner = seeded.learners[next++];
      const outcome = { learner: learner.id, email: learner.email };
      results.push(outcome);
      try {
        await learnerFlow(
          call,
          {
            learner,
            tokens: { ...tokens, learner: accessToken(secret, learner, ['trainee']) },
          },
          outcome,
        );
        outcome.done = true;
      } catch (err) {
        outcome.error = err.message;
      }
    }
  };
  await Promise.all(Array.from({ length: flows }, flow));
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

/** Waits until nothing is left to render or send (or the timeout), then reports the counts. */
async function settle(url) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const left = await withClientRetrying(url, async (client) => {
      const {
        rows: [row],
      } = await client.query(
        `SELECT (SELECT count(*) FROM certificate WHERE render_state = 'pending')::int AS renders,
                (SELECT count(*) FROM email_outbox WHERE status = 'pending')::int AS emails`,
      );
      return row;
    });
    if ((left.renders === 0 && left.emails === 0) || Date.now() > deadline) return left;
    await sleep(1_000);
  }
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The end state against what the clients were told, and against itself. */
async function check({ url, results, sink, storageDir, sessions }) {
  const checks = [];
  const expect = (name, problems, detail) =>
    checks.push({ name, ok: problems.length === 0, problems, detail });
  const acknowledged = {
    enrolled: results.filter((r) => r.enrollmentId),
    certified: results.filter((r) => r.certificate),
    placed: results.filter((r) => r.placed),
  };

  return withClientRetrying(url, async (client) => {
    // Enrollments: one per person and session, one for every enrollment the client was told of.
    const { rows: enrollments } = await client.query(
      `SELECT user_id, count(*)::int AS count, min(id::text) AS id, min(status) AS status
         FROM enrollment WHERE session_id = ANY($1) GROUP BY user_id`,
      [sessions],
    );
    const byUser = new Map(enrollments.map((row) => [row.user_id, row]));
    const problems = [];
    const doubled = enrollments.filter((row) => row.count !== 1);
    if (doubled.length) problems.push(`${doubled.length} people with more than one enrollment`);
    for (const r of acknowledged.enrolled) {
      const row = byUser.get(r.learner);
      if (!row || row.id !== r.enrollmentId) problems.push(`enrollment of ${r.email} missing`);
    }
    const unacknowledged = enrollments.length - acknowledged.enrolled.length;
    expect('enrollments: exactly one per person, every acknowledged one there', problems, {
      rows: enrollments.length,
      acknowledged: acknowledged.enrolled.length,
      committedButUnacknowledged: unacknowledged,
    });

    // Certificates: one per enrollment, rendered, its file there with the recorded SHA-256.
    const { rows: certificates } = await client.query(
      `SELECT c.id, c.enrollment_id, c.render_state, c.sha256, c.storage_key, c.email_outbox_id,
              o.status AS email_status, o.message_id, o.uncertain_sends
         FROM certificate c LEFT JOIN email_outbox o ON o.id = c.email_outbox_id
        WHERE c.session_id = ANY($1)`,
      [sessions],
    );
    const certProblems = [];
    const perEnrollment = new Map();
    for (const c of certificates)
      perEnrollment.set(c.enrollment_id, (perEnrollment.get(c.enrollment_id) ?? 0) + 1);
    const twice = [...perEnrollment.values()].filter((count) => count > 1).length;
    if (twice) certProblems.push(`${twice} enrollments with more than one certificate`);
    const certIds = new Set(certificates.map((c) => c.id));
    const missing = acknowledged.certified.filter((r) => !certIds.has(r.certificate.id)).length;
    if (missing) certProblems.push(`${missing} acknowledged certificates missing`);
    const unrendered = certificates.filter((c) => c.render_state !== 'rendered').length;
    if (unrendered) certProblems.push(`${unrendered} certificates not rendered`);
    let badFiles = 0;
    for (const c of certificates.filter((row) => row.render_state === 'rendered')) {
      const path = join(storageDir, c.storage_key);
      if (!existsSync(path) || sha256(readFileSync(path)) !== c.sha256) badFiles += 1;
    }
    if (badFiles) certProblems.push(`${badFiles} stored files missing or not matching`);
    const storedFiles = [];
    const leftovers = [];
    const walk = (dir) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.startsWith('.')) leftovers.push(entry.name);
        else storedFiles.push(entry.name);
      }
    };
    walk(join(storageDir, 'certificates'));
    if (storedFiles.length !== certificates.length)
      certProblems.push(
        `${storedFiles.length} stored files for ${certificates.length} certificates`,
      );
    expect(
      'certificates: one per completed enrollment, each rendered once and stored',
      certProblems,
      {
        certificates: certificates.length,
        acknowledged: acknowledged.certified.length,
        storedFiles: storedFiles.length,
        temporaryFilesLeft: leftovers.length,
      },
    );

    // Emails: every outbox row sent, each certificate with its own email, each message at the
    // sink under its row's Message-ID; copies of one Message-ID are the at-least-once window.
    const { rows: outbox } = await client.query(
      `SELECT id, template, status, message_id, uncertain_sends, attempts FROM email_outbox`,
    );
    const emailProblems = [];
    const notSent = outbox.filter((row) => row.status !== 'sent');
    if (notSent.length)
      emailProblems.push(
        `${notSent.length} emails not sent (${[...new Set(notSent.map((row) => row.status))].join(', ')})`,
      );
    const withoutEmail = certificates.filter((c) => !c.email_outbox_id).length;
    if (withoutEmail) emailProblems.push(`${withoutEmail} certificates without an email`);
    const certificateEmails = outbox.filter((row) => row.template === 'certificate_issued').length;
    if (certificateEmails !== certificates.length)
      emailProblems.push(
        `${certificateEmails} certificate emails for ${certificates.length} certificates`,
      );
    const copies = new Map();
    for (const message of sink.messages)
      copies.set(message.messageId, (copies.get(message.messageId) ?? 0) + 1);
    const outboxIds = new Set(outbox.map((row) => row.message_id).filter(Boolean));
    const unknown = [...copies.keys()].filter((id) => !outboxIds.has(id)).length;
    if (unknown) emailProblems.push(`${unknown} messages at the sink that no outbox row sent`);
    const notReceived = outbox.filter(
      (row) => row.status === 'sent' && !copies.has(row.message_id),
    );
    if (notReceived.length) emailProblems.push(`${notReceived.length} sent emails never received`);
    const duplicated = [...copies.entries()].filter(([, count]) => count > 1);
    const uncertain = outbox.filter((row) => row.uncertain_sends > 0).length;
    const unexplained = duplicated.filter(
      ([id]) => !outbox.some((row) => row.message_id === id && row.uncertain_sends > 0),
    ).length;
    if (unexplained)
      emailProblems.push(`${unexplained} emails received twice without a recorded uncertain send`);
    expect(
      'emails: every one sent and received; a second copy only after a recorded uncertain send',
      emailProblems,
      {
        outboxRows: outbox.length,
        messagesAtSink: sink.messages.length,
        sameMessageIdTwice: duplicated.length,
        uncertainSendsRecorded: uncertain,
      },
    );

    // Placements: one per person the officer recorded.
    const { rows: placements } = await client.query(
      `SELECT user_id, count(*)::int AS count FROM placement GROUP BY user_id`,
    );
    const placementProblems = [];
    const placedTwice = placements.filter((row) => row.count > 1).length;
    if (placedTwice) placementProblems.push(`${placedTwice} people with more than one placement`);
    const placedUsers = new Set(placements.map((row) => row.user_id));
    const placementMissing = acknowledged.placed.filter((r) => !placedUsers.has(r.learner)).length;
    if (placementMissing)
      placementProblems.push(`${placementMissing} acknowledged placements missing`);
    expect('placements: exactly one per person recorded', placementProblems, {
      people: placements.length,
      acknowledged: acknowledged.placed.length,
    });

    const unverified = results.filter((r) => r.certificate && r.verified === false).length;
    expect(
      'verification: every issued certificate verifies with its serial',
      unverified ? [`${unverified} verifications answered another certificate`] : [],
      { verified: results.filter((r) => r.verified).length },
    );
    return checks;
  });
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

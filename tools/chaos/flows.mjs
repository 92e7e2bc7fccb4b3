// The chaos run's load and its checks (R8, tools/chaos/run.mjs), shared with the scale-out
// benchmark's fault check (P9, tools/bench/p9-scale-out.mjs): the seeded people, the SMTP sink,
// the retrying HTTP client, one learner's path (enroll, complete, certificate, verify, placement)
// and the end-state checks — every enrollment, certificate, stored PDF, email and placement
// exactly once.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordSeedConsent } from '../bench/lib/consent.mjs';
import { signAccessToken } from '../bench/lib/http-load.mjs';
import { requireFromRoot, sleep } from '../dev/lib.mjs';

/** The most seats a session may have (the catalogue's limit): learners are spread over sessions. */
export const SEATS = 1_000;
/** How long one step of a learner keeps retrying through outages before it is given up. */
export const STEP_DEADLINE_MS = 180_000;

/** After the load: how long the worker may take to render and send what is left. */
export const SETTLE_TIMEOUT_MS = 10 * 60_000;

/** An access token as the API issues them, valid for 12 h: a chaos run outlasts the API's hour. */
export const accessToken = (secret, user, roles) => signAccessToken(secret, user, roles, 12 * 3600);

/** A PostgreSQL client for one function, closed afterwards. */
export async function withClient(url, fn) {
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
export async function withClientRetrying(url, fn, timeoutMs = 120_000) {
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
export async function seed(url, learnerCount) {
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
                          region_code, locale, email_confirmed_at)
       SELECT 'chaos.learner.' || n || '@example.ma', 'not-a-password-hash', 'Stagiaire ' || n,
              CASE WHEN n % 3 = 0 THEN 'متدرب ' || n END,
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1990 + n % 12, 'MA-09',
              (ARRAY['fr', 'ar', 'en'])[1 + n % 3], now()
         FROM generate_series(1, $1::int) AS n
       RETURNING id, email`,
      [learnerCount],
    );
    await recordSeedConsent(
      client,
      learners.map((learner) => learner.id),
    );
    await client.query(
      `INSERT INTO user_role (user_id, role) SELECT unnest($1::uuid[]), 'trainee'`,
      [learners.map((learner) => learner.id)],
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
export async function startSmtpSink() {
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
export function httpClient(api, stats) {
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
export async function learnerFlow(call, { learner, tokens }, outcome) {
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
export async function runLoad({ call, seeded, secret, flows, stopAt, results }) {
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

/** Waits until nothing is left to render or send (or the timeout), then reports the counts. */
export async function settle(url) {
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
export async function check({ url, results, sink, storageDir, sessions }) {
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

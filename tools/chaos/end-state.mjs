// After the chaos run's load: waiting for the worker to finish, then the end-state checks —
// every enrollment, certificate, stored PDF, email and placement exactly once.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../dev/lib.mjs';
import { withClientRetrying } from './database.mjs';

/** After the load: how long the worker may take to render and send what is left. */
export const SETTLE_TIMEOUT_MS = 10 * 60_000;

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

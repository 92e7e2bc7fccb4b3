// P6 (docs/PERFORMANCE.md, QUALITY.md): a batch of 1,000 certificates end to end — the admin's
// `POST /api/v1/sessions/:id/certificates` until all 1,000 PDFs are stored and 1,000 emails with
// the PDF attached have reached a local SMTP server — against P5's ceiling (bare pdfkit drawing
// the same pages, measured in the same run, imported from p5-certificate-render.mjs) × 1,000.
// During the batch it also samples the API's event-loop delay (P5's second bar): the API runs
// with p6-event-loop-lag.cjs preloaded (perf_hooks.monitorEventLoopDelay, read in windows), and
// a probe times `GET /api/health` from outside, before and during the batch. The worker runs with
// the same preload: its main thread (queues, database, storage) must stay free while its render
// threads draw.
//
// API and worker are production builds, one process each, on a throwaway database and a queue
// prefix of their own; the completers are written by SQL; the SMTP server is a counting sink here.
//
//   npm run bench:p6 [-- --completers 1000 --ceiling-runs 3 --ceiling-count 100
//                       --ceiling-warmup 20 --baseline 5 --log-level info --no-build --write]
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ROOT,
  UserFacingError,
  bold,
  green,
  log,
  readSettings,
  red,
  requireFromRoot,
  sleep,
} from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import {
  HEALTH_ROUTE,
  LOG_DIR,
  buildWorker,
  commandLine,
  int,
  loadAverage,
  machine,
  measuredOn,
  median,
  ms,
  percentile,
  readOptions,
  runBench,
  signAccessToken,
  startApi,
  startWorker,
  tail,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';
import {
  documentOptions,
  drawBare,
  loadSources,
  plainFonts,
  recordDrawing,
  sampleDocuments,
} from './p5-certificate-render.mjs';

const BAR = 1.5;
const LAG_BAR_MS = 50;
/** The probe's pace: one `GET /api/health` at a time, one every 50 ms. */
const PROBE_EVERY_MS = 50;
const PUBLIC_WEB_URL = 'https://academy.oris.example';
const BATCH_TIMEOUT_MS = 30 * 60_000;
const COURSE_TITLE = 'Entrepreneuriat social : du projet à la coopérative';
const HOURS = 24;

const opts = readOptions(
  {
    completers: { type: 'string', default: '1000' },
    'ceiling-runs': { type: 'string', default: '3' },
    'ceiling-count': { type: 'string', default: '100' },
    'ceiling-warmup': { type: 'string', default: '20' },
    baseline: { type: 'string', default: '5' },
    'log-level': { type: 'string', default: 'info' },
    'no-build': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
  ['completers', 'ceiling-runs', 'ceiling-count', 'ceiling-warmup', 'baseline'],
);
const COMPLETERS = opts.completers;
const CEILING_RUNS = opts['ceiling-runs'];
const CEILING_COUNT = opts['ceiling-count'];
const CEILING_WARMUP = opts['ceiling-warmup'];

const isoDay = (date) => date.toISOString().slice(0, 10);
const daysAgo = (days) => isoDay(new Date(Date.now() - days * 86_400_000));
const seconds = (value) => `${value.toFixed(1)} s`;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * A local SMTP server that keeps every message and counts the recipients of those carrying a
 * PDF; `reached` resolves once `expected` distinct recipients have one. The messages are parsed
 * only after the clock stops.
 */
async function startSmtpSink(expected) {
  const { SMTPServer } = requireFromRoot('smtp-server');
  const messages = [];
  const withPdf = new Set();
  let reach;
  const reached = new Promise((resolve) => (reach = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        messages.push({ to, raw });
        if (raw.includes('application/pdf')) to.forEach((address) => withPdf.add(address));
        if (withPdf.size >= expected) reach(performance.now());
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
    withPdf: () => withPdf.size,
    reached,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * An administrator, a trainer's completed session and `COMPLETERS` completed enrollments, by SQL;
 * the holders carry P5's sample names (every one different, two in three with an Arabic name),
 * their languages mixed (fr, ar, en) so the three email templates go out.
 */
async function seedCompleters(databaseUrl, dates) {
  const people = sampleDocuments(COMPLETERS).map((document, i) => ({
    email: `bench.completer.${i + 1}@example.ma`,
    name: document.holderName,
    nameAr: document.holderNameAr,
    locale: ['fr', 'ar', 'fr', 'en'][i % 4],
  }));
  return withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    const {
      rows: [admin],
    } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale)
       VALUES ('bench.admin@example.ma', 'not-a-password-hash', 'Karim Alaoui', 'male', 1980, 'MA-09', 'fr')
       RETURNING id, email`,
    );
    await client.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'admin')`, [admin.id]);
    const {
      rows: [{ session }],
    } = await client.query(
      `WITH course AS (
         INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours,
                             status, published_at)
         VALUES ('BN-BATCH', $1, 'Structurer une coopérative : statuts, gouvernance et marché.',
                 'social_entrepreneurship', '{fr,ar}', 'in_person', $2, 'published', now())
         RETURNING id
       )
       INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                   enrollment_opens_on, enrollment_closes_on, status)
       SELECT id, 'Cohorte d’hiver — Agadir', $3, $4, 'MA-09', 'Maison des associations, Agadir',
              $5, $3::date - 30, $3, 'completed'
         FROM course
       RETURNING id AS session`,
      [COURSE_TITLE, HOURS, dates.startsOn, dates.endsOn, COMPLETERS],
    );
    const { rows: holders } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, full_name_ar, gender, birth_year,
                          region_code, locale, email_confirmed_at)
       SELECT e, 'not-a-password-hash', n, a, CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
              1990 + i % 12, 'MA-09', l, now()
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[])
              WITH ORDINALITY AS t(e, n, a, l, i)
       RETURNING id`,
      [
        people.map((p) => p.email),
        people.map((p) => p.name),
        people.map((p) => p.nameAr),
        people.map((p) => p.locale),
      ],
    );
    const ids = holders.map((row) => row.id);
    await client.query(
      `INSERT INTO user_role (user_id, role) SELECT u, 'trainee' FROM unnest($1::uuid[]) u`,
      [ids],
    );
    await client.query(
      `INSERT INTO enrollment (session_id, user_id, status, baseline_situation, education_level,
                               region_code, enrolled_by, confirmed_at, completed_on, validated_by,
                               validated_at)
       SELECT $1, u, 'completed', 'seeking', 'licence', 'MA-09', $2, now() - interval '40 days',
              $3, $2, now() - interval '3 days'
         FROM unnest($4::uuid[]) u`,
      [session, admin.id, dates.endsOn, ids],
    );
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) users, enrollment');
    return { admin, session };
  });
}

/**
 * Times one `GET /api/health` at a time, one every PROBE_EVERY_MS, into the current phase's list:
 * what a visitor would see of the API's event loop.
 */
function startProbe(url) {
  const phases = { before: [], during: [] };
  let phase = 'before';
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.ok) phases[phase].push(performance.now() - started);
      } catch {
        // A failed probe is not a latency: the API's log says why.
      }
      await sleep(Math.max(0, PROBE_EVERY_MS - (performance.now() - started)));
    }
  })();
  return {
    phases,
    during: () => (phase = 'during'),
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

const probeFigures = (latencies) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
};

let lagMarks = 0;

/**
 * Ends a process's current event-loop window (see p6-event-loop-lag.cjs) and returns its figures.
 */
async function lagWindow(lagFile) {
  lagMarks += 1;
  const mark = String(lagMarks);
  writeFileSync(`${lagFile}.mark`, mark);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const lines = existsSync(lagFile) ? readFileSync(lagFile, 'utf8').trim().split('\n') : [];
    const window = lines
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((w) => w.mark === mark);
    if (window) return window;
    await sleep(50);
  }
  throw new UserFacingError(`No event-loop figures were written to ${lagFile}.`);
}

/** One authenticated call to the API, its status and JSON body. */
async function call(base, token, method, path) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.json().catch(() => null);
  return { status: response.status, body };
}

/**
 * Every completer has exactly one rendered certificate, one stored file whose SHA-256 is the
 * recorded one, one sent outbox email and one message at the SMTP sink whose PDF is that file.
 */
async function checkOutcome(databaseUrl, sessionId, storageDir, sink, parseMessage) {
  const problems = [];
  const timeline = {};
  const rows = await withDatabase(databaseUrl, async (client) => {
    const { rows: certificates } = await client.query(
      `SELECT c.id, c.serial, c.verification_code AS "verificationCode", c.holder_name AS "holderName",
              c.holder_name_ar AS "holderNameAr", c.course_title AS "courseTitle", c.hours,
              to_char(c.session_starts_on, 'YYYY-MM-DD') AS "sessionStartsOn",
              to_char(c.session_ends_on, 'YYYY-MM-DD') AS "sessionEndsOn",
              to_char(c.completed_on, 'YYYY-MM-DD') AS "completedOn",
              to_char(c.issued_on, 'YYYY-MM-DD') AS "issuedOn", c.region_name AS "regionName",
              c.region_name_ar AS "regionNameAr", c.render_state AS state, c.sha256,
              c.storage_key AS "storageKey", c.enrollment_id AS enrollment, u.email
         FROM certificate c JOIN users u ON u.id = c.user_id
        WHERE c.session_id = $1 ORDER BY c.serial`,
      [sessionId],
    );
    const {
      rows: [outbox],
    } = await client.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(DISTINCT user_id)::int AS people,
              (extract(epoch FROM max(c.rendered_at)) * 1000)::float8 AS "lastRendered",
              (extract(epoch FROM max(o.sent_at)) * 1000)::float8 AS "lastSent"
         FROM email_outbox o, (SELECT max(rendered_at) AS rendered_at FROM certificate) c
        WHERE o.template = 'certificate_issued'`,
    );
    timeline.lastRendered = outbox.lastRendered;
    timeline.lastSent = outbox.lastSent;
    if (outbox.total !== COMPLETERS || outbox.sent !== COMPLETERS || outbox.people !== COMPLETERS)
      problems.push(
        `email outbox: ${outbox.total} rows, ${outbox.sent} sent, ${outbox.people} people`,
      );
    return certificates;
  });
  if (rows.length !== COMPLETERS) problems.push(`${rows.length} certificates`);
  if (new Set(rows.map((row) => row.enrollment)).size !== rows.length)
    problems.push('two certificates for one enrollment');
  const unrendered = rows.filter((row) => row.state !== 'rendered').length;
  if (unrendered > 0) problems.push(`${unrendered} certificates not rendered`);

  const dir = join(storageDir, 'certificates');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
  if (files.length !== COMPLETERS) problems.push(`${files.length} stored files`);
  let fileMismatches = 0;
  for (const row of rows) {
    const path = join(storageDir, row.storageKey ?? 'missing');
    if (!existsSync(path) || sha256(readFileSync(path)) !== row.sha256) fileMismatches += 1;
  }
  if (fileMismatches > 0) problems.push(`${fileMismatches} files missing or not matching`);

  if (sink.messages.length !== COMPLETERS) problems.push(`${sink.messages.length} emails received`);
  const byRecipient = new Map(rows.map((row) => [row.email, row]));
  const received = new Map();
  let emailMismatches = 0;
  for (const { to, raw } of sink.messages) {
    const pdfs = parseMessage(raw.toString('utf8')).attachments.filter(
      (attachment) => attachment.contentType === 'application/pdf',
    );
    for (const address of to) {
      received.set(address, (received.get(address) ?? 0) + 1);
      const row = byRecipient.get(address);
      if (!row || pdfs.length !== 1 || sha256(pdfs[0].content) !== row.sha256) emailMismatches += 1;
    }
  }
  if (emailMismatches > 0) problems.push(`${emailMismatches} emails without their holder's PDF`);
  const twice = [...received.values()].filter((count) => count !== 1).length;
  if (received.size !== COMPLETERS || twice > 0)
    problems.push(`${received.size} recipients, ${twice} with more than one email`);
  return { problems, rows, timeline };
}

/**
 * P5's ceiling on the batch's own pages: the renderer's drawing calls for each certificate the
 * batch issued, replayed by bare pdfkit with plainly parsed fonts; ms per certificate, per run.
 */
async function measureCeiling(documents) {
  const { rendering, fontFiles, CertificateRenderer, PDFDocument } = loadSources();
  const fonts = plainFonts(fontFiles);
  const needed = CEILING_WARMUP + CEILING_RUNS * CEILING_COUNT;
  const chosen = Array.from({ length: needed }, (_, i) => documents[i % documents.length]);
  log(`Recording the drawing calls of ${needed} of the batch's certificates for bare pdfkit`);
  const recorder = new CertificateRenderer();
  const recordings = [];
  for (const document of chosen) {
    recordings.push({
      options: documentOptions(rendering, document),
      calls: await recordDrawing(PDFDocument, recorder, document),
    });
  }
  const draw = (i) => drawBare(PDFDocument, fonts, recordings[i].options, recordings[i].calls);
  for (let i = 0; i < CEILING_WARMUP; i += 1) await draw(i);
  const perCertificate = [];
  for (let run = 0; run < CEILING_RUNS; run += 1) {
    const first = CEILING_WARMUP + run * CEILING_COUNT;
    const started = performance.now();
    for (let i = first; i < first + CEILING_COUNT; i += 1) await draw(i);
    perCertificate.push((performance.now() - started) / CEILING_COUNT);
    log(
      `ceiling run ${run + 1}/${CEILING_RUNS}: bare pdfkit ${perCertificate.at(-1).toFixed(1)} ms per certificate`,
    );
  }
  return perCertificate;
}

function table(figures, info) {
  const { perCertificate, wallMs, renderWorker, lag, workerLag, probe, loads, timeline } = figures;
  const after = (epochMs) => seconds((epochMs - timeline.calledAt) / 1000);
  const ceilingMs = median(perCertificate) * COMPLETERS;
  const ratio = wallMs / ceilingMs;
  const lagVerdict = lag.during.p99 <= LAG_BAR_MS ? 'meets' : 'misses';
  const lines = [
    '| measure | time | certificates/s | detail |',
    '|---|---:|---:|---|',
    `| ceiling: bare pdfkit drawing the batch's pages (P5's loop) × ${int(COMPLETERS)} | ${seconds(ceilingMs / 1000)} | ${(1000 / median(perCertificate)).toFixed(1)} | ${median(perCertificate).toFixed(1)} ms per certificate (median of ${CEILING_RUNS} runs of ${CEILING_COUNT}; ${Math.min(...perCertificate).toFixed(1)}–${Math.max(...perCertificate).toFixed(1)}) |`,
    `| batch: \`POST /api/v1/sessions/:id/certificates\` → ${int(COMPLETERS)} stored and emailed | ${seconds(wallMs / 1000)} | ${((COMPLETERS * 1000) / wallMs).toFixed(1)} | one worker process: ${renderWorker.threads} render threads, render concurrency ${renderWorker.concurrency}, email concurrency 4; API answered 202 after ${ms(timeline.answeredAt - timeline.calledAt)}, last PDF recorded after ${after(timeline.lastRendered)}, last email marked sent after ${after(timeline.lastSent)} |`,
    '',
    `**P6 ratio (batch ÷ ceiling): ${ratio.toFixed(2)}×** — ${ratio <= BAR ? 'meets' : 'misses'} the ≤ ${BAR}× bar. ` +
      `Checked after the batch: exactly ${int(COMPLETERS)} certificates (one per enrollment, all rendered), ` +
      `${int(COMPLETERS)} stored files whose SHA-256 is the recorded one, ${int(COMPLETERS)} outbox emails sent and ` +
      `${int(COMPLETERS)} messages at the SMTP sink, one per holder, each with that holder's PDF attached.`,
    '',
    '#### The API’s event loop while the batch renders (P5’s second bar)',
    '',
    '| API event loop | window | samples | p50 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|',
    `| delay (\`monitorEventLoopDelay\`), idle before the batch | ${seconds(lag.beforeMs / 1000)} | ${int(lag.before.samples)} | ${ms(lag.before.p50)} | ${ms(lag.before.p99)} | ${ms(lag.before.max)} |`,
    `| delay (\`monitorEventLoopDelay\`), during the batch | ${seconds(wallMs / 1000)} | ${int(lag.during.samples)} | ${ms(lag.during.p50)} | ${ms(lag.during.p99)} | ${ms(lag.during.max)} |`,
    `| \`GET ${HEALTH_ROUTE}\` probe latency, before the batch | ${seconds(lag.beforeMs / 1000)} | ${int(probe.before.count)} | ${ms(probe.before.p50)} | ${ms(probe.before.p99)} | ${ms(probe.before.max)} |`,
    `| \`GET ${HEALTH_ROUTE}\` probe latency, during the batch | ${seconds(wallMs / 1000)} | ${int(probe.during.count)} | ${ms(probe.during.p50)} | ${ms(probe.during.p99)} | ${ms(probe.during.max)} |`,
    '',
    `**API event-loop lag p99 during the batch: ${ms(lag.during.p99)}** — ${lagVerdict} the ≤ ${LAG_BAR_MS} ms bar.`,
    '',
    '#### The worker’s main thread while its render threads draw',
    '',
    '| worker main-thread event loop | window | samples | p50 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|',
    `| delay (\`monitorEventLoopDelay\`), idle before the batch | ${seconds(lag.beforeMs / 1000)} | ${int(workerLag.before.samples)} | ${ms(workerLag.before.p50)} | ${ms(workerLag.before.p99)} | ${ms(workerLag.before.max)} |`,
    `| delay (\`monitorEventLoopDelay\`), during the batch | ${seconds(wallMs / 1000)} | ${int(workerLag.during.samples)} | ${ms(workerLag.during.p50)} | ${ms(workerLag.during.p99)} | ${ms(workerLag.during.max)} |`,
    '',
    `**Worker main-thread event-loop lag p99 during the batch: ${ms(workerLag.during.p99)}** ` +
      `(a certificate drawn on that thread would hold it at least ${median(perCertificate).toFixed(1)} ms, the ceiling's time per certificate).`,
    '',
    `${measuredOn(info)}; API and worker built for production (NODE_ENV=production, LOG_LEVEL=${opts['log-level']}), ` +
      `one process each, on a throwaway database and a queue prefix of their own; ${int(COMPLETERS)} completers written by SQL ` +
      `(P5's sample names: every holder different, two in three with an Arabic name; languages fr, ar, fr, en in turn); ` +
      `storage on the local disk (tmp/); SMTP: a counting sink (smtp-server) in the benchmark's process; ` +
      `the wall time runs from the API call until the sink holds a PDF email for every holder; ` +
      `the ceiling runs in the benchmark's process after the batch, on the batch's own certificates; ` +
      `event-loop delay sampled inside the API and on the worker's main thread every 10 ms by a preloaded \`perf_hooks.monitorEventLoopDelay\` (the interval subtracted), ` +
      `the probe one request at a time every ${PROBE_EVERY_MS} ms from the benchmark's process; ` +
      `load average ${loads.start} at the start, ${loads.batch} after the batch, ${info.load.toFixed(1)} at the end ` +
      `(2 cores${Number(loads.start) > 2 || info.load > 2 ? ', shared with other work' : ''}).`,
    '',
    `Command: \`${commandLine('p6')}\``,
  ];
  return { markdown: lines.join('\n'), ratio, lagOk: lagVerdict === 'meets' };
}

runBench(opts, async (cleanups) => {
  const loads = { start: loadAverage() };
  const settings = readSettings();
  await ensureServices(settings);
  const tag = randomBytes(4).toString('hex');
  const storageDir = join(LOG_DIR, `p6-files-${tag}`);
  mkdirSync(storageDir, { recursive: true });
  cleanups.push(async () => rmSync(storageDir, { recursive: true, force: true }));
  const queuePrefix = `oris-bench-${tag}`;
  cleanups.push(async () => {
    const Redis = requireFromRoot('ioredis');
    const redis = new Redis(settings.REDIS_URL);
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  const sink = await startSmtpSink(COMPLETERS);
  cleanups.push(() => sink.close());
  const lagFile = join(LOG_DIR, `p6-lag-${tag}.jsonl`);
  const workerLagFile = join(LOG_DIR, `p6-worker-lag-${tag}.jsonl`);
  cleanups.push(async () => {
    for (const file of [lagFile, workerLagFile]) {
      rmSync(file, { force: true });
      rmSync(`${file}.mark`, { force: true });
    }
  });
  const lagPreload = ['-r', join(ROOT, 'tools', 'bench', 'p6-event-loop-lag.cjs')];
  const shared = {
    STORAGE_DIR: storageDir,
    SMTP_URL: sink.url,
    PUBLIC_WEB_URL,
    QUEUE_PREFIX: queuePrefix,
  };

  await buildWorker(opts);
  const dates = { startsOn: daysAgo(24), endsOn: daysAgo(20) };
  let seeded;
  const api = await startApi({
    bench: 'p6',
    settings,
    cleanups,
    opts: { ...opts, profile: false },
    env: { ...shared, ORIS_LAG_OUT: lagFile },
    nodeArgs: lagPreload,
    prepare: async (databaseUrl) => {
      log(`Writing an administrator, a completed session and ${int(COMPLETERS)} completers (SQL)`);
      seeded = { databaseUrl, ...(await seedCompleters(databaseUrl, dates)) };
    },
  });
  const worker = await startWorker({
    bench: 'p6',
    api,
    cleanups,
    env: { ...shared, ORIS_LAG_OUT: workerLagFile },
    nodeArgs: lagPreload,
  });
  const announced = /Render worker started \(concurrency (\d+), (\d+) render threads\)/.exec(
    readFileSync(worker.logPath, 'utf8'),
  );
  const renderWorker = {
    concurrency: announced?.[1] ?? 'unknown',
    threads: announced?.[2] ?? 'unknown',
  };
  const token = signAccessToken(api.env.JWT_SECRET, seeded.admin, ['admin']);

  // The idle baseline: event-loop delay and probe latency with nothing to do.
  const probe = startProbe(`${api.base}${HEALTH_ROUTE}`);
  cleanups.push(() => probe.stop());
  // Opens clean windows (the worker's render threads have parsed their fonts by now).
  await Promise.all([lagWindow(lagFile), lagWindow(workerLagFile)]);
  const baselineStarted = performance.now();
  log(`Sampling the idle API and worker for ${opts.baseline} s`);
  await sleep(opts.baseline * 1000);
  const [before, workerBefore] = await Promise.all([lagWindow(lagFile), lagWindow(workerLagFile)]);
  const beforeMs = performance.now() - baselineStarted;

  log(
    `Issuing the session's ${int(COMPLETERS)} certificates: POST /api/v1/sessions/:id/certificates`,
  );
  probe.during();
  const started = performance.now();
  const calledAt = Date.now();
  const answer = await call(
    api.base,
    token,
    'POST',
    `/api/v1/sessions/${seeded.session}/certificates`,
  );
  if (answer.status !== 202 || !answer.body?.jobId) {
    throw new UserFacingError(
      `The batch call answered ${answer.status} ${JSON.stringify(answer.body)}; see ${api.server.logPath}.`,
    );
  }
  const answeredAt = Date.now();
  let timer;
  const progress = setInterval(() => {
    log(`… ${int(sink.withPdf())} of ${int(COMPLETERS)} emails with their PDF received`);
  }, 10_000);
  const finished = await Promise.race([
    sink.reached,
    new Promise((resolve) => (timer = setTimeout(() => resolve(null), BATCH_TIMEOUT_MS))),
    new Promise((resolve) => worker.child.once('exit', () => resolve(null))),
  ]).finally(() => {
    clearTimeout(timer);
    clearInterval(progress);
  });
  if (finished === null) {
    throw new UserFacingError(
      `Only ${sink.withPdf()} of ${COMPLETERS} emails arrived ` +
        `(${worker.hasExited() ? 'the worker exited' : `after ${BATCH_TIMEOUT_MS / 60_000} min`}). ` +
        `Last lines of ${worker.logPath}:\n${tail(worker.logPath)}`,
    );
  }
  const wallMs = finished - started;
  const [during, workerDuring] = await Promise.all([lagWindow(lagFile), lagWindow(workerLagFile)]);
  await probe.stop();
  loads.batch = loadAverage();
  log(
    `Batch done in ${seconds(wallMs / 1000)}: ${((COMPLETERS * 1000) / wallMs).toFixed(1)} certificates/s`,
  );

  const job = await call(api.base, token, 'GET', `/api/v1/jobs/${answer.body.jobId}`);
  if (job.body?.done !== COMPLETERS || job.body?.failed !== 0) {
    throw new UserFacingError(`GET /api/v1/jobs/:id answered ${JSON.stringify(job.body)}.`);
  }
  // Loaded after the clock stopped (loadSources registers the TypeScript loader).
  const { rows, problems, timeline } = await checkOutcome(
    seeded.databaseUrl,
    seeded.session,
    storageDir,
    sink,
    testsMessageParser(),
  );
  if (problems.length > 0) {
    throw new UserFacingError(
      `The batch's outcome is wrong: ${problems.join('; ')}. docs/PERFORMANCE.md was left as it was.`,
    );
  }
  log(
    `Checked: ${int(COMPLETERS)} certificates, files and emails, one each, PDFs matching their records`,
  );

  await worker.stop();
  const documents = rows.map((row) => ({
    ...row,
    verificationUrl: `${PUBLIC_WEB_URL}/verify/${row.verificationCode}`,
  }));
  const perCertificate = await measureCeiling(documents);

  const { markdown, ratio, lagOk } = table(
    {
      perCertificate,
      wallMs,
      renderWorker,
      lag: { before, during, beforeMs },
      workerLag: { before: workerBefore, during: workerDuring },
      probe: {
        before: probeFigures(probe.phases.before),
        during: probeFigures(probe.phases.during),
      },
      loads,
      timeline: { ...timeline, calledAt, answeredAt },
    },
    machine(),
  );
  process.stdout.write(`\n${markdown}\n\n`);
  log(
    ratio <= BAR
      ? green(`P6 ${ratio.toFixed(2)}× ≤ ${BAR}×`)
      : red(`P6 ${ratio.toFixed(2)}× > ${BAR}×`),
  );
  log(
    lagOk
      ? green(`API event-loop lag p99 ${ms(during.p99)} ≤ ${LAG_BAR_MS} ms`)
      : red(`API event-loop lag p99 ${ms(during.p99)} > ${LAG_BAR_MS} ms`),
  );
  log(`Worker main-thread event-loop lag p99 ${ms(workerDuring.p99)} during the batch`);
  if (opts.write) await writeSection('p6', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

/** The tests' MIME parser (TypeScript, through the loader P5's sources registered). */
function testsMessageParser() {
  loadSources();
  return requireFromRoot(join(ROOT, 'libs/api/notifications/src/testing/parse-message.ts'))
    .parseMessage;
}

// P4 (docs/PERFORMANCE.md, QUALITY.md): public certificate verification, `GET /api/v1/verify/:code`
// over thousands of seeded certificates (each request a different code, some revoked), against
// P1's route (`GET /api/health`) on the same production build in the same run. Unknown codes (404)
// are measured too, in a row of their own, outside the ratio. The certificates are written by SQL
// (the route only reads them). The per-IP limit (60 a minute) would answer 429 within a second of
// load: the API runs with VERIFY_RATE_LIMIT_PER_MINUTE raised, so the limiter still counts every
// lookup (in memory, synced to Redis in batches) but never refuses. Answers are served from the
// API's memory once a code was looked up (the 5,000 codes fit in its cache of 10,000 answers):
// the ratio is the steady state of codes looked up again, not a first lookup's database read.
//
//   npm run bench:p4 [-- --certificates 5000 --runs 5 --duration 10 --warmup 5 --connections 20
//                       --log-level info --no-build --profile --write]
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { UserFacingError, bold, green, log, readSettings, red } from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import {
  COMMON_OPTIONS,
  HEALTH_ROUTE,
  LOG_DIR,
  TABLE_HEADER,
  commandLine,
  int,
  load,
  loadAverage,
  machine,
  measuredOn,
  ms,
  ratioText,
  readOptions,
  reportProfile,
  runBench,
  startApi,
  summarise,
  tableRow,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';

const BAR = 0.5;
/** Far above what the runs can send in a minute: the limit is counted, never reached. */
const BENCH_VERIFY_LIMIT = 1_000_000_000;
/** One certificate in this many is revoked (its answer carries the day and the reason). */
const REVOKED_EVERY = 20;
const UNKNOWN_CODES = 500;
/** Certificates per session (a cohort). */
const SESSION_SIZE = 250;

const opts = readOptions({ ...COMMON_OPTIONS, certificates: { type: 'string', default: '5000' } }, [
  'runs',
  'duration',
  'warmup',
  'connections',
  'certificates',
]);
const { runs: RUNS, duration: DURATION_S, warmup: WARMUP_S, connections: CONNECTIONS } = opts;
const CERTIFICATES = opts.certificates;

/** A code as the API issues them: 18 random bytes, base64url (24 characters). */
const newCode = () => randomBytes(18).toString('base64url');

/**
 * An administrator (the issuer), a course and its completed sessions, `CERTIFICATES` holders with
 * a completed enrollment each and their rendered certificates (one in 20 revoked), by SQL.
 */
async function seedCertificates(databaseUrl, codes) {
  return withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    const {
      rows: [{ admin }],
    } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale)
       VALUES ('bench.admin@example.ma', 'not-a-password-hash', 'Karim Alaoui', 'male', 1980, 'MA-04', 'fr')
       RETURNING id AS admin`,
    );
    await client.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'admin')`, [admin]);
    // Cohorts of SESSION_SIZE, as sessions are (a session seats at most 1,000).
    const { rows: sessions } = await client.query(
      `WITH course AS (
         INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours,
                             status, published_at)
         VALUES ('BN-VERIFY', 'Gestion financière des associations (niveau 2)',
                 'Budget, comptabilité et redevabilité d’une association.', 'cooperatives', '{fr,ar}',
                 'in_person', 30, 'published', now())
         RETURNING id
       )
       INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                   enrollment_opens_on, enrollment_closes_on, status)
       SELECT id, 'Cohorte ' || k || ' — Agadir', current_date - 60, current_date - 40, 'MA-09',
              'Maison des associations, Agadir', $1, current_date - 90, current_date - 60, 'completed'
         FROM course, generate_series(1, $2::int) AS k
       RETURNING id`,
      [SESSION_SIZE, Math.ceil(CERTIFICATES / SESSION_SIZE)],
    );
    await client.query(
      `WITH holders AS (
         INSERT INTO users (email, password_hash, full_name, full_name_ar, gender, birth_year,
                            region_code, locale, email_confirmed_at)
         SELECT 'bench.holder.' || n || '@example.ma', 'not-a-password-hash', 'Stagiaire ' || n,
                CASE WHEN n % 3 = 2 THEN NULL ELSE 'متدرب ' || n END,
                CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1990 + n % 12, 'MA-09', 'fr',
                now()
           FROM generate_series(1, $2::int) AS n
         RETURNING id, full_name, full_name_ar
       ), numbered AS (
         SELECT h.*, row_number() OVER (ORDER BY h.id)::int AS n FROM holders h
       ), roles AS (
         INSERT INTO user_role (user_id, role) SELECT id, 'trainee' FROM numbered
       ), enrollments AS (
         INSERT INTO enrollment (session_id, user_id, status, baseline_situation, education_level,
                                 region_code, enrolled_by, confirmed_at, completed_on, validated_by,
                                 validated_at)
         SELECT ($1::uuid[])[1 + (n - 1) / $6], id, 'completed', 'seeking', 'licence', 'MA-09', $3,
                now() - interval '60 days', current_date - 40, $3, now() - interval '40 days'
           FROM numbered
         RETURNING id, user_id, session_id
       )
       INSERT INTO certificate (enrollment_id, user_id, session_id, serial, verification_code,
                                holder_name, holder_name_ar, course_title, hours, session_starts_on,
                                session_ends_on, region_code, region_name, region_name_ar,
                                completed_on, locale, issued_by, issued_on, status, revoked_at,
                                revoked_by, revoked_reason, revocation_note, render_state, rendered_at, sha256,
                                storage_key)
       SELECT e.id, e.user_id, e.session_id, 'ORIS-2026-' || lpad(h.n::text, 6, '0'),
              ($4::text[])[h.n], h.full_name, h.full_name_ar,
              'Gestion financière des associations (niveau 2)', 30, current_date - 60,
              current_date - 40, 'MA-09', 'Souss-Massa', 'سوس ماسة', current_date - 40, 'fr', $3,
              current_date - 38, CASE WHEN h.n % $5 = 0 THEN 'revoked' ELSE 'valid' END,
              CASE WHEN h.n % $5 = 0 THEN now() - interval '10 days' END,
              CASE WHEN h.n % $5 = 0 THEN $3::uuid END,
              CASE WHEN h.n % $5 = 0 THEN 'completion_withdrawn' END,
              CASE WHEN h.n % $5 = 0 THEN 'Heures de présence non justifiées' END,
              'rendered', now() - interval '38 days', encode(sha256(h.id::text::bytea), 'hex'),
              'certificates/' || e.id || '.pdf'
         FROM enrollments e JOIN numbered h ON h.id = e.user_id`,
      [sessions.map((row) => row.id), CERTIFICATES, admin, codes, REVOKED_EVERY, SESSION_SIZE],
    );
    await client.query('COMMIT');
    // As autovacuum would soon after such a load: index-only visibility and fresh statistics.
    await client.query('VACUUM (ANALYZE) certificate');
  });
}

/** Every connection takes the next code of the list: each lookup is a different certificate. */
function verifyRequests(codes) {
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: `/api/v1/verify/${codes[next++ % codes.length]}`,
      }),
    },
  ];
}

/** Answers checked before measuring: a valid one, a revoked one, an unknown and a malformed code. */
async function checkAnswers(base, codes, unknown) {
  const get = async (code) => {
    const response = await fetch(`${base}/api/v1/verify/${encodeURIComponent(code)}`);
    return { status: response.status, body: await response.json() };
  };
  const problems = [];
  const valid = await get(codes[0]);
  if (valid.status !== 200 || valid.body.valid !== true || valid.body.serial !== 'ORIS-2026-000001')
    problems.push(`first code: ${valid.status} ${JSON.stringify(valid.body)}`);
  const revoked = await get(codes[REVOKED_EVERY - 1]);
  if (revoked.status !== 200 || revoked.body.status !== 'revoked' || !revoked.body.revocationMonth)
    problems.push(`revoked code: ${revoked.status} ${JSON.stringify(revoked.body)}`);
  for (const code of [unknown[0], 'not-a-code']) {
    const answer = await get(code);
    if (answer.status !== 404) problems.push(`unknown code ${code}: ${answer.status}`);
  }
  if (problems.length > 0) {
    throw new UserFacingError(`Verification answered wrongly: ${problems.join('; ')}`);
  }
}

function table(results, info, loadAtStart) {
  const [health, known, unknown] = results.map(([, s]) => s);
  const ratio = known.rps / health.rps;
  const lines = [
    ...TABLE_HEADER,
    ...results.map(([label, s]) => tableRow(label, s)),
    '',
    `**P4 ratio (verification ÷ P1's route): ${ratioText(ratio)}** — ${ratio >= BAR ? 'meets' : 'misses'} the ≥ ${BAR} bar. ` +
      `Unknown codes (404) are measured apart and left out of the ratio: ` +
      `${int(unknown.rps)} req/s, ${ratioText(unknown.rps / health.rps)} × P1's route.`,
    '',
    `${measuredOn(info)}; ${int(CERTIFICATES)} certificates (1 in ${REVOKED_EVERY} revoked), every lookup a different code ` +
      `(${int(UNKNOWN_CODES)} well-formed unknown codes for the 404 row, where "non-2xx" counts answers other than 404); ` +
      `VERIFY_RATE_LIMIT_PER_MINUTE raised to ${int(BENCH_VERIFY_LIMIT)} (the per-IP limiter still counts every lookup, in memory, synced to Redis in batches); ` +
      `answers served from the API's memory after a code's first lookup (unknown codes remembered 1 s); ` +
      `autocannon ${CONNECTIONS} connections, ${WARMUP_S} s warm-up per route, ${RUNS} run${RUNS === 1 ? '' : 's'} of ${DURATION_S} s each, ` +
      `routes alternated, medians shown; API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}; ` +
      `load average ${loadAtStart} at the start, ${info.load.toFixed(1)} at the end (2 cores shared with other work when above 2).`,
    '',
    `Command: \`${commandLine('p4')}\``,
  ];
  return { markdown: lines.join('\n'), ratio };
}

runBench(opts, async (cleanups) => {
  const loadAtStart = loadAverage();
  const settings = readSettings();
  await ensureServices(settings);
  const codes = Array.from({ length: CERTIFICATES }, newCode);
  const unknown = Array.from({ length: UNKNOWN_CODES }, newCode);
  const api = await startApi({
    bench: 'p4',
    settings,
    cleanups,
    opts,
    env: { VERIFY_RATE_LIMIT_PER_MINUTE: String(BENCH_VERIFY_LIMIT) },
    prepare: async (databaseUrl) => {
      log(`Writing ${int(CERTIFICATES)} certificates with their holders and enrollments (SQL)`);
      await seedCertificates(databaseUrl, codes);
    },
    profileFile: join(LOG_DIR, 'p4-api.cpuprofile'),
  });
  await checkAnswers(api.base, codes, unknown);

  const targets = [
    {
      label: `ORIS API, P1's route (\`GET ${HEALTH_ROUTE}\`)`,
      options: { url: `${api.base}${HEALTH_ROUTE}` },
    },
    {
      label: `ORIS API, verification (\`GET /api/v1/verify/:code\`, ${int(CERTIFICATES)} codes)`,
      options: { url: api.base, requests: verifyRequests(codes) },
    },
    {
      label: `ORIS API, unknown codes (404, ${int(UNKNOWN_CODES)} codes)`,
      options: { url: api.base, requests: verifyRequests(unknown), expectStatus: 404 },
    },
  ].map((target) => ({ ...target, runs: [] }));

  const run = (target, duration) => load({ ...target.options, connections: CONNECTIONS, duration });
  for (const target of targets) {
    log(`Warming up ${target.label} for ${WARMUP_S} s`);
    await run(target, WARMUP_S);
  }
  for (let round = 0; round < RUNS; round += 1) {
    // Alternate the order so that drift on a shared machine hits every route alike.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const result = await run(target, DURATION_S);
      target.runs.push(result);
      log(
        `run ${round + 1}/${RUNS} ${target.label}: ${int(result.rps)} req/s, p50 ${ms(result.p50)}, ` +
          `p99 ${ms(result.p99)}${result.problems ? red(`, ${result.problems} unexpected/errors`) : ''}`,
      );
    }
  }

  if (opts.profile) await reportProfile(api);
  const results = targets.map((t) => [t.label, summarise(t.runs)]);
  const { markdown, ratio } = table(results, machine(), loadAtStart);
  process.stdout.write(`\n${markdown}\n\n`);
  const problems = results.reduce((sum, [, s]) => sum + s.problems, 0);
  if (problems > 0) {
    throw new UserFacingError(
      `${problems} responses had an unexpected status or failed (a 429 means the limit was ` +
        `reached), so the figures are not comparable. docs/PERFORMANCE.md was left as it was.`,
    );
  }
  log(
    ratio >= BAR
      ? green(`P4 ${ratioText(ratio)} ≥ ${BAR}`)
      : red(`P4 ${ratioText(ratio)} < ${BAR}`),
  );
  if (opts.write) await writeSection('p4', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

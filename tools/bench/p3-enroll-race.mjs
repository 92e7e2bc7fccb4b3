// P3 (docs/PERFORMANCE.md, QUALITY.md, R2): 500 trainees enrolling at once in a 10-seat open
// session, `POST /api/v1/sessions/:id/enrollments`, against P1's route (`GET /api/health`) on the
// same production build in the same run. Each round has a fresh session; every round must end
// with exactly 10 confirmed and 490 waitlisted at distinct positions 1..490. The people, course
// and sessions are written by SQL; the trainees' access tokens are signed as the API signs them.
//
//   npm run bench:p3 [-- --rounds 5 --clients 500 --seats 10 --runs 5 --duration 10 --warmup 5
//                       --connections 20 --log-level info --no-build --profile --write]
import { join } from 'node:path';
import { UserFacingError, bold, green, log, readSettings, red } from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import { recordSeedConsent } from './lib/consent.mjs';
import {
  COMMON_OPTIONS,
  HEALTH_ROUTE,
  LOG_DIR,
  commandLine,
  int,
  load,
  machine,
  measuredOn,
  ratioText,
  median,
  ms,
  readOptions,
  reportProfile,
  restartProfile,
  runBench,
  startApi,
  summarise,
  tableRow,
  TABLE_HEADER,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';
import { accessToken } from './lib/access-token.mjs';

const BAR = 0.1;

const opts = readOptions(
  {
    ...COMMON_OPTIONS,
    rounds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '500' },
    seats: { type: 'string', default: '10' },
  },
  ['runs', 'duration', 'warmup', 'connections', 'rounds', 'clients', 'seats'],
);
const { runs: RUNS, duration: DURATION_S, warmup: WARMUP_S, connections: CONNECTIONS } = opts;
const { rounds: ROUNDS, clients: CLIENTS, seats: SEATS } = opts;

/** A trainer, a published course with a published module, and `CLIENTS` trainees. */
async function seedPeople(databaseUrl) {
  return withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    const {
      rows: [{ trainer }],
    } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale)
       VALUES ('bench.trainer@example.ma', 'not-a-password-hash', 'Nadia Bennani', 'female', 1984, 'MA-04', 'fr')
       RETURNING id AS trainer`,
    );
    await client.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'trainer')`, [trainer]);
    const {
      rows: [{ course }],
    } = await client.query(
      `INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours,
                           status, published_at)
       VALUES ('BN-RACE', 'Entrepreneuriat social : de l’idée au modèle économique',
               'Passer d’une intuition de terrain à un projet d’entreprise sociale viable.',
               'social_entrepreneurship', '{fr}', 'blended', 24, 'published', now())
       RETURNING id AS course`,
    );
    await client.query(`INSERT INTO course_owner (course_id, user_id) VALUES ($1, $2)`, [
      course,
      trainer,
    ]);
    await client.query(
      `INSERT INTO course_module (course_id, position, title, estimated_minutes, status, published_at)
       VALUES ($1, 1, 'Qu’est-ce qu’une entreprise sociale ?', 45, 'published', now())`,
      [course],
    );
    const { rows: trainees } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale,
                          email_confirmed_at)
       SELECT 'bench.trainee.' || n || '@example.ma', 'not-a-password-hash', 'Stagiaire ' || n,
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1990 + n % 12,
              'MA-' || lpad((1 + n % 12)::text, 2, '0'), 'fr', now()
         FROM generate_series(1, $1::int) AS n
       RETURNING id, email`,
      [CLIENTS],
    );
    await client.query(
      `INSERT INTO user_role (user_id, role) SELECT unnest($1::uuid[]), 'trainee'`,
      [trainees.map((t) => t.id)],
    );
    await recordSeedConsent(
      client,
      trainees.map((t) => t.id),
    );
    await client.query('COMMIT');
    return { trainer, course, trainees };
  });
}

/** A fresh open session of `SEATS` seats whose enrollment window includes today. */
async function freshSession(databaseUrl, { course, trainer }, round) {
  return withDatabase(databaseUrl, async (client) => {
    const {
      rows: [{ id }],
    } = await client.query(
      `INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue,
                                   capacity, enrollment_opens_on, enrollment_closes_on, status)
       VALUES ($1, $2, current_date + 20, current_date + 24, 'MA-03',
               'Maison des associations, Fès', $3, current_date - 1, current_date + 20, 'open')
       RETURNING id`,
      [course, `Cohorte ${round} — Fès`, SEATS],
    );
    await client.query(`INSERT INTO session_trainer (session_id, user_id) VALUES ($1, $2)`, [
      id,
      trainer,
    ]);
    return id;
  });
}

/** Exactly `SEATS` confirmed, the rest waitlisted with tickets 1..n, the counter in step. */
async function checkRound(databaseUrl, sessionId) {
  return withDatabase(databaseUrl, async (client) => {
    const {
      rows: [state],
    } = await client.query(
      `SELECT (SELECT confirmed_count FROM course_session WHERE id = $1) AS counter,
              count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              count(DISTINCT waitlist_ticket)::int AS tickets,
              min(waitlist_ticket) AS "firstTicket", max(waitlist_ticket) AS "lastTicket",
              count(DISTINCT user_id)::int AS people, count(*)::int AS total
         FROM enrollment WHERE session_id = $1`,
      [sessionId],
    );
    const waiting = CLIENTS - SEATS;
    const problems = [];
    if (state.confirmed !== SEATS) problems.push(`${state.confirmed} confirmed, not ${SEATS}`);
    if (state.counter !== SEATS) problems.push(`seat counter ${state.counter}, not ${SEATS}`);
    if (state.waitlisted !== waiting)
      problems.push(`${state.waitlisted} waitlisted, not ${waiting}`);
    if (state.tickets !== waiting || state.firstTicket !== 1 || state.lastTicket !== waiting)
      problems.push(
        `waitlist tickets ${state.firstTicket}..${state.lastTicket} (${state.tickets} distinct)`,
      );
    if (state.people !== CLIENTS || state.total !== CLIENTS)
      problems.push(`${state.total} enrollments of ${state.people} people, not ${CLIENTS}`);
    return problems;
  });
}

/** One round: every trainee sends one request, all at once, each on a connection of its own. */
async function race(apiBase, sessionId, tokens) {
  let next = 0;
  return load({
    url: apiBase,
    connections: CLIENTS,
    amount: CLIENTS,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/sessions/${sessionId}/enrollments`,
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[next++ % tokens.length]}`,
          },
          body: JSON.stringify({ baselineSituation: 'seeking', educationLevel: 'licence' }),
        }),
      },
    ],
  });
}

function table(health, rounds, info) {
  const burst = {
    rps: median(rounds.map((r) => r.rps)),
    rpsMin: Math.min(...rounds.map((r) => r.rps)),
    rpsMax: Math.max(...rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
    problems: rounds.reduce((sum, r) => sum + r.problems, 0),
  };
  const ratio = burst.rps / health.rps;
  const lines = [
    ...TABLE_HEADER,
    tableRow(`ORIS API, P1's route (\`GET ${HEALTH_ROUTE}\`)`, health),
    tableRow(
      `ORIS API, ${CLIENTS} trainees racing for ${SEATS} seats (\`POST /api/v1/sessions/:id/enrollments\`)`,
      burst,
    ),
    '',
    `**P3 ratio (enrollment race ÷ P1's route): ${ratioText(ratio)}** — ${ratio >= BAR ? 'meets' : 'misses'} the ≥ ${BAR} bar. ` +
      `Every round ended with exactly ${SEATS} confirmed and ${CLIENTS - SEATS} waitlisted at distinct positions 1..${CLIENTS - SEATS}.`,
    '',
    `${measuredOn(info)}; ${ROUNDS} rounds of ${CLIENTS} concurrent requests (one connection each, a fresh ${SEATS}-seat open session per round), ` +
      `req/s = ${CLIENTS} ÷ the round's wall time, latencies from every response, medians of the rounds; ` +
      `P1's route: autocannon ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, ${RUNS} run${RUNS === 1 ? '' : 's'} of ${DURATION_S} s, alternated with the rounds; ` +
      `API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}.`,
    '',
    `Command: \`${commandLine('p3')}\``,
  ];
  return { markdown: lines.join('\n'), ratio, burst };
}

runBench(opts, async (cleanups) => {
  if (SEATS >= CLIENTS) throw new UserFacingError('--seats must be fewer than --clients.');
  const settings = readSettings();
  await ensureServices(settings);
  let seeded;
  const api = await startApi({
    bench: 'p3',
    settings,
    cleanups,
    opts,
    prepare: async (databaseUrl) => {
      log(`Writing a trainer, a published course and ${int(CLIENTS)} trainees (SQL)`);
      seeded = { databaseUrl, ...(await seedPeople(databaseUrl)) };
    },
    profileFile: join(LOG_DIR, 'p3-api.cpuprofile'),
  });
  const tokens = seeded.trainees.map((trainee) => accessToken(api.env.JWT_SECRET, trainee));
  const healthUrl = `${api.base}${HEALTH_ROUTE}`;
  const runHealth = (duration) => load({ url: healthUrl, connections: CONNECTIONS, duration });

  log(`Warming up P1's route for ${WARMUP_S} s, and the enrollment route with a trial round`);
  await runHealth(WARMUP_S);
  const trial = await race(api.base, await freshSession(seeded.databaseUrl, seeded, 0), tokens);
  if (trial.problems > 0) {
    throw new UserFacingError(
      `The trial round had ${trial.problems} non-2xx responses or errors; see ${api.server.logPath}.`,
    );
  }

  // A profile covers the races alone: P1's route (the ceiling) is not run between them.
  const healthRunCount = opts.profile ? 0 : RUNS;
  if (opts.profile) restartProfile(api);
  const healthRuns = [];
  const rounds = [];
  for (let round = 1; round <= Math.max(ROUNDS, healthRunCount); round += 1) {
    if (round <= healthRunCount) {
      const result = await runHealth(DURATION_S);
      healthRuns.push(result);
      log(`run ${round}/${RUNS} P1's route: ${int(result.rps)} req/s, p99 ${ms(result.p99)}`);
    }
    if (round > ROUNDS) continue;
    const sessionId = await freshSession(seeded.databaseUrl, seeded, round);
    const result = await race(api.base, sessionId, tokens);
    const problems = await checkRound(seeded.databaseUrl, sessionId);
    if (result.problems > 0) problems.push(`${result.problems} non-2xx responses or errors`);
    if (problems.length > 0) {
      throw new UserFacingError(
        `Round ${round} broke R2: ${problems.join('; ')}. docs/PERFORMANCE.md was left as it was.`,
      );
    }
    rounds.push(result);
    log(
      `round ${round}/${ROUNDS}: ${int(result.rps)} req/s, p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, ` +
        `p99 ${ms(result.p99)}; ${SEATS} confirmed, ${CLIENTS - SEATS} waitlisted 1..${CLIENTS - SEATS}`,
    );
  }

  if (opts.profile) {
    await reportProfile(api);
    return;
  }
  const { markdown, ratio } = table(summarise(healthRuns), rounds, machine());
  process.stdout.write(`\n${markdown}\n\n`);
  if (summarise(healthRuns).problems > 0) {
    throw new UserFacingError(
      `P1's route had non-2xx responses or errors. docs/PERFORMANCE.md was left as it was.`,
    );
  }
  log(
    ratio >= BAR
      ? green(`P3 ${ratioText(ratio)} ≥ ${BAR}`)
      : red(`P3 ${ratioText(ratio)} < ${BAR}`),
  );
  if (opts.write) await writeSection('p3', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

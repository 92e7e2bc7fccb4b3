// P12 (docs/PERFORMANCE.md, issue 18): 500 trainees handing in a quiz within the same minute,
// `POST /api/v1/quiz-attempts/:id/submit` (graded on the server), against P1's route
// (`GET /api/health`) on the same production build in the same run. The people, course, session,
// enrollments, question bank (one question of each type) and quiz are written by SQL; each round
// starts every trainee's attempt through the API (the draw is the server's), writes their answers
// by SQL (trainee i answers question type t right iff bit t of i is set), then sends the 500
// submissions spread evenly over `--window` seconds (0: all at once). Every grade must be exact.
//
//   npm run bench:p12 [-- --rounds 2 --clients 500 --window 60 --runs 3 --duration 10 --warmup 5
//                        --connections 20 --log-level info --no-build --write]
import { join } from 'node:path';
import { UserFacingError, bold, green, log, readSettings, red } from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import { recordSeedConsent } from './lib/consent.mjs';
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
  median,
  ms,
  percentile,
  ratioText,
  readOptions,
  runBench,
  startApi,
  summarise,
  tableRow,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';
import { accessToken } from './lib/access-token.mjs';

/** Issue 18's bar: p95 of the submissions at most 300 ms, no error, every grade exact. */
const P95_BAR_MS = 300;

const opts = readOptions(
  {
    ...COMMON_OPTIONS,
    runs: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    clients: { type: 'string', default: '500' },
    window: { type: 'string', default: '60' },
  },
  ['runs', 'duration', 'warmup', 'connections', 'rounds', 'clients'],
);
const { runs: RUNS, duration: DURATION_S, warmup: WARMUP_S, connections: CONNECTIONS } = opts;
const { rounds: ROUNDS, clients: CLIENTS } = opts;
const WINDOW_S = Number(opts.window);
if (!Number.isFinite(WINDOW_S) || WINDOW_S < 0) {
  throw new UserFacingError('--window must be a number of seconds, 0 or more.');
}

/** One question of each type, its points, and a right and a wrong response (as stored). */
const QUESTIONS = [
  {
    type: 'single_choice',
    points: 1,
    key: {
      type: 'single_choice',
      options: [
        { id: 'o1', text: 'Loi 112-12' },
        { id: 'o2', text: 'Loi 5-96' },
        { id: 'o3', text: 'Loi 31-08' },
      ],
      correctOptionId: 'o1',
    },
    right: { type: 'single_choice', optionId: 'o1' },
    wrong: { type: 'single_choice', optionId: 'o2' },
  },
  {
    type: 'multiple_choice',
    points: 2,
    key: {
      type: 'multiple_choice',
      options: [
        { id: 'o1', text: 'Gouvernance démocratique' },
        { id: 'o2', text: 'Lucrativité limitée' },
        { id: 'o3', text: 'Aucun bénéfice' },
      ],
      correctOptionIds: ['o1', 'o2'],
    },
    right: { type: 'multiple_choice', optionIds: ['o2', 'o1'] },
    wrong: { type: 'multiple_choice', optionIds: ['o3'] },
  },
  {
    type: 'true_false',
    points: 1,
    key: { type: 'true_false', correct: true },
    right: { type: 'true_false', value: true },
    wrong: { type: 'true_false', value: false },
  },
  {
    type: 'short_answer',
    points: 1,
    key: { type: 'short_answer', acceptedAnswers: ['Économie sociale et solidaire', 'ESS'] },
    right: { type: 'short_answer', text: 'economie  SOCIALE et solidaire.' },
    wrong: { type: 'short_answer', text: 'SARL' },
  },
  {
    type: 'numeric',
    points: 1,
    key: { type: 'numeric', value: 2014, tolerance: 0.5 },
    right: { type: 'numeric', value: 2014.5 },
    wrong: { type: 'numeric', value: 2016 },
  },
  {
    type: 'matching',
    points: 3,
    key: {
      type: 'matching',
      pairs: [
        { id: 'p1', left: 'Coopérative', right: 'Un membre, une voix' },
        { id: 'p2', left: 'Association', right: 'But non lucratif' },
        { id: 'p3', left: 'Fondation', right: 'Patrimoine affecté' },
      ],
    },
    right: {
      type: 'matching',
      matches: [
        { leftId: 'p1', rightId: 'p1' },
        { leftId: 'p2', rightId: 'p2' },
        { leftId: 'p3', rightId: 'p3' },
      ],
    },
    wrong: {
      type: 'matching',
      matches: [
        { leftId: 'p1', rightId: 'p2' },
        { leftId: 'p2', rightId: 'p3' },
        { leftId: 'p3', rightId: 'p1' },
      ],
    },
  },
];
const MAX_POINTS = QUESTIONS.reduce((sum, q) => sum + q.points, 0);
const isRight = (traineeIndex, typeIndex) => ((traineeIndex >> typeIndex) & 1) === 1;
/** The grade the rules give trainee i (shared/domain quiz.ts: percent to hundredths). */
const expectedPercent = (traineeIndex) => {
  const score = QUESTIONS.reduce((sum, q, t) => sum + (isRight(traineeIndex, t) ? q.points : 0), 0);
  return Math.round(((score * 100) / MAX_POINTS) * 100) / 100;
};

/** A trainer's published course with a module and its quiz, a session, `CLIENTS` trainees in it. */
async function seed(databaseUrl) {
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
       VALUES ('BN-QUIZ', 'Entrepreneuriat social : de l’idée au modèle économique',
               'Passer d’une intuition de terrain à un projet d’entreprise sociale viable.',
               'social_entrepreneurship', '{fr}', 'blended', 24, 'published', now())
       RETURNING id AS course`,
    );
    await client.query(`INSERT INTO course_owner (course_id, user_id) VALUES ($1, $2)`, [
      course,
      trainer,
    ]);
    const {
      rows: [{ module }],
    } = await client.query(
      `INSERT INTO course_module (course_id, position, title, estimated_minutes, status, published_at)
       VALUES ($1, 1, 'Qu’est-ce qu’une entreprise sociale ?', 45, 'published', now())
       RETURNING id AS module`,
      [course],
    );
    for (const question of QUESTIONS) {
      await client.query(
        `INSERT INTO quiz_question (course_id, type, text, tags, points, key, created_by)
         VALUES ($1, $2, $3, '{bench}', $4, $5, $6)`,
        [
          course,
          question.type,
          `Question ${question.type}`,
          question.points,
          question.key,
          trainer,
        ],
      );
    }
    await client.query(
      `INSERT INTO quiz (course_id, module_id, title, shuffle_options, attempts_allowed,
                         pass_mark_percent, review_policy, grading_method)
       VALUES ($1, $2, 'Quiz : les bases de l’ESS', true, 20, 60, 'immediately', 'highest')`,
      [course, module],
    );
    const {
      rows: [{ session }],
    } = await client.query(
      `INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue,
                                   capacity, enrollment_opens_on, enrollment_closes_on, status)
       VALUES ($1, 'Cohorte — Fès', current_date - 2, current_date + 2, 'MA-03',
               'Maison des associations, Fès', $2, current_date - 30, current_date - 3, 'open')
       RETURNING id AS session`,
      [course, CLIENTS],
    );
    await client.query(`INSERT INTO session_trainer (session_id, user_id) VALUES ($1, $2)`, [
      session,
      trainer,
    ]);
    const { rows: trainees } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale,
                          email_confirmed_at)
       SELECT 'bench.trainee.' || n || '@example.ma', 'not-a-password-hash', 'Stagiaire ' || n,
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1990 + n % 12,
              'MA-' || lpad((1 + n % 12)::text, 2, '0'), 'fr', now()
         FROM generate_series(1, $1::int) AS n
       ORDER BY n
       RETURNING id, email`,
      [CLIENTS],
    );
    const ids = trainees.map((t) => t.id);
    await client.query(
      `INSERT INTO user_role (user_id, role) SELECT unnest($1::uuid[]), 'trainee'`,
      [ids],
    );
    await recordSeedConsent(client, ids);
    const { rows: enrollments } = await client.query(
      `INSERT INTO enrollment (session_id, user_id, status, baseline_situation, education_level,
                               region_code, enrolled_by, enrolled_at, confirmed_at)
       SELECT $1, u.id, 'confirmed', 'seeking', 'licence', u.region_code, u.id,
              now() - interval '10 days', now() - interval '10 days'
         FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n) JOIN users u ON u.id = t.id
        ORDER BY t.n
       RETURNING id, user_id AS "userId"`,
      [session, ids],
    );
    await client.query(`UPDATE course_session SET confirmed_count = $2 WHERE id = $1`, [
      session,
      CLIENTS,
    ]);
    await client.query('COMMIT');
    const enrollmentOf = new Map(enrollments.map((e) => [e.userId, e.id]));
    return {
      module,
      trainees: trainees.map((t, index) => ({ ...t, index, enrollmentId: enrollmentOf.get(t.id) })),
    };
  });
}

/** Every trainee starts an attempt through the API (not measured); then their answers, by SQL. */
async function prepareRound(api, seeded, tokens) {
  let next = 0;
  const started = await load({
    url: api.base,
    connections: CONNECTIONS,
    amount: CLIENTS,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const trainee = seeded.trainees[next];
          const token = tokens[next];
          next += 1;
          return {
            ...request,
            path: `/api/v1/enrollments/${trainee.enrollmentId}/modules/${seeded.module}/quiz/attempts`,
            headers: { authorization: `Bearer ${token}` },
          };
        },
      },
    ],
  });
  if (started.problems > 0) {
    throw new UserFacingError(`${started.problems} attempts failed to start; see the API's log.`);
  }
  return withDatabase(seeded.databaseUrl, async (client) => {
    const { rows: attempts } = await client.query(
      `SELECT a.id, a.user_id AS "userId", a.drawn, q.type AS "questionType", d."questionId"
         FROM quiz_attempt a
         CROSS JOIN LATERAL jsonb_to_recordset(a.drawn) AS d("questionId" uuid)
         JOIN quiz_question q ON q.id = d."questionId"
        WHERE a.submitted_at IS NULL`,
    );
    const indexOf = new Map(seeded.trainees.map((t) => [t.id, t.index]));
    const typeIndex = new Map(QUESTIONS.map((q, i) => [q.type, i]));
    const rows = attempts.map((row) => {
      const i = indexOf.get(row.userId);
      const t = typeIndex.get(row.questionType);
      return [row.id, row.questionId, isRight(i, t) ? QUESTIONS[t].right : QUESTIONS[t].wrong];
    });
    await client.query(
      `INSERT INTO quiz_answer (attempt_id, question_id, response, saved_at)
       SELECT a, q, r, now() FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS t(a, q, r)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => JSON.stringify(r[2]))],
    );
    const attemptOf = new Map(attempts.map((a) => [a.userId, a.id]));
    return seeded.trainees.map((t) => attemptOf.get(t.id));
  });
}

/**
 * The 500 submissions, one per trainee, started at evenly spaced instants over the window (all
 * at once with `--window 0`), each timed from its start to its whole answer. Node's own fetch
 * (undici, keep-alive) sends them: autocannon's rate limiting cannot give each request its own
 * attempt and token exactly once.
 */
async function submitAll(apiBase, attemptIds, tokens, windowS = WINDOW_S) {
  const latencies = [];
  let problems = 0;
  const started = performance.now();
  const spacingMs = windowS === 0 ? 0 : (windowS * 1000) / CLIENTS;
  await Promise.all(
    attemptIds.map(async (attemptId, i) => {
      const wait = started + i * spacingMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sent = performance.now();
      try {
        const response = await fetch(`${apiBase}/api/v1/quiz-attempts/${attemptId}/submit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[i]}` },
          signal: AbortSignal.timeout(60_000),
        });
        await response.arrayBuffer();
        if (response.status === 200) latencies.push(performance.now() - sent);
        else problems += 1;
      } catch {
        problems += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: CLIENTS / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    problems,
  };
}

/** Every attempt of the round submitted once, by its trainee, with the grade the rules give. */
async function checkRound(seeded, attemptIds) {
  return withDatabase(seeded.databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT id, user_id AS "userId", percent::float AS percent, closed_by AS "closedBy",
              (SELECT count(*)::int FROM quiz_answer WHERE attempt_id = a.id AND score IS NOT NULL) AS graded
         FROM quiz_attempt a WHERE id = ANY($1::uuid[])`,
      [attemptIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const problems = [];
    let wrong = 0;
    seeded.trainees.forEach((trainee, i) => {
      const row = byId.get(attemptIds[i]);
      if (!row || row.userId !== trainee.id || row.closedBy !== 'trainee') wrong += 1;
      else if (row.percent !== expectedPercent(trainee.index) || row.graded !== QUESTIONS.length)
        wrong += 1;
    });
    if (wrong > 0) problems.push(`${wrong} of ${CLIENTS} attempts not graded exactly`);
    return problems;
  });
}

function table(health, rounds, info) {
  const submit = {
    rps: median(rounds.map((r) => r.rps)),
    rpsMin: Math.min(...rounds.map((r) => r.rps)),
    rpsMax: Math.max(...rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
    problems: rounds.reduce((sum, r) => sum + r.problems, 0),
  };
  const latencyRatio = submit.p95 / health.p95;
  const spread = WINDOW_S === 0 ? 'all at once' : `started at even intervals over ${WINDOW_S} s`;
  const lines = [
    ...TABLE_HEADER,
    tableRow(`ORIS API, P1's route (\`GET ${HEALTH_ROUTE}\`)`, health),
    tableRow(
      `ORIS API, ${CLIENTS} trainees handing in a quiz (\`POST /api/v1/quiz-attempts/:id/submit\`)`,
      submit,
    ),
    '',
    `**P12: submission p95 ${ms(submit.p95)}** — ${submit.p95 <= P95_BAR_MS ? 'meets' : 'misses'} the ≤ ${P95_BAR_MS} ms bar; ` +
      `${submit.problems} errors; every one of the ${CLIENTS} grades per round exact (the shared rules' percent, ${QUESTIONS.length} answer rows graded). ` +
      `Its p95 is ${ratioText(latencyRatio)} × P1's p95 measured in the same run.`,
    '',
    `${measuredOn(info)}, load average ${info.load.toFixed(1)} when it ended${info.load > info.nproc ? ' (a shared, busy machine: the figures are pessimistic)' : ''}; ` +
      `${ROUNDS} round${ROUNDS === 1 ? '' : 's'} of ${CLIENTS} submissions ${spread}, one quiz of ${QUESTIONS.length} questions (one of each type) per attempt, ` +
      `latencies from every response, medians of the rounds; P1's route: autocannon ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, ` +
      `${RUNS} run${RUNS === 1 ? '' : 's'} of ${DURATION_S} s, alternated with the rounds; API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}.`,
    '',
    `Command: \`${commandLine('p12')}\``,
  ];
  return { markdown: lines.join('\n'), submit };
}

runBench(opts, async (cleanups) => {
  if (ROUNDS > 19) throw new UserFacingError('--rounds is at most 19 (20 attempts per trainee).');
  const settings = readSettings();
  await ensureServices(settings);
  let seeded;
  const api = await startApi({
    bench: 'p12',
    settings,
    cleanups,
    opts,
    prepare: async (databaseUrl) => {
      log(`Writing a course with its quiz, a session and ${int(CLIENTS)} enrolled trainees (SQL)`);
      seeded = { databaseUrl, ...(await seed(databaseUrl)) };
    },
    profileFile: join(LOG_DIR, 'p12-api.cpuprofile'),
  });
  const tokens = seeded.trainees.map((trainee) => accessToken(api.env.JWT_SECRET, trainee));
  const healthUrl = `${api.base}${HEALTH_ROUTE}`;
  const runHealth = (duration) => load({ url: healthUrl, connections: CONNECTIONS, duration });

  log(
    `Warming up P1's route for ${WARMUP_S} s, and the quiz routes with a trial round (all at once)`,
  );
  await runHealth(WARMUP_S);
  const trialIds = await prepareRound(api, seeded, tokens);
  const trial = await submitAll(api.base, trialIds, tokens, 0);
  const trialProblems = await checkRound(seeded, trialIds);
  if (trial.problems > 0 || trialProblems.length > 0) {
    throw new UserFacingError(
      `The trial round failed: ${trial.problems} non-2xx or errors; ${trialProblems.join('; ')}. See ${api.server.logPath}.`,
    );
  }

  const healthRuns = [];
  const rounds = [];
  for (let round = 1; round <= Math.max(ROUNDS, RUNS); round += 1) {
    if (round <= RUNS) {
      const result = await runHealth(DURATION_S);
      healthRuns.push(result);
      log(`run ${round}/${RUNS} P1's route: ${int(result.rps)} req/s, p95 ${ms(result.p95)}`);
    }
    if (round > ROUNDS) continue;
    const attemptIds = await prepareRound(api, seeded, tokens);
    log(`round ${round}/${ROUNDS}: ${CLIENTS} attempts started and answered; handing them in`);
    const result = await submitAll(api.base, attemptIds, tokens);
    const problems = await checkRound(seeded, attemptIds);
    if (result.problems > 0) problems.push(`${result.problems} non-2xx responses or errors`);
    if (problems.length > 0) {
      throw new UserFacingError(
        `Round ${round} failed: ${problems.join('; ')}. docs/PERFORMANCE.md was left as it was.`,
      );
    }
    rounds.push(result);
    log(
      `round ${round}/${ROUNDS}: p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, p99 ${ms(result.p99)}; ` +
        `${CLIENTS} grades exact; load average ${loadAverage()}`,
    );
  }

  const health = summarise(healthRuns);
  const { markdown, submit } = table(health, rounds, machine());
  process.stdout.write(`\n${markdown}\n\n`);
  if (health.problems > 0) {
    throw new UserFacingError(
      `P1's route had non-2xx responses or errors. docs/PERFORMANCE.md was left as it was.`,
    );
  }
  log(
    submit.p95 <= P95_BAR_MS
      ? green(`P12 p95 ${ms(submit.p95)} ≤ ${P95_BAR_MS} ms`)
      : red(`P12 p95 ${ms(submit.p95)} > ${P95_BAR_MS} ms`),
  );
  if (opts.write) await writeSection('p12', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

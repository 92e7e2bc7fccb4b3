// `npm start`: everything a newcomer needs, in order — packages, PostgreSQL and Redis, the
// database, migrations, demo data — then the API, the worker and the web app, until Ctrl-C.
// Option: --inspect (the API and the worker listen for a debugger, on ports 9229 and 9230).
import { spawn } from 'node:child_process';
import { ensureInstall } from './ensure-install.mjs';
import {
  NPM,
  NX,
  NX_ENV,
  ROOT,
  UserFacingError,
  bold,
  dim,
  duration,
  forwardSignalsToForegroundSteps,
  green,
  httpStatus,
  loadDotEnv,
  log,
  main,
  readSettings,
  run,
  runOrThrow,
  sleep,
  tcpProbe,
  warn,
} from './lib.mjs';
import { ensureDatabase, ensureServices } from './services.mjs';

const READY_TIMEOUT_MS = 15 * 60_000; // a first cold build of api + web on 2 busy cores is slow
const STOP_GRACE_MS = 15_000;

const INSPECT_FLAG = '--inspect';
// The inspector ports of the serve targets (apps/api and apps/worker project.json).
const INSPECTOR_PORTS = { API: 9229, worker: 9230 };

const DEMO_PASSWORD = 'oris-demo-2026';
const DEMO_ACCOUNTS = [
  ['administrator', 'admin@oris.example'],
  ['trainer', 'trainer@oris.example'],
  ['placement officer', 'officer@oris.example'],
  ['trainee', 'trainee@oris.example'],
];

async function assertPortFree(port, what) {
  for (const host of ['127.0.0.1', '::1']) {
    if ((await tcpProbe(host, port, 500)) === null) {
      throw new UserFacingError(
        `Port ${port} (${what}) is already in use on ${host}. Is ORIS already running? ` +
          `Stop it, or choose another port in .env.`,
      );
    }
  }
}

/** The Angular dev server may listen on IPv4 or IPv6 localhost only: try both. */
async function webAnswers(port) {
  for (const host of ['127.0.0.1', '[::1]']) {
    const status = await httpStatus(`http://${host}:${port}/`);
    if (status !== null && status < 500) return true;
  }
  return false;
}

function printBanner(settings, { startedWithDocker }, { inspect }) {
  const api = `http://localhost:${settings.API_PORT}/api`;
  const web = `http://localhost:${settings.WEB_PORT}`;
  const mail = process.env.SMTP_URL || settings.SMTP_URL;
  const lines = [
    '',
    bold(green('ORIS Academy is running.')),
    '',
    `  Web app     ${bold(web)}`,
    `  API         ${api}`,
    `  API docs    ${api}/docs`,
    `  Health      ${api}/health/ready`,
    ...(inspect
      ? [
          `  Debugger    ${Object.entries(INSPECTOR_PORTS)
            .map(([app, port]) => `${app} 127.0.0.1:${port}`)
            .join(', ')}`,
        ]
      : []),
    `  Emails      ${
      startedWithDocker
        ? 'Mailpit, http://localhost:8025'
        : mail
          ? `sent through ${mail}`
          : `written as .eml files under ${settings.MAIL_DROP_DIR}/`
    }`,
    '',
    `  Demo accounts (password ${bold(DEMO_PASSWORD)}):`,
    ...DEMO_ACCOUNTS.map(([role, email]) => `    ${role.padEnd(19)}${email}`),
    '',
    dim('  Press Ctrl-C to stop.'),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function serve(settings, services, options) {
  await assertPortFree(Number(settings.API_PORT), 'API');
  await assertPortFree(Number(settings.WEB_PORT), 'web');

  // Build the two Node apps first (the serve targets then reuse the result): a compile error
  // stops here with its message, instead of leaving the servers waiting for a build that failed.
  log('Building the API and the worker: nx run-many -t build -p api worker -c development');
  const buildArgs = ['run-many', '-t', 'build', '-p', 'api', 'worker', '-c', 'development'];
  const built = await run(NX, buildArgs, { env: NX_ENV });
  if (built !== 0) {
    throw new UserFacingError('The API or the worker does not build: see the errors above.');
  }

  log('Starting the API, the worker and the web app: nx serve api, worker and web');
  // One shell as the leader of a process group of its own, so that stopping reaches every process
  // Nx started; the web app gets its port here because run-many cannot pass per-project options.
  // The debugger is opt-in: its "Debugger listening" lines are noise to whoever does not use it.
  const inspect = options.inspect ? ' --inspect=inspect' : '';
  const serve = [
    `"${NX}" run-many -t serve -p api worker --parallel=2${inspect} &`,
    `"${NX}" run web:serve --port=${Number(settings.WEB_PORT)} &`,
    'wait',
  ].join(' ');
  const child = spawn('sh', ['-c', serve], {
    cwd: ROOT,
    env: { ...process.env, ...NX_ENV, API_PORT: String(settings.API_PORT) },
    stdio: 'inherit',
    detached: true,
  });

  let stopping = false;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`Stopping (${signal})…`);
    const signalGroup = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // the group is already gone
      }
    };
    signalGroup(signal);
    setTimeout(() => signalGroup('SIGKILL'), STOP_GRACE_MS).unref();
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // A closed terminal hangs up only its foreground group, not the servers' own group.
  process.on('SIGHUP', () => stop('SIGTERM'));

  const readyUrl = `http://127.0.0.1:${settings.API_PORT}/api/health/ready`;
  const startedAt = Date.now();
  let lastNote = startedAt;
  let ready = false;
  let timedOut = false;
  let finished = null;
  exited.then((result) => (finished = result));
  while (!finished && !stopping && Date.now() - startedAt < READY_TIMEOUT_MS) {
    const [apiStatus, webUp] = await Promise.all([
      httpStatus(readyUrl),
      webAnswers(settings.WEB_PORT),
    ]);
    if (apiStatus === 200 && webUp) {
      ready = true;
      break;
    }
    if (Date.now() - lastNote > 30_000) {
      lastNote = Date.now();
      const apiNote =
        apiStatus === null ? 'not listening yet' : `health/ready answers ${apiStatus}`;
      log(
        dim(
          `Still building after ${duration(Date.now() - startedAt)} (API: ${apiNote}; web: ${webUp ? 'up' : 'not yet'})`,
        ),
      );
    }
    await sleep(1_000);
  }
  if (ready) printBanner(settings, services, options);
  else if (!finished && !stopping) {
    warn(
      `The platform was not ready after ${duration(READY_TIMEOUT_MS)}; stopping. See the output above.`,
    );
    timedOut = true;
    stop('SIGTERM');
  }

  const { code, signal } = await exited;
  // The group may outlive Nx itself (a dev server that ignored the signal): clean it up.
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  if (timedOut) return 1;
  if (stopping) return 0;
  warn(`The servers stopped (${signal ?? `exit code ${code}`}).`);
  return code || 1;
}

main(async () => {
  forwardSignalsToForegroundSteps();
  const flags = process.argv.slice(2);
  const unknown = flags.filter((flag) => flag !== INSPECT_FLAG);
  if (unknown.length > 0) {
    throw new UserFacingError(`Unknown option ${unknown.join(' ')}. Known: ${INSPECT_FLAG}`);
  }
  const options = { inspect: flags.includes(INSPECT_FLAG) };
  const startedAt = Date.now();
  await ensureInstall();
  loadDotEnv();
  // `npm start` is development by definition: say so explicitly, since the API accepts its public
  // development JWT secret only when NODE_ENV=development is set (an .env may still override it).
  process.env.NODE_ENV ||= 'development';
  const settings = readSettings();
  const services = await ensureServices(settings);
  await ensureDatabase(settings);
  log('Migrating the database: npm run db:migrate');
  await runOrThrow(NPM, ['run', '--silent', 'db:migrate']);
  log('Loading the demo data: npm run db:seed');
  await runOrThrow(NPM, ['run', '--silent', 'db:seed']);
  log(dim(`Prepared in ${duration(Date.now() - startedAt)}.`));
  process.exitCode = await serve(settings, services, options);
});

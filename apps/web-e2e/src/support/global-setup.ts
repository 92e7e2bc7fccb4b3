import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARTIFACTS,
  assertBuilt,
  createDatabase,
  dropDatabase,
  freePort,
  runApiCli,
  startProcess,
  waitUntilHealthy,
} from './platform';
import { E2E_STATE, type E2eState } from './state';

const DATABASE_ADMIN_URL =
  process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * The whole platform for the journeys: a fresh database migrated and seeded with the demo
 * accounts, the built API and worker, and the production web build served as in production
 * (tools/web/serve.mjs: server-side rendered public pages, files, /api proxied on the same origin).
 */
export default async function globalSetup(): Promise<void> {
  assertBuilt();
  const workDir = mkdtempSync(join(tmpdir(), 'oris-web-e2e-'));
  const database = await createDatabase(DATABASE_ADMIN_URL);
  const state: E2eState = {
    databaseAdminUrl: DATABASE_ADMIN_URL,
    databaseName: database.name,
    workDir,
    processes: [],
  };
  (globalThis as Record<string, unknown>)[E2E_STATE] = state;

  try {
    const apiPort = await freePort();
    const webPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL,
      // Its own key prefix, so that no other run's worker takes this run's jobs.
      QUEUE_PREFIX: `oris-web-e2e-${database.name}`,
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      // Emailed links (password reset) point at the web server below.
      PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
      MAIL_DROP_DIR: join(workDir, 'mail'),
      SMTP_URL: '',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
      // Every journey signs in and registers from 127.0.0.1, faster than any classroom: the
      // per-address budgets are raised. The limiter itself is tested by the API tests.
      LOGIN_RATE_LIMIT_PER_ADDRESS: '1000',
      REGISTER_RATE_LIMIT_PER_ADDRESS: '1000',
      PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS: '1000',
    };
    await runApiCli(['migrate'], env);
    await runApiCli(['seed:demo'], env);

    const api = startProcess('api', ARTIFACTS.apiMain, env, workDir);
    state.processes.push(api);
    const worker = startProcess('worker', ARTIFACTS.workerMain, env, workDir);
    state.processes.push(worker);
    await waitUntilHealthy(`http://127.0.0.1:${apiPort}/api/health`, api);

    const webUrl = `http://127.0.0.1:${webPort}`;
    const web = startProcess(
      'web',
      ARTIFACTS.webServe,
      {
        ...env,
        NODE_ENV: 'production',
        WEB_ROOT: ARTIFACTS.web,
        WEB_SERVER_BUNDLE: ARTIFACTS.webServerBundle,
        API_ORIGIN: `http://127.0.0.1:${apiPort}`,
        HOST: '127.0.0.1',
        PORT: String(webPort),
      },
      workDir,
    );
    state.processes.push(web);
    await waitUntilHealthy(`${webUrl}/robots.txt`, web);
    // Read by the test files (they run after this, in this same process).
    process.env['E2E_BASE_URL'] = webUrl;
    process.env['E2E_MAIL_DIR'] = env['MAIL_DROP_DIR'];
  } catch (error) {
    await Promise.all(state.processes.map((running) => running.stop()));
    await dropDatabase(DATABASE_ADMIN_URL, database.name);
    throw error;
  }
}

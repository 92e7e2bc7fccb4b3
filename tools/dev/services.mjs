// PostgreSQL and Redis for development and tests: check they really answer, start them from
// docker/compose.yaml when a Docker engine is available, otherwise say how to start them.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  UserFacingError,
  bold,
  log,
  main,
  readSettings,
  requireFromRoot,
  runOrThrow,
  sleep,
  succeeds,
  tcpProbe,
  warn,
} from './lib.mjs';

export const COMPOSE_FILE = join('docker', 'compose.yaml');
// Must match the default of POSTGRES_PASSWORD in docker/compose.yaml.
const COMPOSE_POSTGRES_PASSWORD = 'oris-local-only';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const AUTH_FAILED = new Set(['28P01', '28000']);

function describeUrl(url) {
  return `${url.hostname}:${url.port}`;
}

function pgTarget(settings) {
  const url = new URL(settings.DATABASE_URL);
  url.port ||= '5432';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  return { url, database };
}

function redisTarget(settings) {
  const url = new URL(settings.REDIS_URL);
  url.port ||= '6379';
  return { url };
}

/** A client on the server's maintenance database, so the check works before `oris` exists. */
export async function withPgAdmin(settings, fn) {
  const { Client } = requireFromRoot('pg');
  const { url } = pgTarget(settings);
  let lastError;
  for (const maintenanceDb of ['postgres', 'template1']) {
    const adminUrl = new URL(url);
    adminUrl.pathname = `/${maintenanceDb}`;
    const client = new Client({
      connectionString: adminUrl.toString(),
      connectionTimeoutMillis: 3_000,
      application_name: 'oris-dev-tools',
    });
    try {
      await client.connect();
    } catch (err) {
      lastError = err;
      await client.end().catch(() => undefined);
      if (err.code === '3D000') continue; // that maintenance database does not exist: try the next
      throw err;
    }
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
  throw lastError;
}

/** null when PostgreSQL answers a query, else what went wrong (with the error's SQLSTATE code). */
export async function checkPostgres(settings) {
  const { url } = pgTarget(settings);
  const tcp = await tcpProbe(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port));
  if (tcp) return { problem: `nothing answers on ${describeUrl(url)} (${tcp})` };
  try {
    await withPgAdmin(settings, (client) => client.query('SELECT 1'));
    return null;
  } catch (err) {
    return {
      problem: `${describeUrl(url)} refused the connection: ${err.message}`,
      code: err.code,
    };
  }
}

/** null when Redis answers PING, else what went wrong. */
export async function checkRedis(settings) {
  const { url } = redisTarget(settings);
  const tcp = await tcpProbe(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port));
  if (tcp) return { problem: `nothing answers on ${describeUrl(url)} (${tcp})` };
  const Redis = requireFromRoot('ioredis');
  const client = new Redis(settings.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined); // reported through the rejected promise below
  try {
    await client.connect();
    const pong = await client.ping();
    return pong === 'PONG' ? null : { problem: `PING answered ${pong}` };
  } catch (err) {
    return { problem: `${describeUrl(url)} did not answer PING: ${err.message}` };
  } finally {
    client.disconnect();
  }
}

/**
 * A PostgreSQL that refuses a password-less login may be the one from docker/compose.yaml,
 * which has a password: try it, and use it for this run if it works.
 */
async function tryComposePassword(settings, pg) {
  if (!pg || !AUTH_FAILED.has(pg.code) || process.env.PGPASSWORD) return pg;
  if (new URL(settings.DATABASE_URL).password) return pg;
  process.env.PGPASSWORD = COMPOSE_POSTGRES_PASSWORD;
  const retry = await checkPostgres(settings);
  if (retry) {
    delete process.env.PGPASSWORD;
    return pg;
  }
  warn(
    `PostgreSQL accepted the password of docker/compose.yaml; using it for this run ` +
      `(put it in DATABASE_URL in .env to use it everywhere).`,
  );
  return null;
}

function composeCommand() {
  if (!succeeds('docker', ['info'], 20_000)) return null;
  if (succeeds('docker', ['compose', 'version'])) return ['docker', ['compose']];
  if (succeeds('docker-compose', ['version'])) return ['docker-compose', []];
  return null;
}

function isLocal(url) {
  return LOCAL_HOSTS.has(url.hostname);
}

function instructions(missing, why) {
  const down = (status) => status && !AUTH_FAILED.has(status.code);
  const lines = [];
  if (down(missing.postgres) || down(missing.redis)) {
    lines.push(
      `${why}, so nothing was started for you.`,
      'Start what is missing, then run the command again:',
    );
  }
  if (down(missing.postgres)) {
    lines.push(
      '',
      '  PostgreSQL (Debian/Ubuntu, as root):',
      '    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      '    (not installed? apt-get install -y postgresql)',
    );
  }
  if (down(missing.redis)) {
    lines.push(
      '',
      '  Redis (Debian/Ubuntu):',
      '    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
      '    (not installed? apt-get install -y redis-server)',
    );
  }
  if (down(missing.postgres) || down(missing.redis)) {
    lines.push(
      '',
      '  With Docker instead:',
      `    docker compose -f ${COMPOSE_FILE} up -d postgres redis mailpit`,
    );
  }
  if (missing.postgres && AUTH_FAILED.has(missing.postgres.code)) {
    lines.push(
      '',
      'PostgreSQL answers but refused the login: set DATABASE_URL in .env to a user and password it',
      'accepts, e.g. postgres://postgres:<password>@127.0.0.1:5432/oris (the user must be allowed to',
      'create databases).',
    );
  }
  lines.push('', 'Servers elsewhere: set DATABASE_URL and REDIS_URL in .env (see .env.example).');
  return lines.join('\n').trimStart();
}

async function checkBoth(settings) {
  const postgres = await tryComposePassword(settings, await checkPostgres(settings));
  const redis = await checkRedis(settings);
  return { postgres, redis };
}

/**
 * A first look that needs no installed packages, for `npm test`'s opening checks: does something
 * listen where PostgreSQL and Redis should be? Resolves with 'listening', with 'docker' when
 * ensureServices will be able to start what is missing, or with the instructions when nothing can.
 */
export async function servicesBeforeInstall(settings = readSettings()) {
  const probe = async ({ url }) => {
    const tcp = await tcpProbe(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port));
    return tcp ? { problem: `nothing answers on ${describeUrl(url)} (${tcp})` } : null;
  };
  const pg = pgTarget(settings);
  const redis = redisTarget(settings);
  const missing = { postgres: await probe(pg), redis: await probe(redis) };
  if (!missing.postgres && !missing.redis) return { status: 'listening' };
  const why =
    !isLocal(pg.url) || !isLocal(redis.url)
      ? 'DATABASE_URL or REDIS_URL names another machine'
      : composeCommand()
        ? null
        : 'No working Docker engine was found (`docker info` failed)';
  if (!why) return { status: 'docker' };
  const found = Object.entries(missing)
    .filter(([, status]) => status)
    .map(([name, status]) => `${name === 'postgres' ? 'PostgreSQL' : 'Redis'}: ${status.problem}.`);
  return { problem: [...found, instructions(missing, why)].join('\n') };
}

/**
 * Makes sure PostgreSQL and Redis answer. Returns `{ startedWithDocker }`; when it started the
 * compose services it also points email at their Mailpit for this run (unless SMTP_URL is set).
 */
export async function ensureServices(settings = readSettings()) {
  let missing = await checkBoth(settings);
  if (!missing.postgres && !missing.redis) return { startedWithDocker: false };

  for (const [name, status] of Object.entries(missing)) {
    if (status) warn(`${name === 'postgres' ? 'PostgreSQL' : 'Redis'}: ${status.problem}`);
  }
  const pgUrl = pgTarget(settings).url;
  const redisUrl = redisTarget(settings).url;
  const authOnly = [missing.postgres, missing.redis].every((s) => !s || AUTH_FAILED.has(s.code));
  if (authOnly) throw new UserFacingError(instructions(missing, ''));
  if (!isLocal(pgUrl) || !isLocal(redisUrl)) {
    throw new UserFacingError(
      instructions(missing, 'DATABASE_URL or REDIS_URL names another machine'),
    );
  }
  const compose = composeCommand();
  if (!compose) {
    throw new UserFacingError(
      instructions(missing, 'No working Docker engine was found (`docker info` failed)'),
    );
  }

  const [command, prefix] = compose;
  log(`Starting PostgreSQL, Redis and Mailpit with Docker (${COMPOSE_FILE})`);
  await runOrThrow(
    command,
    [...prefix, '-f', COMPOSE_FILE, 'up', '-d', 'postgres', 'redis', 'mailpit'],
    {
      env: { POSTGRES_PORT: pgUrl.port, REDIS_PORT: redisUrl.port },
    },
  );
  if (!settings.fromUser('DATABASE_URL') && !process.env.PGPASSWORD) {
    process.env.PGPASSWORD = COMPOSE_POSTGRES_PASSWORD;
  }
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    await sleep(2_000);
    missing = await checkBoth(settings);
    if (!missing.postgres && !missing.redis) {
      if (!settings.fromUser('SMTP_URL')) process.env.SMTP_URL = 'smtp://127.0.0.1:1025';
      log('PostgreSQL and Redis are up (Docker). Emails go to Mailpit: http://localhost:8025');
      return { startedWithDocker: true };
    }
  }
  const still = Object.values(missing)
    .filter(Boolean)
    .map((status) => status.problem)
    .join('; ');
  throw new UserFacingError(
    `The Docker services did not become ready within 2 minutes: ${still}\n` +
      `See \`docker compose -f ${COMPOSE_FILE} logs postgres redis\`.`,
  );
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** Creates the application database named in DATABASE_URL when it does not exist yet. */
export async function ensureDatabase(settings = readSettings()) {
  const { database } = pgTarget(settings);
  await withPgAdmin(settings, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
      log(`Created database ${bold(database)}`);
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(async () => {
    const settings = readSettings();
    await ensureServices(settings);
    await ensureDatabase(settings);
    log('PostgreSQL and Redis answer; the database exists.');
  });
}

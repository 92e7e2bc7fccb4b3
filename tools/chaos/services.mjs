// The chaos run's own services, each on a port it reserved, under its own temporary folder:
// PostgreSQL (initdb), Redis, the API and the worker (the production build in dist/). Each can be
// killed with SIGKILL and started again. Nothing here touches the shared servers on 5432/6379.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  UserFacingError,
  httpStatus,
  requireFromRoot,
  sleep,
  tcpProbe,
} from '../dev/lib.mjs';

const START_TIMEOUT_MS = 90_000;

/** The newest PostgreSQL server binaries installed (Debian's layout), or those on the PATH. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((name) => existsSync(join(base, name, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(base, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'dirname "$(command -v initdb)"'], { encoding: 'utf8' });
  const dir = found.stdout.trim();
  if (found.status === 0 && dir && existsSync(join(dir, 'postgres'))) return dir;
  throw new UserFacingError('No PostgreSQL server binaries (initdb, postgres) were found.');
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function asPostgres(command, args) {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

export function postgresUser() {
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new UserFacingError('Running as root needs a `postgres` system user to run PostgreSQL.');
  }
  const uid = Number(result.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

/** Direct children of a process, from /proc (Linux): a postmaster's server processes. */
function childrenOf(pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitGone(pids, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(alive)) {
    if (Date.now() > deadline) throw new Error(`processes ${pids.filter(alive)} did not end`);
    await sleep(50);
  }
}

/**
 * One long-running process of the run, its output appended to `<logDir>/<name>.log` across
 * restarts. `kill()` is SIGKILL to what `pids()` names; `stop()` is SIGTERM, then SIGKILL.
 */
class Service {
  constructor({ name, logDir, command, args, env = {}, ready, pids }) {
    Object.assign(this, { name, command, args, env, readyCheck: ready });
    this.logPath = join(logDir, `${name}.log`);
    this.extraPids = pids ?? (() => []);
    this.child = null;
    this.starts = 0;
  }

  async start() {
    const log = createWriteStream(this.logPath, { flags: 'a' });
    log.write(`\n----- start ${++this.starts} at ${new Date().toISOString()} -----\n`);
    const child = spawn(this.command, this.args, {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.exited = new Promise((resolve) => child.once('exit', resolve));
    this.child = child;
    this.startedAt = Date.now();
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await this.readyCheck(this))) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        throw new Error(`${this.name} did not start: see ${this.logPath}`);
      }
      await sleep(200);
    }
  }

  /** A crash: SIGKILL, no chance to clean up. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const pids = [child.pid, ...this.extraPids(child.pid)];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await child.exited;
    await waitGone(pids);
  }

  /** A clean stop, for the end of the run. */
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), 20_000);
    await child.exited;
    clearTimeout(timer);
    await waitGone(this.extraPids(child.pid)).catch(() => this.kill());
  }
}

/** PostgreSQL in `dir`, initialised on first use; as root its files belong to `postgres`. */
export function postgresService({ dir, port, logDir }) {
  const bin = postgresBin();
  const dataDir = join(dir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    spawnSync('chown', ['-R', `${uid}:${gid}`, dataDir]);
  }
  const [initCommand, initArgs] = asPostgres(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new UserFacingError(`initdb failed:\n${init.stderr}`);
  const [command, args] = asPostgres(join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dataDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=120',
    // A killed server loses nothing the OS has: fsync only guards against the machine dying.
    '-c',
    'fsync=off',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/oris_chaos`;
  const service = new Service({
    name: 'postgres',
    logDir,
    command,
    args,
    // The postmaster (under runuser as root) and every server process it started.
    pids: (pid) => {
      const postmasters = process.getuid?.() === 0 ? childrenOf(pid) : [pid];
      return [...postmasters, ...postmasters.flatMap(childrenOf)];
    },
    ready: async () => {
      const { Client } = requireFromRoot('pg');
      const client = new Client({
        connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
        connectionTimeoutMillis: 1_000,
      });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  });
  return Object.assign(service, { url, adminUrl: url.replace(/oris_chaos$/, 'postgres') });
}

/** Redis with an append-only file: a killed server loses no write it acknowledged. */
export function redisService({ dir, port, logDir }) {
  const dataDir = join(dir, 'redis');
  mkdirSync(dataDir, { recursive: true });
  const service = new Service({
    name: 'redis',
    logDir,
    command: 'redis-server',
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dataDir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
    ],
    ready: async () => (await tcpProbe('127.0.0.1', port, 500)) === null,
  });
  return Object.assign(service, { url: `redis://127.0.0.1:${port}` });
}

/** The API's production build (`node dist/apps/api/main.js`). */
export function apiService({ env, logDir, name = 'api' }) {
  const base = `http://127.0.0.1:${env.API_PORT}`;
  const service = new Service({
    name,
    logDir,
    command: process.execPath,
    args: [join(ROOT, 'dist', 'apps', 'api', 'main.js')],
    env,
    ready: async () => (await httpStatus(`${base}/api/health`, 1_000)) === 200,
  });
  return Object.assign(service, { base });
}

/** The worker's production build; ready once it logged that it started (in this start's log). */
export function workerService({ env, logDir, name = 'worker' }) {
  return new Service({
    name,
    logDir,
    command: process.execPath,
    args: [join(ROOT, 'dist', 'apps', 'worker', 'main.js')],
    env,
    ready: async (service) => {
      const log = existsSync(service.logPath) ? readFileSync(service.logPath, 'utf8') : '';
      const thisStart = log.slice(log.lastIndexOf(`----- start ${service.starts} `));
      return thisStart.includes('Worker started');
    },
  });
}

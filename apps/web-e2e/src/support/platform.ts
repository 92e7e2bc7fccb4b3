import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

export const WORKSPACE = join(__dirname, '..', '..', '..', '..');
export const ARTIFACTS = {
  apiMain: join(WORKSPACE, 'dist', 'apps', 'api', 'main.js'),
  apiCli: join(WORKSPACE, 'dist', 'apps', 'api', 'cli.js'),
  workerMain: join(WORKSPACE, 'dist', 'apps', 'worker', 'main.js'),
  web: join(WORKSPACE, 'dist', 'apps', 'web', 'browser'),
  /** The server-side rendering bundle, served as in production by tools/web/serve.mjs. */
  webServerBundle: join(WORKSPACE, 'dist', 'apps', 'web', 'server', 'server.mjs'),
  webServe: join(WORKSPACE, 'tools', 'web', 'serve.mjs'),
};

export function assertBuilt(): void {
  const missing = Object.values(ARTIFACTS).filter((path) => !existsSync(path));
  if (missing.length) {
    throw new Error(
      `Build first (nx run web-e2e:e2e builds api, worker and web): missing ${missing.join(', ')}`,
    );
  }
}

/** A fresh, empty PostgreSQL database for this run. */
export async function createDatabase(adminUrl: string): Promise<{ name: string; url: string }> {
  const name = `oris_web_e2e_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

async function withAdmin<T>(adminUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a command of the API's CLI (`migrate`, `seed:demo`) and fails with its output. */
export async function runApiCli(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [ARTIFACTS.apiCli, ...args], {
      env,
      cwd: WORKSPACE,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`cli ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts a built app in the background, its output in `<logDir>/<name>.log`. */
export function startProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
): RunningProcess {
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [script], {
    env,
    cwd: WORKSPACE,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    name,
    child,
    logFile,
    stop: () => stopChild(child),
  };
}

/** SIGTERM (the apps shut down gracefully), then SIGKILL if it takes too long. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Waits until `url` answers 200, or fails early with the log if the process died. */
export async function waitUntilHealthy(
  url: string,
  process: RunningProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) {
      throw new Error(
        `${process.name} exited (${process.child.exitCode}):\n${await tail(process.logFile)}`,
      );
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${process.name} did not become healthy at ${url}:\n${await tail(process.logFile)}`,
  );
}

async function tail(file: string, lines = 40): Promise<string> {
  return (await readFile(file, 'utf8').catch(() => '')).split('\n').slice(-lines).join('\n');
}

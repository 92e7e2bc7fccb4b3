import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@oris/api/database/testing';

const ROOT = resolve(__dirname, '../../../..');

/** A port the kernel just handed out and nobody holds: the API process listens there. */
function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote so far, stdout and stderr apart. */
  stdout(): string;
  stderr(): string;
  /** The process's JSON log lines (stdout) so far. */
  logLines(): Record<string, unknown>[];
  /** Resolves once a log line with this message was written. */
  logged(message: string): Promise<void>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills it if still running, drops its database and files. */
  close(): Promise<void>;
}

/**
 * The real API entry point (`apps/api/src/main.ts`, from the sources as `npm start` runs it) in
 * a child process of its own, on a fresh database: what a deploy's SIGTERM is sent to.
 */
export async function spawnApi(env: Record<string, string> = {}): Promise<ApiProcess> {
  const [database, port, files] = await Promise.all([
    createTestDatabase(),
    freePort(),
    mkdtemp(join(tmpdir(), 'oris-api-process-')),
  ]);
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'apps/api/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        DATABASE_URL: database.url,
        REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `test-${database.name}`,
        STORAGE_DIR: join(files, 'storage'),
        MAIL_DROP_DIR: join(files, 'mail'),
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const api: ApiProcess = {
    child,
    url: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    logLines: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    logged: async (message) => {
      while (!api.logLines().some((line) => line['msg'] === message)) {
        if (api.child.exitCode !== null)
          throw new Error(`The API exited before logging "${message}"`);
        await new Promise((done) => setTimeout(done, 20));
      }
    },
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      await database.drop();
      await rm(files, { recursive: true, force: true });
    },
  };
  await waitUntilListening(api, database);
  return api;
}

async function waitUntilListening(api: ApiProcess, database: TestDatabase): Promise<void> {
  const giveUp = Date.now() + 120_000;
  while (Date.now() < giveUp) {
    if (api.child.exitCode !== null) break;
    const status = await fetch(`${api.url}/api/health`)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  api.child.kill('SIGKILL');
  await database.drop();
  throw new Error(
    `The API process did not start:\n${api.stdout().slice(-3_000)}\n${api.stderr().slice(-3_000)}`,
  );
}

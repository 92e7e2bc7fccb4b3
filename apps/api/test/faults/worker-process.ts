import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the process wrote so far on stdout and stderr. */
  output(): string;
  /** The messages of its JSON log lines so far. */
  messages(): string[];
  /** Resolves once a log line with this message was written. */
  logged(message: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills it (SIGKILL) if still running. */
  close(): Promise<void>;
}

/**
 * The real worker entry point (`apps/worker/src/main.ts`, from the sources) in a child process of
 * its own, with `env` as its configuration (logging at `info`): what a deploy's SIGTERM is sent to. Resolves
 * once it logged that it started.
 */
export async function spawnWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'apps/worker/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
        ...env,
        // The test reads the shutdown's log lines.
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const messages = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '');
  const worker: WorkerProcess = {
    child,
    output: () => output,
    messages,
    exited,
    logged: async (message) => {
      while (!messages().includes(message)) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(
            `The worker exited before logging "${message}":\n${output.slice(-3_000)}`,
          );
        await new Promise((done) => setTimeout(done, 20));
      }
    },
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  const giveUp = setTimeout(() => child.kill('SIGKILL'), 120_000);
  try {
    await worker.logged('Worker started');
  } finally {
    clearTimeout(giveUp);
  }
  return worker;
}

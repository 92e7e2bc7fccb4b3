import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import type { CertificateDocument } from './certificate-document';
import type { RenderFailure, RenderRequest, RenderThreadMessage } from './render-thread.protocol';

/**
 * File name of the render thread in a worker build: the bundle's second entry, written beside
 * `main.js` (`additionalEntryPoints` in apps/worker/webpack.config.js).
 */
export const RENDER_THREAD_BUNDLE = 'render-thread.js';
const RENDER_THREAD_SOURCE = 'render-thread.ts';
const WORKSPACE_TSCONFIG = 'tsconfig.base.json';

/**
 * How a render thread starts:
 * - `built`: a JavaScript file Node runs as it is (the worker build's `render-thread.js`);
 * - `source`: the TypeScript source, compiled as it loads by @swc-node/register with the
 *   workspace's tsconfig (`node -r @swc-node/register apps/worker/src/main.ts`, and tests).
 */
export type RenderThreadEntry =
  { kind: 'built'; file: string } | { kind: 'source'; file: string; tsconfig: string };

function findUp(directory: string, name: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(join(current, name))) return join(current, name);
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Finds the render thread beside the code that is running, in this order:
 * 1. `render-thread.js` in the same directory: this code is the worker bundle (`main.js` in
 *    `dist/apps/worker/`, or `/app` in the Docker image), built with its second entry;
 * 2. `render-thread.ts` in the same directory: this code runs from its TypeScript source
 *    (`libs/api/certificates/src/rendering/`), under @swc-node or ts-jest.
 * Anything else is a broken build, reported when the worker boots rather than at the first render.
 */
export function resolveRenderThreadEntry(directory: string = __dirname): RenderThreadEntry {
  const built = join(directory, RENDER_THREAD_BUNDLE);
  if (existsSync(built)) return { kind: 'built', file: built };
  const source = join(directory, RENDER_THREAD_SOURCE);
  const tsconfig = findUp(directory, WORKSPACE_TSCONFIG);
  if (existsSync(source) && tsconfig) return { kind: 'source', file: source, tsconfig };
  throw new Error(
    `No certificate render thread beside ${directory}: a worker build must emit ${RENDER_THREAD_BUNDLE} ` +
      `next to main.js (apps/worker/webpack.config.js), and the sources have ${RENDER_THREAD_SOURCE} ` +
      `under a workspace with ${WORKSPACE_TSCONFIG}.`,
  );
}

/** What a thread started from the sources receives as its `workerData`. */
interface SourceThreadData {
  /** The tsconfig @swc-node compiles the sources with (decorators, paths). */
  tsconfig: string;
}

/**
 * The program of a thread started from the sources: registers @swc-node (unless the process
 * preloaded it with `-r`, which threads inherit: the module is then already in the thread's
 * cache) with the tsconfig the pool hands over as `workerData` (the configured `SWC_NODE_PROJECT`,
 * or the workspace's), then runs render-thread.ts. Resolved with Node's own `require`, as the fonts
 * are, so that it finds the package from this file. The thread reads no environment: its settings
 * come from the pool, which has them from the configuration.
 */
function sourceProgram(entry: Extract<RenderThreadEntry, { kind: 'source' }>): string {
  const resolve = createRequire(__filename).resolve;
  const preloaded = resolve('@swc-node/register');
  const register = resolve('@swc-node/register/register');
  const readTsconfig = resolve('@swc-node/register/read-default-tsconfig');
  return [
    `const { workerData } = require('node:worker_threads');`,
    `if (!require.cache[${JSON.stringify(preloaded)}]) {`,
    `  const { readDefaultTsConfig } = require(${JSON.stringify(readTsconfig)});`,
    `  require(${JSON.stringify(register)}).register(readDefaultTsConfig(workerData.tsconfig));`,
    `}`,
    `require(${JSON.stringify(entry.file)});`,
  ].join('\n');
}

export interface RenderThreadPoolOptions {
  /** Threads drawing at once; each parses the fonts once and draws one certificate at a time. */
  threads: number;
  /** A render still running after this long is a runaway: its thread is stopped and replaced. */
  renderTimeoutMs: number;
  /** Where the threads' program is; found beside this file by default. */
  entry?: RenderThreadEntry;
  /** `SWC_NODE_PROJECT` (AppConfig): the tsconfig of threads started from the sources. */
  swcProject?: string;
}

interface Task {
  id: number;
  document: CertificateDocument;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Kept apart: `worker.threadId` reads -1 once the thread has exited. */
  id: number;
  /** Fonts parsed, requests accepted. */
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** Why it ends: what it threw, or why the pool stopped it; its task is rejected with this. */
  fault?: Error;
}

/** First and longest wait before starting a thread again after one could not start. */
const RESTART_DELAY_MS = { first: 1_000, max: 30_000 };

function rebuildError(failure: RenderFailure): Error {
  const error = new Error(failure.message);
  error.name = failure.name;
  if (failure.stack) error.stack = failure.stack;
  return error;
}

/**
 * Renders certificates on worker threads, so that the worker's main thread (BullMQ's lock
 * renewal, the email jobs, the database) never waits behind pdfkit. A small pool rather than a
 * library, for these guarantees:
 * - one queue, one render at a time per thread, the PDF's buffer transferred back, not copied;
 * - a thread that crashes, or is stopped because a render outran `renderTimeoutMs`, has its render
 *   rejected (so BullMQ retries that job) and is replaced at once;
 * - a thread that cannot even start (a broken build) is not restarted in a loop: it is tried again
 *   after a growing delay, and with no thread left the waiting renders are rejected, not kept;
 * - `close` refuses new renders, lets queued and running ones finish, then ends the threads;
 * - idle threads do not keep the process alive.
 */
export class RenderThreadPool {
  private readonly logger = new Logger(RenderThreadPool.name);
  private readonly entry: RenderThreadEntry;
  private readonly program: { file: string; eval: boolean; workerData?: SourceThreadData };
  private readonly threads = new Set<Thread>();
  private readonly queue: Task[] = [];
  private readonly drawnByThread = new Map<number, number>();
  private nextTaskId = 1;
  private startFailures = 0;
  private announcedReady = false;
  private restartTimer?: NodeJS.Timeout;
  private state: 'open' | 'draining' | 'closed' = 'open';
  private drained?: () => void;
  private closing?: Promise<void>;

  constructor(private readonly options: RenderThreadPoolOptions) {
    if (!Number.isInteger(options.threads) || options.threads < 1) {
      throw new Error(`A render thread pool needs at least one thread (got ${options.threads})`);
    }
    this.entry = options.entry ?? resolveRenderThreadEntry();
    this.program =
      this.entry.kind === 'built'
        ? { file: this.entry.file, eval: false }
        : {
            file: sourceProgram(this.entry),
            eval: true,
            workerData: { tsconfig: options.swcProject || this.entry.tsconfig },
          };
    for (let i = 0; i < options.threads; i += 1) this.spawn();
  }

  get size(): number {
    return this.options.threads;
  }

  /** Ids of the live threads (for logs and tests: a replaced thread has a new id). */
  get threadIds(): number[] {
    return [...this.threads].map((thread) => thread.id);
  }

  /**
   * PDFs drawn so far, by the id of the thread that drew them (never 0, the main thread's id): what
   * shows, in logs and tests, that the drawing happened off the main thread.
   */
  get renderedByThread(): ReadonlyMap<number, number> {
    return this.drawnByThread;
  }

  /** The certificate's PDF, drawn on a thread. Rejects if the render fails or its thread is lost. */
  render(document: CertificateDocument): Promise<Buffer> {
    if (this.state !== 'open') {
      return Promise.reject(new Error('The render threads are shutting down; render not started'));
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextTaskId++, document, resolve, reject });
      this.dispatch();
    });
  }

  /** Refuses new renders, waits for the queued and running ones, then ends every thread. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.state = 'draining';
    if (this.busy) await new Promise<void>((resolve) => (this.drained = resolve));
    this.state = 'closed';
    clearTimeout(this.restartTimer);
    await Promise.all([...this.threads].map((thread) => thread.worker.terminate()));
    this.threads.clear();
  }

  private get busy(): boolean {
    return this.queue.length > 0 || [...this.threads].some((thread) => thread.task);
  }

  private spawn(): void {
    let worker: Worker;
    try {
      const { file, eval: evaluate, workerData } = this.program;
      worker = new Worker(file, { eval: evaluate, workerData });
    } catch (error) {
      // Out of memory or threads: the same as a thread that could not start.
      this.startFailed(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const thread: Thread = { worker, id: worker.threadId, ready: false };
    this.threads.add(thread);
    worker.on('message', (message: RenderThreadMessage) => this.onMessage(thread, message));
    // An uncaught exception in the thread: 'exit' follows, and rejects its render with this.
    worker.on('error', (error) => (thread.fault ??= error));
    worker.on('messageerror', (error) => this.stop(thread, error));
    worker.on('exit', (code) => this.onExit(thread, code));
    this.updateRefs();
  }

  private onMessage(thread: Thread, message: RenderThreadMessage): void {
    if ('ready' in message) {
      thread.ready = true;
      this.startFailures = 0;
      if (!this.announcedReady && [...this.threads].filter((t) => t.ready).length === this.size) {
        this.announcedReady = true;
        this.logger.log(
          `${this.size} render thread(s) ready (${this.entry.kind}: ${this.entry.file})`,
        );
      }
      this.dispatch();
      return;
    }
    const task = thread.task;
    // A thread holds one request at a time, and a stopped thread's late answer never arrives.
    if (!task || task.id !== message.id) return;
    clearTimeout(thread.timer);
    thread.task = thread.timer = undefined;
    if (message.error) task.reject(rebuildError(message.error));
    else {
      this.drawnByThread.set(thread.id, (this.drawnByThread.get(thread.id) ?? 0) + 1);
      task.resolve(Buffer.from(message.pdf));
    }
    this.dispatch();
  }

  private onExit(thread: Thread, code: number): void {
    clearTimeout(thread.timer);
    this.threads.delete(thread);
    if (this.state === 'closed') return; // ended by close()
    const reason = thread.fault ?? new Error(`Render thread ${thread.id} exited with code ${code}`);
    thread.task?.reject(
      new Error(`Render thread ${thread.id} was lost during the render: ${reason.message}`, {
        cause: reason,
      }),
    );
    if (thread.ready) {
      this.logger.warn(`Render thread ${thread.id} stopped (${reason.message}); starting another`);
      this.spawn();
    } else {
      this.startFailed(reason);
    }
    this.dispatch();
  }

  private startFailed(reason: Error): void {
    this.startFailures += 1;
    this.logger.error(`A render thread could not start: ${reason.stack ?? reason.message}`);
    if (this.threads.size === 0) {
      // Nothing left to render them: fail the waiting renders now (BullMQ retries them later).
      for (const task of this.queue.splice(0)) {
        task.reject(
          new Error(`No render thread could start: ${reason.message}`, { cause: reason }),
        );
      }
    }
    this.scheduleRestart();
  }

  /** Brings the pool back to its size after failed starts, waiting longer after each one. */
  private scheduleRestart(): void {
    if (this.restartTimer || this.state === 'closed') return;
    const delay = Math.min(
      RESTART_DELAY_MS.max,
      RESTART_DELAY_MS.first * 2 ** (this.startFailures - 1),
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.state === 'closed') return;
      while (this.threads.size < this.size) this.spawn();
    }, delay);
    this.restartTimer.unref();
  }

  /** Ends a thread whose render cannot be trusted any more; its 'exit' rejects the render. */
  private stop(thread: Thread, reason: Error): void {
    thread.fault ??= reason;
    void thread.worker.terminate();
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      while (this.queue.length > 0 && thread.ready && !thread.task && !thread.fault) {
        const task = this.queue.shift() as Task;
        const request: RenderRequest = { id: task.id, document: task.document };
        try {
          thread.worker.postMessage(request);
        } catch (error) {
          // A document that cannot be copied to a thread (not plain data) fails alone.
          task.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        thread.task = task;
        thread.timer = setTimeout(
          () =>
            this.stop(
              thread,
              new Error(`the render took longer than ${this.options.renderTimeoutMs} ms`),
            ),
          this.options.renderTimeoutMs,
        );
      }
    }
    this.updateRefs();
    if (this.state === 'draining' && !this.busy) this.drained?.();
  }

  /** Threads keep the process alive only while there is work to hand back. */
  private updateRefs(): void {
    const busy = this.busy;
    for (const { worker } of this.threads) {
      if (busy) worker.ref();
      else worker.unref();
    }
  }
}

import type { AppConfig } from '@oris/api/platform';
import { DEFAULT_RENDER_STALE_AFTER_MS } from '../issuing/render-queue';

/** Tuning of the worker's certificate rendering; production uses the defaults, tests shrink delays. */
export interface RenderWorkerOptions {
  /**
   * Threads that draw the PDFs (`RenderThreadPool`): the CPU work, ~5–60 ms a certificate, off
   * the main thread. Each parses the fonts once. Defaults to `RENDER_THREADS` (one per core).
   */
  threads: number;
  /**
   * Render jobs in flight in the process (BullMQ concurrency). The main thread only waits on I/O
   * for them (database, storage, a render thread); a job spends about as long on its database and
   * storage work as on its render, so twice as many jobs as threads keeps every thread drawing.
   */
  concurrency: number;
  /** A render still running after this long is a runaway: its thread is stopped, the job retried. */
  renderTimeoutMs: number;
  /** How often the sweeper looks for certificates to render that are not in the queue. */
  sweepIntervalMs: number;
  /** A render handed to the queue longer ago than this and still pending is handed again. */
  staleAfterMs: number;
}

export const RENDER_WORKER_OPTIONS = Symbol('RENDER_WORKER_OPTIONS');

/** The options in force: `given` over the defaults, threads from the configuration. */
export function renderWorkerOptions(
  config: AppConfig,
  given: Partial<RenderWorkerOptions> = {},
): RenderWorkerOptions {
  const threads = given.threads ?? config.RENDER_THREADS;
  return {
    threads,
    concurrency: given.concurrency ?? 2 * threads,
    renderTimeoutMs: given.renderTimeoutMs ?? 60_000,
    sweepIntervalMs: given.sweepIntervalMs ?? 5_000,
    staleAfterMs: given.staleAfterMs ?? DEFAULT_RENDER_STALE_AFTER_MS,
  };
}

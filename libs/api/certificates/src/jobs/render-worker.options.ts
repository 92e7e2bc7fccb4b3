import { availableParallelism } from 'node:os';
import { DEFAULT_RENDER_STALE_AFTER_MS } from '../issuing/render-queue';

/** Tuning of the worker's certificate rendering; production uses the defaults, tests shrink delays. */
export interface RenderWorkerOptions {
  /**
   * Render jobs in flight in one process. A render is ~20–60 ms of synchronous CPU work on the
   * main thread, so jobs beyond one per core only overlap their I/O (database, storage); CPU
   * parallelism comes from running one worker process per core.
   */
  concurrency: number;
  /** How often the sweeper looks for certificates to render that are not in the queue. */
  sweepIntervalMs: number;
  /** A render handed to the queue longer ago than this and still pending is handed again. */
  staleAfterMs: number;
}

export const RENDER_WORKER_OPTIONS = Symbol('RENDER_WORKER_OPTIONS');

export const DEFAULT_RENDER_WORKER_OPTIONS: RenderWorkerOptions = {
  concurrency: Math.max(1, availableParallelism()),
  sweepIntervalMs: 5_000,
  staleAfterMs: DEFAULT_RENDER_STALE_AFTER_MS,
};

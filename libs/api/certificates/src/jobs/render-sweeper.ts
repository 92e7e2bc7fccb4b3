import type { Provider } from '@nestjs/common';
import { RenderQueue } from '../issuing/render-queue';
import { RENDER_WORKER_OPTIONS, type RenderWorkerOptions } from './render-worker.options';

/**
 * The sweeper of renders (a `PeriodicSweep`): every few seconds, hands the queue the certificates
 * still to render that are not in it: those issued while Redis was down, and those whose job was
 * lost. Same claim and deterministic job ids as the API's dispatch, so nothing renders twice.
 */
export const RenderSweeper = Symbol('RenderSweeper');

export const renderSweeperProvider: Provider = {
  provide: RenderSweeper,
  inject: [RenderQueue, RENDER_WORKER_OPTIONS],
  useFactory: (renders: RenderQueue, options: RenderWorkerOptions) =>
    renders.periodicSweep({
      intervalMs: options.sweepIntervalMs,
      staleAfterMs: options.staleAfterMs,
    }),
};

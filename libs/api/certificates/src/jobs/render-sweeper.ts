import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { PeriodicSweep } from '@oris/api/platform';
import { RenderQueue } from '../issuing/render-queue';
import { RENDER_WORKER_OPTIONS, type RenderWorkerOptions } from './render-worker.options';

/**
 * Every few seconds, hands the queue the certificates still to render that are not in it: those
 * issued while Redis was down, and those whose job was lost. Same claim (`FOR UPDATE SKIP
 * LOCKED`) and deterministic job ids as the API's dispatch, so nothing is rendered twice.
 */
@Injectable()
export class RenderSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;

  constructor(
    private readonly renders: RenderQueue,
    @Inject(RENDER_WORKER_OPTIONS) private readonly options: RenderWorkerOptions,
  ) {
    this.periodic = new PeriodicSweep({
      what: 'pending render(s)',
      sweep: () => this.sweep(),
      intervalMs: options.sweepIntervalMs,
      logger: new Logger(RenderSweeper.name),
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  /** One sweep; returns how many renders it enqueued. */
  sweep(): Promise<number> {
    return this.renders.enqueueDue({ staleAfterMs: this.options.staleAfterMs });
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }
}

import { Injectable } from '@nestjs/common';
import type { Worker } from 'bullmq';

/**
 * The BullMQ workers of the process. A worker process's SIGTERM closes them all at once (see
 * `handleWorkerShutdownSignals`): Nest destroys modules one after the other, so a worker closed
 * by its own module's `onModuleDestroy` would keep taking jobs while another one drained. Each
 * worker's own close then returns the promise of the first (BullMQ's `close` is idempotent).
 */
@Injectable()
export class JobWorkers {
  private readonly workers = new Set<Worker>();

  /** Records `worker`; returns it, for `this.worker = workers.register(new Worker(…))`. */
  register<W extends Worker>(worker: W): W {
    this.workers.add(worker);
    worker.once('closed', () => this.workers.delete(worker));
    return worker;
  }

  /** Every worker stops taking jobs now; resolves once their running jobs have finished. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.close()));
  }
}

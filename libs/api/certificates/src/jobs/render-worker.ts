import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { JobPayloads, JOBS, JobWorkers, QUEUES } from '@oris/api/platform';
import { Job, QueueOptions, UnrecoverableError, Worker } from 'bullmq';
import { CertificateRendering } from './certificate-rendering.service';
import { RENDER_WORKER_OPTIONS, type RenderWorkerOptions } from './render-worker.options';

/**
 * The BullMQ worker of the certificate queue: its own queue and concurrency, so renders never
 * hold emails back. Its jobs wait on I/O only (the PDF is drawn by `RenderThreadPool`), so the
 * lock renewal and the other queues on this thread never starve. Closes in `onModuleDestroy`
 * (running renders finish) before the render threads and the database do.
 */
@Injectable()
export class RenderWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RenderWorker.name);
  private worker?: Worker<JobPayloads[typeof JOBS.renderCertificate]>;

  constructor(
    @Inject(getSharedConfigToken()) private readonly queueOptions: QueueOptions,
    @Inject(RENDER_WORKER_OPTIONS) private readonly options: RenderWorkerOptions,
    private readonly rendering: CertificateRendering,
    private readonly workers: JobWorkers,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUES.certificates, (job) => this.process(job), {
      connection: this.queueOptions.connection,
      prefix: this.queueOptions.prefix,
      concurrency: this.options.concurrency,
    });
    this.workers.register(this.worker);
    this.worker.on('error', (error) => this.logger.warn(`Render worker: ${error.message}`));
    this.logger.log(
      `Render worker started (concurrency ${this.options.concurrency}, ${this.options.threads} render threads)`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.worker) return;
    this.logger.log('Render worker stopping: letting running renders finish');
    await this.worker.close();
  }

  private async process(job: Job<JobPayloads[typeof JOBS.renderCertificate]>): Promise<void> {
    if (job.name !== JOBS.renderCertificate) {
      throw new UnrecoverableError(`Unexpected job ${job.name} on the certificate queue`);
    }
    const { certificateId } = job.data;
    try {
      await this.rendering.render(certificateId);
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.rendering.recordFailure(certificateId, error, lastAttempt);
      throw error;
    }
  }
}

import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { JobPayloads, JobWorkerHost, JobWorkers, JOBS, QUEUES } from '@oris/api/platform';
import { Job, QueueOptions } from 'bullmq';
import { CertificateRendering } from './certificate-rendering.service';
import { RENDER_WORKER_OPTIONS, type RenderWorkerOptions } from './render-worker.options';

/**
 * The worker of the certificate queue (the platform's `JobWorkerHost`): its own queue and
 * concurrency, so renders never hold emails back. Its jobs wait on I/O only (the PDF is drawn by
 * `RenderThreadPool`), so the lock renewal and the other queues on this thread never starve.
 * Closes in `onModuleDestroy` (running renders finish) before the render threads and the database do.
 */
@Injectable()
export class RenderWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RenderWorker.name);
  private readonly host: JobWorkerHost<typeof JOBS.renderCertificate>;

  constructor(
    @Inject(getSharedConfigToken()) queueOptions: QueueOptions,
    @Inject(RENDER_WORKER_OPTIONS) private readonly options: RenderWorkerOptions,
    private readonly rendering: CertificateRendering,
    workers: JobWorkers,
  ) {
    this.host = new JobWorkerHost(queueOptions, {
      registry: workers,
      queue: QUEUES.certificates,
      job: JOBS.renderCertificate,
      label: 'Render worker',
      logger: this.logger,
      concurrency: options.concurrency,
      process: (job) => this.process(job),
    });
  }

  onApplicationBootstrap(): void {
    this.host.start();
    this.logger.log(
      `Render worker started (concurrency ${this.options.concurrency}, ${this.options.threads} render threads)`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.logger.log('Render worker stopping: letting running renders finish');
    await this.host.close();
  }

  private async process(job: Job<JobPayloads[typeof JOBS.renderCertificate]>): Promise<void> {
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

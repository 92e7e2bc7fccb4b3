import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
} from '@nestjs/common';
import { JobPayloads, JOBS, JobWorkers, QUEUES } from '@oris/api/platform';
import { Job, QueueOptions, UnrecoverableError, Worker } from 'bullmq';
import { describeError } from '../delivery-policy';
import { emailRetryDelay } from '../email-job';
import { EMAIL_WORKER_OPTIONS, type EmailWorkerOptions } from './email-worker.options';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { SendEmailProcessor } from './send-email.processor';

/**
 * Runs the BullMQ worker of the email queue. Built here rather than with `@Processor` because the
 * worker needs its own settings (the retry delays) and must stop before the database closes: it
 * closes in `onModuleDestroy`, letting running jobs finish, before TypeORM shuts down.
 */
@Injectable()
export class EmailWorker implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(EmailWorker.name);
  private worker?: Worker<JobPayloads[typeof JOBS.sendEmail]>;

  constructor(
    @Inject(getSharedConfigToken()) private readonly queueOptions: QueueOptions,
    @Inject(EMAIL_WORKER_OPTIONS) private readonly options: EmailWorkerOptions,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly processor: SendEmailProcessor,
    private readonly workers: JobWorkers,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUES.email, (job) => this.process(job), {
      connection: this.queueOptions.connection,
      prefix: this.queueOptions.prefix,
      concurrency: this.options.concurrency,
      settings: {
        backoffStrategy: (attemptsMade: number) =>
          emailRetryDelay(attemptsMade, this.options.retryBaseDelayMs),
      },
    });
    this.workers.register(this.worker);
    this.worker.on('error', (error) => this.logger.warn(`Email worker: ${describeError(error)}`));
    this.logger.log(`Email worker started: emails go to ${this.transport.destination}`);
  }

  /** Stops taking jobs and waits for the running ones, while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    if (!this.worker) return;
    this.logger.log('Email worker stopping: letting running jobs finish');
    await this.worker.close();
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  private async process(job: Job<JobPayloads[typeof JOBS.sendEmail]>): Promise<void> {
    if (job.name !== JOBS.sendEmail) {
      throw new UnrecoverableError(`Unexpected job ${job.name} on the email queue`);
    }
    return this.processor.process(job);
  }
}

import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
} from '@nestjs/common';
import { JobWorkerHost, JobWorkers, JOBS, QUEUES } from '@oris/api/platform';
import { QueueOptions } from 'bullmq';
import { describeError } from '../outbox/delivery-policy';
import { emailRetryDelay } from '../outbox/email-job';
import { EMAIL_WORKER_OPTIONS, type EmailWorkerOptions } from './email-worker.options';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { SendEmailProcessor } from './send-email.processor';

/**
 * Runs the email queue on the platform's `JobWorkerHost`, with the email retry delays. Closes in
 * `onModuleDestroy`, letting running jobs finish, before TypeORM shuts down; the transport after.
 */
@Injectable()
export class EmailWorker implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(EmailWorker.name);
  private readonly host: JobWorkerHost<typeof JOBS.sendEmail>;

  constructor(
    @Inject(getSharedConfigToken()) queueOptions: QueueOptions,
    @Inject(EMAIL_WORKER_OPTIONS) options: EmailWorkerOptions,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    processor: SendEmailProcessor,
    workers: JobWorkers,
  ) {
    this.host = new JobWorkerHost(queueOptions, {
      registry: workers,
      queue: QUEUES.email,
      job: JOBS.sendEmail,
      label: 'Email worker',
      logger: this.logger,
      concurrency: options.concurrency,
      worker: {
        settings: {
          backoffStrategy: (attemptsMade: number) =>
            emailRetryDelay(attemptsMade, options.retryBaseDelayMs),
        },
      },
      process: (job) => processor.process(job),
      describeError,
    });
  }

  onApplicationBootstrap(): void {
    this.host.start();
    this.logger.log(`Email worker started: emails go to ${this.transport.destination}`);
  }

  /** Stops taking jobs and waits for the running ones, while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    this.logger.log('Email worker stopping: letting running jobs finish');
    await this.host.close();
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

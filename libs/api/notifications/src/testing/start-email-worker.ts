import { getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import {
  AppConfig,
  ConfigModule,
  JobsModule,
  QUEUES,
  redisOptions,
  type PeriodicSweep,
} from '@oris/api/platform';
import { Queue } from 'bullmq';
import type { EmailWorkerOptions } from '../jobs/email-worker.options';
import { NotificationsWorkerModule } from '../jobs/notifications-worker.module';
import { OutboxSweeper } from '../jobs/outbox-sweeper';

/** Short delays, so retries and sweeps happen within a test. */
export const TEST_EMAIL_WORKER_OPTIONS: Partial<EmailWorkerOptions> = {
  retryBaseDelayMs: 20,
  roundDelayMs: 200,
  sweepIntervalMs: 100,
  staleAfterMs: 60_000,
};

export interface EmailWorkerHandle {
  app: INestApplicationContext;
  /** The email queue, under the config's QUEUE_PREFIX. */
  queue: Queue;
  sweeper: PeriodicSweep;
  /** Stops the worker the way SIGTERM does (running jobs finish), then empties its queue in Redis. */
  close(): Promise<void>;
}

@Module({})
class EmailWorkerTestModule {
  static forRoot(config: AppConfig, options: Partial<EmailWorkerOptions>): DynamicModule {
    return {
      module: EmailWorkerTestModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-worker-test'),
        JobsModule.forRoot(),
        NotificationsWorkerModule.forRoot({ ...TEST_EMAIL_WORKER_OPTIONS, ...options }),
      ],
    };
  }
}

/**
 * Boots the worker's email processing in the test process: the same modules as the worker app,
 * against the config's database, Redis and SMTP. Give each test file its own `QUEUE_PREFIX` so
 * that parallel files never take each other's jobs.
 */
export async function startEmailWorker(
  config: AppConfig,
  options: Partial<EmailWorkerOptions> = {},
): Promise<EmailWorkerHandle> {
  const app = await NestFactory.createApplicationContext(
    EmailWorkerTestModule.forRoot(config, options),
    {
      logger: config.LOG_LEVEL === 'silent' ? false : ['error', 'warn', 'log'],
      abortOnError: false,
    },
  );
  const queue = app.get<Queue>(getQueueToken(QUEUES.email), { strict: false });
  let closed = false;
  return {
    app,
    queue,
    sweeper: app.get(OutboxSweeper, { strict: false }),
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      const leftovers = new Queue(QUEUES.email, {
        connection: redisOptions(config),
        prefix: config.QUEUE_PREFIX,
      });
      await leftovers.obliterate({ force: true }).catch(() => undefined);
      await leftovers.close();
    },
  };
}

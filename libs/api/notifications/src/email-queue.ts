import { getQueueToken, getSharedConfigToken } from '@nestjs/bullmq';
import { Logger, type Provider } from '@nestjs/common';
import { AppConfig, QUEUES, redisOptions } from '@oris/api/platform';
import { Queue, type QueueOptions } from 'bullmq';
import { describeError } from './delivery-policy';

const WARN_EVERY_MS = 60_000;

/**
 * The email queue as producers see it. Enqueueing runs next to requests, so its connection fails
 * fast while Redis is down (no offline queue) and the outbox's sweeper catches up later. Built here
 * rather than by `BullModule.registerQueue` so that its error listener exists before it connects:
 * BullMQ writes errors nobody listens to on the console.
 */
export const emailQueueProvider: Provider = {
  provide: getQueueToken(QUEUES.email),
  inject: [AppConfig, getSharedConfigToken()],
  useFactory: (config: AppConfig, shared: QueueOptions) => {
    const queue = new Queue(QUEUES.email, {
      prefix: shared.prefix,
      connection: { ...redisOptions(config), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    });
    const logger = new Logger('EmailQueue');
    let lastWarningAt = 0;
    queue.on('error', (error) => {
      if (Date.now() - lastWarningAt < WARN_EVERY_MS) return;
      lastWarningAt = Date.now();
      logger.warn(`Email queue: ${describeError(error)}`);
    });
    return Object.assign(queue, { onApplicationShutdown: () => queue.close() });
  },
};

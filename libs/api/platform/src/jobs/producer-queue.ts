import { getQueueToken, getSharedConfigToken } from '@nestjs/bullmq';
import { Logger, type Provider } from '@nestjs/common';
import { Queue, type ConnectionOptions, type QueueOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import type { QueueName } from './job-registry';
import { redisOptions } from './redis-connection';
import { errorText, ThrottledWarning } from './throttled-warning';

export interface OpenQueueOptions {
  connection: ConnectionOptions;
  prefix?: string;
  /** Names the queue in the logs ("Email queue"). */
  label: string;
  /** How an error reads in the log; its message by default. */
  describeError?: (error: unknown) => string;
}

/**
 * A queue to add jobs to, with its error listener attached before it connects (BullMQ writes
 * errors nobody listens to on the console), warning once a minute at most while Redis is down.
 * `close()` it with its owner.
 */
export function openQueue<Payload>(
  name: QueueName,
  options: OpenQueueOptions,
): Queue<Payload, void, string> {
  const queue = new Queue<Payload, void, string>(name, {
    connection: options.connection,
    prefix: options.prefix,
  });
  const warning = new ThrottledWarning(new Logger(options.label.replace(/ /g, '')));
  const describe = options.describeError ?? errorText;
  queue.on('error', (error) => warning.warn(`${options.label}: ${describe(error)}`));
  return queue;
}

/**
 * The Nest provider of a queue as producers see it (`@InjectQueue(name)`): the way features
 * enqueue jobs from the API (or from a job of the worker). Enqueueing runs next to requests, so
 * its connection fails fast while Redis is down (no offline queue): the work stays in its outbox
 * for the worker's sweep. Closed at application shutdown. Needs `JobsModule` (the prefix).
 */
export function producerQueueProvider(
  name: QueueName,
  label: string,
  describeError?: (error: unknown) => string,
): Provider {
  return {
    provide: getQueueToken(name),
    inject: [AppConfig, getSharedConfigToken()],
    useFactory: (config: AppConfig, shared: QueueOptions) => {
      const queue = openQueue(name, {
        prefix: shared.prefix,
        connection: { ...redisOptions(config), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
        label,
        describeError,
      });
      return Object.assign(queue, { onApplicationShutdown: () => queue.close() });
    },
  };
}

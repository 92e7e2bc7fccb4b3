import fs from 'node:fs';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AnnouncementsWorkerModule } from '@oris/api/announcements';
import { DatabaseModule } from '@oris/api/database';
import { AppConfig, ConfigModule, JobsModule, QUEUES, redisOptions } from '@oris/api/platform';
import { Queue } from 'bullmq';

@Module({})
class AnnouncementWorkerTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AnnouncementWorkerTestModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-worker-test'),
        JobsModule.forRoot(),
        AnnouncementsWorkerModule.forRoot({ sweepIntervalMs: 200 }),
      ],
    };
  }
}

/** The worker's announcement fan-out as deployed (queue worker and sweeper), in this process. */
export const startAnnouncementWorker = (config: AppConfig): Promise<INestApplicationContext> =>
  NestFactory.createApplicationContext(AnnouncementWorkerTestModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });

/**
 * The API's log lines from now on: its pino logger writes them synchronously in tests
 * (`fs.writeSync` on fd 1), and Nest's logger goes through it. They are kept, not printed.
 */
export function captureLogLines(): { text: () => string; stop: () => void } {
  const chunks: string[] = [];
  const original = fs.writeSync;
  const spy = jest.spyOn(fs, 'writeSync').mockImplementation(((
    fd: number,
    buffer: string | NodeJS.ArrayBufferView,
    ...rest: unknown[]
  ) => {
    const text = typeof buffer === 'string' ? buffer : Buffer.from(buffer as Uint8Array).toString();
    if (fd === 1 && text.startsWith('{')) {
      chunks.push(text);
      return Buffer.byteLength(text);
    }
    return (original as (...args: unknown[]) => number)(fd, buffer, ...rest);
  }) as typeof fs.writeSync);
  return { text: () => chunks.join(''), stop: () => spy.mockRestore() };
}

/** Empties the announcement queue of a test's prefix in Redis. */
export async function obliterateAnnouncementQueue(config: AppConfig): Promise<void> {
  const queue = new Queue(QUEUES.announcements, {
    connection: redisOptions(config),
    prefix: config.QUEUE_PREFIX,
  });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
}

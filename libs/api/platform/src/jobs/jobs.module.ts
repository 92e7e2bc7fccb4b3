import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobWorkers } from './job-workers';
import { redisOptions } from './redis-connection';

/** The BullMQ connection for every queue of the process, and the registry of its workers. */
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: { ...redisOptions(config), maxRetriesPerRequest: null },
            prefix: config.QUEUE_PREFIX,
          }),
        }),
      ],
      providers: [JobWorkers],
      exports: [BullModule, JobWorkers],
    };
  }
}

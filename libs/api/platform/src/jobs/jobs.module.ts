import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { redisOptions } from './redis-connection';

/** The BullMQ connection for every queue of the process. */
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: { ...redisOptions(config), maxRetriesPerRequest: null },
            prefix: config.QUEUE_PREFIX,
          }),
        }),
      ],
      exports: [BullModule],
    };
  }
}

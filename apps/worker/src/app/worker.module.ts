import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@oris/api/database';
import { AppConfig, ConfigModule, JobsModule, loadConfig, LoggingModule } from '@oris/api/platform';
import { NotificationsWorkerModule } from '@oris/api/notifications';

/** The job process: composes the feature libs' worker modules; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        DatabaseModule.forRoot('oris-worker'),
        JobsModule.forRoot(),
        NotificationsWorkerModule.forRoot(),
      ],
    };
  }
}

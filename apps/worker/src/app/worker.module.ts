import { DynamicModule, Module } from '@nestjs/common';
import { AnnouncementsWorkerModule } from '@oris/api/announcements';
import { CertificatesWorkerModule } from '@oris/api/certificates';
import { DatabaseModule } from '@oris/api/database';
import { EnrollmentsWorkerModule } from '@oris/api/enrollments';
import { FollowupsWorkerModule } from '@oris/api/followups';
import { RetentionWorkerModule } from '@oris/api/identity';
import { IndicatorsWorkerModule } from '@oris/api/indicators';
import { NotificationsWorkerModule } from '@oris/api/notifications';
import { SerialsWorkerModule } from '@oris/api/publications';
import { PartnershipsWorkerModule } from '@oris/api/partnerships';
import {
  AppConfig,
  ConfigModule,
  JobsModule,
  loadConfig,
  LoggingModule,
  StorageModule,
  StorageSweepModule,
} from '@oris/api/platform';

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
        StorageModule,
        StorageSweepModule,
        NotificationsWorkerModule.forRoot(),
        AnnouncementsWorkerModule.forRoot(),
        CertificatesWorkerModule.forRoot(),
        FollowupsWorkerModule.forRoot(),
        IndicatorsWorkerModule.forRoot(),
        RetentionWorkerModule,
        EnrollmentsWorkerModule,
        SerialsWorkerModule,
        PartnershipsWorkerModule,
      ],
    };
  }
}

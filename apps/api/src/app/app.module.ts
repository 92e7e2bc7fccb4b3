import { DynamicModule, Module } from '@nestjs/common';
import { ActivitiesModule } from '@oris/api/activities';
import { CatalogueModule } from '@oris/api/catalogue';
import { CertificatesModule } from '@oris/api/certificates';
import { DatabaseModule } from '@oris/api/database';
import { EnrollmentsModule } from '@oris/api/enrollments';
import { FollowupsModule } from '@oris/api/followups';
import { IdentityModule } from '@oris/api/identity';
import { IndicatorsModule } from '@oris/api/indicators';
import { NotificationsModule } from '@oris/api/notifications';
import { PlacementsModule } from '@oris/api/placements';
import {
  AppConfig,
  ConfigModule,
  HealthModule,
  JobsModule,
  loadConfig,
  LoggingModule,
  StorageModule,
} from '@oris/api/platform';
import { RegionsModule } from '@oris/api/regions';
import type { Logger } from 'pino';
import { AdminOverviewModule } from './overview/admin-overview.module';

/** The HTTP process: composes the feature modules; rules live in the libs. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig = loadConfig(), logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot('oris-api'),
        JobsModule.forRoot(),
        StorageModule,
        HealthModule,
        RegionsModule,
        NotificationsModule,
        IdentityModule,
        CatalogueModule,
        EnrollmentsModule,
        ActivitiesModule,
        CertificatesModule,
        PlacementsModule,
        FollowupsModule,
        IndicatorsModule,
        AdminOverviewModule,
      ],
    };
  }
}

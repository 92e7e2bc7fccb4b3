import { DynamicModule, Module } from '@nestjs/common';
import { ActivitiesModule } from '@oris/api/activities';
import { AnnouncementsModule } from '@oris/api/announcements';
import { CatalogueModule } from '@oris/api/catalogue';
import { CertificatesModule } from '@oris/api/certificates';
import { DatabaseModule } from '@oris/api/database';
import { EnrollmentsModule } from '@oris/api/enrollments';
import { FollowupsModule } from '@oris/api/followups';
import { IdentityModule } from '@oris/api/identity';
import { ImpactModule, IndicatorsModule } from '@oris/api/indicators';
import { KnowledgeToolsIndicator, KnowledgeToolsModule } from '@oris/api/knowledge-tools';
import { NotificationCentreModule, NotificationsModule } from '@oris/api/notifications';
import { MaterialModule } from '@oris/api/material';
import { PartnershipsIndicator, PartnershipsModule } from '@oris/api/partnerships';
import { PlacementsModule } from '@oris/api/placements';
import { PracticesModule } from '@oris/api/practices';
import { PublicationsIndicator, PublicationsModule } from '@oris/api/publications';
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
import { SearchModule } from '@oris/api/search';
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
        NotificationCentreModule,
        IdentityModule,
        CatalogueModule,
        EnrollmentsModule,
        ActivitiesModule,
        AnnouncementsModule,
        MaterialModule,
        CertificatesModule,
        PlacementsModule,
        FollowupsModule,
        IndicatorsModule,
        PublicationsModule,
        KnowledgeToolsModule,
        PartnershipsModule,
        PracticesModule,
        SearchModule,
        // The impact page and the frozen reports read the three registries' year indicators.
        ImpactModule.register({
          imports: [PublicationsModule, KnowledgeToolsModule, PartnershipsModule],
          sources: [PublicationsIndicator, KnowledgeToolsIndicator, PartnershipsIndicator],
        }),
        AdminOverviewModule,
      ],
    };
  }
}

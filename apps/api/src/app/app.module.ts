import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@oris/api/database';
import {
  AppConfig,
  ConfigModule,
  HealthModule,
  JobsModule,
  loadConfig,
  LoggingModule,
} from '@oris/api/platform';
import { RegionsModule } from '@oris/api/regions';

/** The HTTP process: composes the feature modules; rules live in the libs. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot('oris-api'),
        JobsModule.forRoot(),
        HealthModule,
        RegionsModule,
      ],
    };
  }
}

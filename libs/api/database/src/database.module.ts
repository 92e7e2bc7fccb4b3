import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@oris/api/platform';
import { databaseOptions } from './database.options';

/** The TypeORM connection of a process; feature modules register their entities themselves. */
@Module({})
export class DatabaseModule {
  static forRoot(appName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...databaseOptions(config, appName),
            autoLoadEntities: true,
            // Keep retrying while PostgreSQL restarts instead of failing the boot at once.
            retryAttempts: 30,
            retryDelay: 2_000,
          }),
        }),
      ],
    };
  }
}

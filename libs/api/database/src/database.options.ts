import type { AppConfig } from '@oris/api/platform';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * Connection options shared by the API, the worker, the CLI and the tests. Migrations are an
 * explicit list because globs do not survive the webpack bundle; the schema never syncs itself.
 */
export function databaseOptions(
  config: Pick<AppConfig, 'DATABASE_URL'>,
  appName = 'oris',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    applicationName: appName,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
  };
}

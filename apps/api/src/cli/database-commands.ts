import { databaseOptions } from '@oris/api/database';
import type { AppConfig } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { reindexSearch } from './search-reindex-command';

async function withDataSource<T>(
  config: AppConfig,
  run: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource({
    ...databaseOptions(config, 'oris-cli'),
    logging: ['error', 'migration'],
  });
  await dataSource.initialize();
  try {
    return await run(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function migrate(config: AppConfig): Promise<string> {
  const applied = await withDataSource(config, (dataSource) =>
    dataSource.runMigrations({ transaction: 'each' }),
  );
  return applied.length === 0
    ? 'Database is up to date.'
    : `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`;
}

export async function revert(config: AppConfig): Promise<string> {
  await withDataSource(config, (dataSource) =>
    dataSource.undoLastMigration({ transaction: 'each' }),
  );
  return 'Reverted the last migration.';
}

/** Rebuilds the observatory's search index from the registries (`search:reindex`). */
export async function searchReindex(config: AppConfig): Promise<string> {
  const lines = await withDataSource(config, reindexSearch);
  return lines.join('\n');
}

import 'reflect-metadata';
import { CommandInputError } from '@oris/api/identity';
import {
  InvalidConfigError,
  loadCodeDescriptionConfig,
  loadConfig,
  loadEnvFile,
} from '@oris/api/platform';
import { migrate, revert, searchReindex } from './cli/database-commands';
import { generateMigration } from './cli/generate-migration-command';
import { seedDemo } from './cli/demo-seed-command';
import { createAdmin } from './cli/identity-commands';
import { writeOpenApi } from './cli/openapi-command';

const USAGE = `Usage: cli <command>
  migrate                                  apply pending migrations
  revert                                   undo the last migration
  migration:generate <Intent>              write a migration from the entity changes (dev)
  openapi <file>                           write the OpenAPI document
  seed:demo                                load the demo data (not in production)
  search:reindex                           rebuild the search index from the registries
  admin:create --email E (--password P | --password-stdin) [--name N] [--promote]
                                           create an administrator; --promote makes an
                                           existing account one (its password unchanged)`;

async function main(argv: string[]): Promise<string> {
  const [command, ...args] = argv;
  loadEnvFile();
  const describesCode = command === 'openapi' || command === 'migration:generate';
  const config = describesCode ? loadCodeDescriptionConfig() : loadConfig();
  switch (command) {
    case 'migrate':
      return migrate(config);
    case 'revert':
      return revert(config);
    case 'migration:generate':
      return generateMigration(config, args[0] ?? '');
    case 'seed:demo':
      return seedDemo(config);
    case 'search:reindex':
      return searchReindex(config);
    case 'admin:create':
      return createAdmin(config, args);
    case 'openapi':
      return writeOpenApi(config, args[0] ?? 'apps/api/openapi.json');
    default:
      throw new UsageError(USAGE);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (message) => {
    process.stdout.write(`${message}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    const known =
      error instanceof InvalidConfigError ||
      error instanceof UsageError ||
      error instanceof CommandInputError;
    process.stderr.write(
      `${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
    );
    process.exit(known && error instanceof UsageError ? 64 : 1);
  },
);

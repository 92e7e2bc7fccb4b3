import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseOptions } from '@oris/api/database';
import type { AppConfig } from '@oris/api/platform';
import { DataSource } from 'typeorm';

const MIGRATIONS_DIR = 'libs/api/database/src/migrations';
// Development only (run from sources): globs cannot reach entities inside the webpack bundle.
const ENTITY_GLOB = 'libs/api/*/src/**/*.entity.ts';

const indent = (queries: { query: string; parameters?: unknown[] }[]) =>
  queries
    .map(({ query, parameters }) => {
      const args = parameters?.length ? `, ${JSON.stringify(parameters)}` : '';
      return `    await queryRunner.query(\`${query.replace(/`/g, '\\`')}\`${args});`;
    })
    .join('\n');

/**
 * Compares the entities with the database and writes the difference as a new migration to
 * review, like `typeorm migration:generate`, but resolving the workspace's path aliases.
 */
export async function generateMigration(config: AppConfig, intent: string): Promise<string> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(intent)) {
    throw new Error('Name the migration by its intent in PascalCase, e.g. CreateCourses');
  }
  const dataSource = new DataSource({
    ...databaseOptions(config, 'oris-cli'),
    entities: [ENTITY_GLOB],
  });
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return 'No changes: the database matches the entities.';
    const timestamp = Date.now();
    const className = `${intent}${timestamp}`;
    const file = join(MIGRATIONS_DIR, `${timestamp}-${intent}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${indent(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${indent(sql.downQueries.reverse())}
  }
}
`,
    );
    return `Wrote ${file}: review it, then add ${className} to ${MIGRATIONS_DIR}/index.ts.`;
  } finally {
    await dataSource.destroy();
  }
}

import { databaseOptions, MIGRATIONS } from '@oris/api/database';
import { createTestDatabase, type TestDatabase } from '@oris/api/database/testing';
import { DataSource } from 'typeorm';

/**
 * Every object the migrations own in the public schema, described by PostgreSQL itself, sorted so
 * two dumps compare line by line. Extension members (pg_trgm, pgcrypto) are left out: a migration
 * installs them but never removes them, by design.
 */
const SCHEMA_DUMP_QUERIES = {
  columns: `
    SELECT table_name || '.' || column_name || ' ' || data_type
           || coalesce('(' || character_maximum_length || ')', '')
           || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
           || coalesce(' DEFAULT ' || column_default, '')
           || coalesce(' GENERATED ' || generation_expression, '') AS item
      FROM information_schema.columns
     WHERE table_schema = 'public'`,
  constraints: `
    SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS item
      FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace`,
  indexes: `
    SELECT indexdef AS item FROM pg_indexes WHERE schemaname = 'public'`,
  triggers: `
    SELECT pg_get_triggerdef(oid) || ' ' || tgenabled::text AS item
      FROM pg_trigger
     WHERE NOT tgisinternal`,
  functions: `
    SELECT pg_get_functiondef(p.oid) AS item
      FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                          AND d.deptype = 'e')`,
  views: `
    SELECT viewname || ': ' || definition AS item FROM pg_views WHERE schemaname = 'public'`,
  relations: `
    SELECT c.relname || ' ' || c.relkind::text AS item
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype = 'e')`,
  types: `
    SELECT t.typname || ' ' || t.typtype::text AS item
      FROM pg_type t
     WHERE t.typnamespace = 'public'::regnamespace
       AND t.typtype IN ('e', 'd')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                          AND d.deptype = 'e')`,
} as const;

type SchemaDump = Record<keyof typeof SCHEMA_DUMP_QUERIES, string[]>;

async function dumpSchema(dataSource: DataSource): Promise<SchemaDump> {
  const dump = {} as SchemaDump;
  for (const [part, sql] of Object.entries(SCHEMA_DUMP_QUERIES)) {
    const rows: { item: string }[] = await dataSource.query(sql);
    dump[part as keyof SchemaDump] = rows.map((row) => row.item).sort();
  }
  return dump;
}

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(databaseOptions({ DATABASE_URL: database.url }, 'oris-test'));
    await dataSource.initialize();
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reverts every migration and rebuilds the very same schema', async () => {
    const migrated = await dumpSchema(dataSource);
    // Guards the dump itself: an empty or partial dump would make the comparison below vacuous.
    expect(migrated.columns.length).toBeGreaterThan(100);
    expect(migrated.triggers.length).toBeGreaterThan(0);
    expect(migrated.functions.length).toBeGreaterThan(0);

    for (let undone = 0; undone < MIGRATIONS.length; undone++) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    // Only TypeORM's own bookkeeping table may outlive a full revert.
    expect(await dumpSchema(dataSource)).toEqual({
      columns: [
        "schema_migrations.id integer NOT NULL DEFAULT nextval('schema_migrations_id_seq'::regclass)",
        'schema_migrations.name character varying NOT NULL',
        'schema_migrations.timestamp bigint NOT NULL',
      ],
      constraints: [expect.stringMatching(/^schema_migrations \w+ PRIMARY KEY \(id\)$/)],
      indexes: [expect.stringMatching(/ON public\.schema_migrations USING btree \(id\)$/)],
      triggers: [],
      functions: [],
      views: [],
      relations: [
        expect.stringMatching(/^\w+ i$/),
        'schema_migrations r',
        'schema_migrations_id_seq S',
      ],
      types: [],
    });

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dumpSchema(dataSource)).toEqual(migrated);
  }, 120_000);
});

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which indexes count, as known at any instant (OBSERVATORY.md: "An admin may change which
 * count"; a past report asked with `knownAt` must see the setting of then). Each change of
 * `observatory_index.counts` appends a row to `observatory_index_change`; the default setting is
 * recorded once, dated at the epoch (it held "from the start").
 * `oris_counting_indexes_known_at(K)` answers the codes that counted as known at K.
 *
 * Also the sent-marker of the yearly evidence check: one row per (serial, year) whose reminder
 * was written to the email outbox, in the same transaction, so a rerun never sends twice.
 */
export class ObservatoryIndexHistory1796543200000 implements MigrationInterface {
  name = 'ObservatoryIndexHistory1796543200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE observatory_index_change (
        id uuid CONSTRAINT observatory_index_change_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        index_code varchar(32) NOT NULL CONSTRAINT observatory_index_change_index_fkey REFERENCES observatory_index (code),
        counts boolean NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        changed_by uuid CONSTRAINT observatory_index_change_changed_by_fkey REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX observatory_index_change_code_idx ON observatory_index_change (index_code, changed_at)`,
    );
    await queryRunner.query(`
      INSERT INTO observatory_index_change (index_code, counts, changed_at)
      SELECT code, counts, timestamptz '1970-01-01 00:00:00+00' FROM observatory_index`);
    await queryRunner.query(`
      CREATE FUNCTION oris_counting_indexes_known_at(known_at timestamptz)
      RETURNS SETOF varchar LANGUAGE sql STABLE AS $$
        SELECT latest.index_code FROM (
          SELECT DISTINCT ON (c.index_code) c.index_code, c.counts
            FROM observatory_index_change c
           WHERE c.changed_at <= known_at
           ORDER BY c.index_code, c.changed_at DESC, c.id DESC
        ) latest
        WHERE latest.counts
      $$`);

    await queryRunner.query(`
      CREATE TABLE serial_evidence_reminder (
        serial_id uuid NOT NULL CONSTRAINT serial_evidence_reminder_serial_fkey REFERENCES serial (id) ON DELETE CASCADE,
        year smallint NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT serial_evidence_reminder_pkey PRIMARY KEY (serial_id, year)
      )`);
    await queryRunner.query(
      `CREATE INDEX serial_title_search_idx ON serial USING gin (oris_search_normalize(title) gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX serial_title_search_idx`);
    await queryRunner.query(`DROP TABLE serial_evidence_reminder`);
    await queryRunner.query(`DROP FUNCTION oris_counting_indexes_known_at(timestamptz)`);
    await queryRunner.query(`DROP TABLE observatory_index_change`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent becomes an append-only history (law 09-08): each record says how it was collected
 * (`method`), whether it covers post-training follow-up (`followup_tracking`: a withdrawal is a
 * record with false), and, when staff recorded it on the person's behalf, who (`recorded_by`).
 * `seq` orders records written in the same instant. A trigger refuses every change but the two
 * the platform makes: the retention sweep erasing the IP, and a staff account's deletion.
 * `users.followup_withdrawn_at` mirrors the latest record, so the follow-up pass can skip people
 * in its claim without reading the history.
 */
export class ConsentHistory1796541000000 implements MigrationInterface {
  name = 'ConsentHistory1796541000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE consent
        ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY,
        ADD COLUMN method varchar(20) NOT NULL DEFAULT 'registration',
        ADD COLUMN followup_tracking boolean NOT NULL DEFAULT true,
        ADD COLUMN recorded_by uuid NULL,
        ADD CONSTRAINT consent_seq_key UNIQUE (seq),
        ADD CONSTRAINT consent_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT consent_method_check CHECK (method IN ('registration', 'staff_recorded', 'sign_in_prompt', 'profile', 'command'))`);
    // Consents written by command (the demo seed) carry no address.
    await queryRunner.query(`UPDATE consent SET method = 'command' WHERE ip IS NULL`);
    await queryRunner.query(`ALTER TABLE consent ALTER COLUMN method DROP DEFAULT`);
    await queryRunner.query(
      `CREATE INDEX consent_user_latest_idx ON consent (user_id, given_at DESC, seq DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION consent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id <> OLD.id OR NEW.user_id <> OLD.user_id OR NEW.purpose <> OLD.purpose
           OR NEW.notice_version <> OLD.notice_version OR NEW.given_at <> OLD.given_at
           OR NEW.method <> OLD.method OR NEW.followup_tracking <> OLD.followup_tracking
           OR NEW.seq <> OLD.seq
           OR (NEW.ip IS DISTINCT FROM OLD.ip AND NEW.ip IS NOT NULL)
           OR (NEW.recorded_by IS DISTINCT FROM OLD.recorded_by AND NEW.recorded_by IS NOT NULL) THEN
          RAISE EXCEPTION 'consent records are append-only' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER consent_append_only BEFORE UPDATE ON consent
        FOR EACH ROW EXECUTE FUNCTION consent_append_only()`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN followup_withdrawn_at timestamptz NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN followup_withdrawn_at`);
    await queryRunner.query(`DROP TRIGGER consent_append_only ON consent`);
    await queryRunner.query(`DROP FUNCTION consent_append_only()`);
    // Withdrawals and later records cannot be expressed in the old table: keep the first record
    // of each person (what registration wrote), as before.
    await queryRunner.query(`
      DELETE FROM consent c WHERE EXISTS (
        SELECT 1 FROM consent earlier WHERE earlier.user_id = c.user_id AND earlier.seq < c.seq)`);
    await queryRunner.query(`DROP INDEX consent_user_latest_idx`);
    await queryRunner.query(`
      ALTER TABLE consent
        DROP CONSTRAINT consent_method_check,
        DROP COLUMN recorded_by,
        DROP COLUMN followup_tracking,
        DROP COLUMN method,
        DROP COLUMN seq`);
  }
}

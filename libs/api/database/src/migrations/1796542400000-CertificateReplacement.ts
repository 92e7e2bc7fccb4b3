import { MigrationInterface, QueryRunner } from 'typeorm';

const REASONS = `'issued_in_error', 'completion_withdrawn', 'duplicate', 'fraud', 'other'`;

/**
 * A certificate can be re-issued after a correction: the old one is revoked with the reason
 * `replaced` and points to its successor (`replaced_by_id`), the new one has its own serial and
 * code. An enrollment may so have several certificates, but only one that is not replaced: the
 * unique key becomes a partial unique index. The reference to the successor is checked at commit,
 * so the old row can name the new one before it is inserted (both in one transaction).
 */
export class CertificateReplacement1796542400000 implements MigrationInterface {
  name = 'CertificateReplacement1796542400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE certificate
        ADD COLUMN replaced_by_id uuid,
        ADD CONSTRAINT certificate_replaced_by_id_fkey FOREIGN KEY (replaced_by_id)
          REFERENCES certificate (id) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
        DROP CONSTRAINT certificate_revoked_reason_check,
        ADD CONSTRAINT certificate_revoked_reason_check
          CHECK (revoked_reason IN (${REASONS}, 'replaced')),
        ADD CONSTRAINT certificate_replaced_check
          CHECK ((replaced_by_id IS NOT NULL) = (revoked_reason IS NOT DISTINCT FROM 'replaced')),
        DROP CONSTRAINT certificate_enrollment_id_key`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX certificate_enrollment_id_key ON certificate (enrollment_id)
       WHERE replaced_by_id IS NULL`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX certificate_replaced_by_id_key ON certificate (replaced_by_id)
       WHERE replaced_by_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Going back would leave two certificates for one enrollment: refuse rather than delete any.
    const [{ replaced }]: { replaced: number }[] = await queryRunner.query(
      `SELECT count(*)::int AS replaced FROM certificate WHERE replaced_by_id IS NOT NULL`,
    );
    if (replaced > 0) {
      throw new Error(
        `${replaced} certificate(s) were replaced by a re-issue; the migration cannot be reverted.`,
      );
    }
    await queryRunner.query(`DROP INDEX certificate_replaced_by_id_key`);
    await queryRunner.query(`DROP INDEX certificate_enrollment_id_key`);
    await queryRunner.query(`
      ALTER TABLE certificate
        ADD CONSTRAINT certificate_enrollment_id_key UNIQUE (enrollment_id),
        DROP CONSTRAINT certificate_replaced_check,
        DROP CONSTRAINT certificate_revoked_reason_check,
        ADD CONSTRAINT certificate_revoked_reason_check CHECK (revoked_reason IN (${REASONS})),
        DROP CONSTRAINT certificate_replaced_by_id_fkey,
        DROP COLUMN replaced_by_id`);
  }
}

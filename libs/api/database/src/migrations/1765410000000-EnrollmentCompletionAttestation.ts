import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who attested a completion the platform's records do not show, and when: an administrator
 * recording a past cohort's completion (libs/api/enrollments, `decideCompletion`). Existing rows
 * stay null: until now a completion the rule refused could only come from the CSV import, which
 * did not say so, and nothing tells those rows apart.
 */
export class EnrollmentCompletionAttestation1765410000000 implements MigrationInterface {
  name = 'EnrollmentCompletionAttestation1765410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE enrollment
        ADD COLUMN completion_attested_by uuid
          CONSTRAINT enrollment_completion_attested_by_fkey REFERENCES users (id) ON DELETE RESTRICT,
        ADD COLUMN completion_attested_at timestamptz,
        ADD CONSTRAINT enrollment_completion_attested_check CHECK (
          (completion_attested_by IS NULL) = (completion_attested_at IS NULL)
          AND (completion_attested_at IS NULL OR status = 'completed'))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE enrollment
        DROP CONSTRAINT enrollment_completion_attested_check,
        DROP COLUMN completion_attested_at,
        DROP COLUMN completion_attested_by
    `);
  }
}

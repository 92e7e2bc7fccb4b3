import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers of requests sent with an `Idempotency-Key` (platform `@Idempotent()`), one per person
 * and key, kept 24 hours. The primary key decides the race between duplicates of one request.
 * No foreign key to users: the platform sits below identity, and records expire anyway.
 */
export class CreateIdempotencyRecords1764800000000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        user_id uuid NOT NULL,
        key varchar(255) NOT NULL,
        method varchar(10) NOT NULL,
        path varchar(2000) NOT NULL,
        request_hash char(64) NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'in_flight',
        response_status smallint,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT idempotency_record_pkey PRIMARY KEY (user_id, key),
        CONSTRAINT idempotency_record_state_check CHECK (state IN ('in_flight', 'completed')),
        CONSTRAINT idempotency_record_response_check CHECK ((state = 'completed') = (response_status IS NOT NULL))
      )`);
    // Expired records are purged by age.
    await queryRunner.query(
      `CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_record`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trainee's request that staff correct their situation (law 09-08 rectification): a message,
 * optionally about one of their own situations (the composite key makes "someone else's
 * situation" impossible), open until an officer resolves it with an answer.
 */
export class RectificationRequests1796541060000 implements MigrationInterface {
  name = 'RectificationRequests1796541060000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rectification_request (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        placement_id uuid NULL,
        message text NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz NULL,
        resolved_by uuid NULL,
        answer text NULL,
        CONSTRAINT rectification_request_pkey PRIMARY KEY (id),
        CONSTRAINT rectification_request_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT rectification_request_placement_fkey FOREIGN KEY (placement_id, user_id) REFERENCES placement (id, user_id) ON DELETE RESTRICT,
        CONSTRAINT rectification_request_resolved_by_fkey FOREIGN KEY (resolved_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT rectification_request_status_check CHECK (status IN ('open', 'resolved')),
        CONSTRAINT rectification_request_message_check CHECK (char_length(message) BETWEEN 1 AND 2000),
        CONSTRAINT rectification_request_resolution_check CHECK (
          (status = 'open' AND resolved_at IS NULL AND resolved_by IS NULL AND answer IS NULL)
          OR (status = 'resolved' AND resolved_at IS NOT NULL AND resolved_by IS NOT NULL AND answer IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX rectification_request_user_idx ON rectification_request (user_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX rectification_request_status_idx ON rectification_request (status, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rectification_request`);
  }
}

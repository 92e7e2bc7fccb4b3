import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration proves the email address: `users.email_confirmed_at` records when it was proven
 * (an emailed link, or a password set through an emailed reset link), and
 * `email_confirmation_token` holds the hashes of the single-use links sent. Accounts that exist
 * already are marked confirmed: they were created before the rule and have been using the address.
 */
export class EmailConfirmation1796541600000 implements MigrationInterface {
  name = 'EmailConfirmation1796541600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN email_confirmed_at timestamptz NULL`);
    await queryRunner.query(`UPDATE users SET email_confirmed_at = created_at`);
    await queryRunner.query(`
      CREATE TABLE email_confirmation_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_hash varchar(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_confirmation_token_pkey PRIMARY KEY (id),
        CONSTRAINT email_confirmation_token_token_hash_key UNIQUE (token_hash),
        CONSTRAINT email_confirmation_token_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX email_confirmation_token_user_id_idx ON email_confirmation_token (user_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE email_confirmation_token`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN email_confirmed_at`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, roles, consent, sessions, reset links and the audit trail (libs/api/identity).
 * Emails are stored lower-case (checked), so the plain unique index is case-insensitive.
 */
export class CreateIdentity1764150000000 implements MigrationInterface {
  name = 'CreateIdentity1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash varchar(255) NOT NULL,
        full_name varchar(120) NOT NULL,
        full_name_ar varchar(120),
        gender varchar(6),
        birth_year smallint,
        region_code varchar(5),
        locale varchar(2) NOT NULL DEFAULT 'fr',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        CONSTRAINT users_pkey PRIMARY KEY (id),
        CONSTRAINT users_email_key UNIQUE (email),
        CONSTRAINT users_email_lower_check CHECK (email = lower(email)),
        CONSTRAINT users_gender_check CHECK (gender IN ('female', 'male')),
        CONSTRAINT users_locale_check CHECK (locale IN ('fr', 'ar', 'en')),
        CONSTRAINT users_region_code_fkey FOREIGN KEY (region_code) REFERENCES region (code) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE user_role (
        user_id uuid NOT NULL,
        role varchar(20) NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_role_pkey PRIMARY KEY (user_id, role),
        CONSTRAINT user_role_role_check CHECK (role IN ('trainee', 'trainer', 'placement_officer', 'admin')),
        CONSTRAINT user_role_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX user_role_role_idx ON user_role (role)`);
    await queryRunner.query(`
      CREATE TABLE consent (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        purpose varchar(200) NOT NULL,
        notice_version varchar(20) NOT NULL,
        given_at timestamptz NOT NULL DEFAULT now(),
        ip varchar(64),
        CONSTRAINT consent_pkey PRIMARY KEY (id),
        CONSTRAINT consent_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX consent_user_id_idx ON consent (user_id)`);
    await queryRunner.query(`
      CREATE TABLE refresh_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        family_id uuid NOT NULL,
        token_hash varchar(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        replaced_by uuid,
        CONSTRAINT refresh_token_pkey PRIMARY KEY (id),
        CONSTRAINT refresh_token_token_hash_key UNIQUE (token_hash),
        CONSTRAINT refresh_token_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX refresh_token_family_id_idx ON refresh_token (family_id)`,
    );
    await queryRunner.query(`CREATE INDEX refresh_token_user_id_idx ON refresh_token (user_id)`);
    await queryRunner.query(`
      CREATE TABLE password_reset_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_hash varchar(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT password_reset_token_pkey PRIMARY KEY (id),
        CONSTRAINT password_reset_token_token_hash_key UNIQUE (token_hash),
        CONSTRAINT password_reset_token_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX password_reset_token_user_id_idx ON password_reset_token (user_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        actor_id uuid,
        action varchar(60) NOT NULL,
        subject_type varchar(40) NOT NULL,
        subject_id varchar(64) NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_event_pkey PRIMARY KEY (id)
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, at)`,
    );
    await queryRunner.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP TABLE password_reset_token`);
    await queryRunner.query(`DROP TABLE refresh_token`);
    await queryRunner.query(`DROP TABLE consent`);
    await queryRunner.query(`DROP TABLE user_role`);
    await queryRunner.query(`DROP TABLE users`);
  }
}

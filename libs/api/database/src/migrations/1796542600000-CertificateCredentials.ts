import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open Badges 3.0 credentials: each certificate gets a position in the revocation status lists
 * (a sequence, given at insert; existing certificates numbered in issue order) and keeps the
 * signed credential (its JSON text, the bytes attached to the PDF) the worker issues with it.
 */
export class CertificateCredentials1796542600000 implements MigrationInterface {
  name = 'CertificateCredentials1796542600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE SEQUENCE certificate_credential_status_index_seq AS integer MINVALUE 0 START 0`,
    );
    await queryRunner.query(`ALTER TABLE certificate ADD COLUMN credential_status_index integer`);
    await queryRunner.query(
      `UPDATE certificate c
          SET credential_status_index = numbered.position
         FROM (SELECT id, nextval('certificate_credential_status_index_seq') AS position
                 FROM (SELECT id FROM certificate ORDER BY issued_at, serial) ordered) numbered
        WHERE c.id = numbered.id`,
    );
    await queryRunner.query(
      `ALTER TABLE certificate
         ALTER COLUMN credential_status_index
           SET DEFAULT nextval('certificate_credential_status_index_seq'),
         ALTER COLUMN credential_status_index SET NOT NULL,
         ADD CONSTRAINT certificate_credential_status_index_key UNIQUE (credential_status_index),
         ADD CONSTRAINT certificate_credential_status_index_check CHECK (credential_status_index >= 0),
         ADD COLUMN credential text`,
    );
    await queryRunner.query(
      `ALTER SEQUENCE certificate_credential_status_index_seq
         OWNED BY certificate.credential_status_index`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE certificate DROP COLUMN credential, DROP COLUMN credential_status_index`,
    );
  }
}

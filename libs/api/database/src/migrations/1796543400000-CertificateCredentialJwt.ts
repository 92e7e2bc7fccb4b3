import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open Badges 3.0 credentials as VC-JWT too: each certificate keeps the compact JWS of its
 * credential (the same statements as the Data Integrity JSON, signed with the same key) that the
 * worker issues and attaches to the PDF beside the JSON. Certificates rendered before get theirs
 * when first downloaded.
 */
export class CertificateCredentialJwt1796543400000 implements MigrationInterface {
  name = 'CertificateCredentialJwt1796543400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE certificate ADD COLUMN credential_jwt text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE certificate DROP COLUMN credential_jwt`);
  }
}

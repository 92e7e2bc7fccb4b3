import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public verification of a PDF without its code: the uploaded file's SHA-256 finds the
 * certificate it was issued as, one indexed read.
 */
export class CertificateSha256Index1796542200000 implements MigrationInterface {
  name = 'CertificateSha256Index1796542200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX certificate_sha256_idx ON certificate (sha256) WHERE sha256 IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX certificate_sha256_idx`);
  }
}

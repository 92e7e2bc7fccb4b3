import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Minimisation (law 09-08): trainers see an enrollee's baseline (employment and education at
 * enrollment) only for courses whose owner turned this on because the teaching needs it.
 */
export class CourseBaselineVisibleToTrainers1796541120000 implements MigrationInterface {
  name = 'CourseBaselineVisibleToTrainers1796541120000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE course ADD COLUMN baseline_visible_to_trainers boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE course DROP COLUMN baseline_visible_to_trainers`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Material in modules (issue 18): files (PDF, slides, images, audio, video) kept in the file
 * storage, and videos by link (a known host and the video's id, never an address or embed HTML).
 *
 * Stored files are content-addressed (`material/<sha256>.<ext>`) and may be shared by several
 * rows — a duplicated course points at the same bytes — so a file is deleted from the storage only
 * when the last row naming it is gone (checked under an advisory lock on the key).
 */
export class ModuleMaterial1796544000000 implements MigrationInterface {
  name = 'ModuleMaterial1796544000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE module_material (
        id uuid CONSTRAINT module_material_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL CONSTRAINT module_material_course_id_fkey REFERENCES course (id) ON DELETE CASCADE,
        module_id uuid NOT NULL CONSTRAINT module_material_module_id_fkey REFERENCES course_module (id) ON DELETE CASCADE,
        position integer NOT NULL CONSTRAINT module_material_position_check CHECK (position > 0),
        kind varchar(12) NOT NULL CONSTRAINT module_material_kind_check
          CHECK (kind IN ('document', 'slides', 'image', 'audio', 'video', 'video_link')),
        titles jsonb NOT NULL DEFAULT '{}'::jsonb CONSTRAINT module_material_titles_check CHECK (jsonb_typeof(titles) = 'object'),
        file_key varchar(512),
        file_name varchar(255),
        file_sha256 char(64),
        file_size bigint CONSTRAINT module_material_file_size_check CHECK (file_size > 0),
        media_type varchar(120),
        video_host varchar(20) CONSTRAINT module_material_video_host_check
          CHECK (video_host IN ('youtube', 'vimeo', 'dailymotion')),
        video_id varchar(40),
        created_by uuid CONSTRAINT module_material_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT module_material_shape_check CHECK (
          (kind = 'video_link' AND video_host IS NOT NULL AND video_id IS NOT NULL
             AND file_key IS NULL AND file_name IS NULL AND file_sha256 IS NULL AND file_size IS NULL AND media_type IS NULL)
          OR (kind <> 'video_link' AND video_host IS NULL AND video_id IS NULL
             AND file_key IS NOT NULL AND file_name IS NOT NULL AND file_sha256 IS NOT NULL AND file_size IS NOT NULL AND media_type IS NOT NULL)),
        CONSTRAINT module_material_module_id_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await queryRunner.query(
      `CREATE INDEX module_material_course_id_idx ON module_material (course_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX module_material_file_key_idx ON module_material (file_key) WHERE file_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE module_material`);
  }
}

import type { MaterialKind, VideoHost } from '@oris/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** Titles by language (`fr`, `ar`, `en`), each optional. */
export type MaterialTitles = Partial<Record<'fr' | 'ar' | 'en', string>>;

/** A file in a module, or a video by link (migration 1796544000000-ModuleMaterial). */
@Entity('module_material')
export class ModuleMaterial {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'module_material_pkey' })
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 12 })
  kind!: MaterialKind;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  titles!: MaterialTitles;

  /** Content-addressed (`material/<sha256>.<ext>`): possibly shared with a duplicated course. */
  @Column({ name: 'file_key', type: 'varchar', length: 512, nullable: true })
  fileKey!: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ name: 'file_sha256', type: 'char', length: 64, nullable: true })
  fileSha256!: string | null;

  @Column({
    name: 'file_size',
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (value: number | null) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  })
  fileSize!: number | null;

  @Column({ name: 'media_type', type: 'varchar', length: 120, nullable: true })
  mediaType!: string | null;

  @Column({ name: 'video_host', type: 'varchar', length: 20, nullable: true })
  videoHost!: VideoHost | null;

  @Column({ name: 'video_id', type: 'varchar', length: 40, nullable: true })
  videoId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

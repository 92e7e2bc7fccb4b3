import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An index of the reference list (migration ObservatoryFoundation); `counts` is an admin's setting. */
@Entity('observatory_index')
export class ObservatoryIndex {
  @PrimaryColumn({
    type: 'varchar',
    length: 32,
    primaryKeyConstraintName: 'observatory_index_pkey',
  })
  code!: string;

  @Column({ name: 'name_fr', type: 'varchar', length: 120 })
  nameFr!: string;

  @Column({ name: 'name_ar', type: 'varchar', length: 120 })
  nameAr!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 120 })
  nameEn!: string;

  @Column({ type: 'boolean' })
  counts!: boolean;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}

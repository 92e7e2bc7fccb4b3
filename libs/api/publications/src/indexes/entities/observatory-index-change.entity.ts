import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One setting of `counts` for an index, from `changedAt` on (migration ObservatoryIndexHistory):
 * append-only, so which indexes counted can be answered as known at any instant.
 */
@Entity('observatory_index_change')
export class ObservatoryIndexChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'observatory_index_change_pkey' })
  id!: string;

  @Column({ name: 'index_code', type: 'varchar', length: 32 })
  indexCode!: string;

  @Column({ type: 'boolean' })
  counts!: boolean;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  changedAt!: Date;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;
}

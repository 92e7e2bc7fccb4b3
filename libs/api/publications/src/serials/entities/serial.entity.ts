import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A serial (journal), mirroring the migration ObservatoryFoundation; ISSNs as `NNNN-NNNC`. */
@Entity('serial')
export class Serial {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'serial_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 400 })
  title!: string;

  @Column({ name: 'alternate_titles', type: 'jsonb', default: () => `'[]'` })
  alternateTitles!: string[];

  @Column({ name: 'issn_print', type: 'char', length: 9, nullable: true })
  issnPrint!: string | null;

  @Column({ name: 'issn_online', type: 'char', length: 9, nullable: true })
  issnOnline!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  publisher!: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

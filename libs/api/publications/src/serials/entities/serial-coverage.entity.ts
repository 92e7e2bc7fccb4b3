import type { CoverageState } from '@oris/shared/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A serial's coverage by one index from `fromYear` (migration ObservatoryFoundation). Append-only:
 * a correction inserts a new row and sets `supersededAt` on the one it replaces; the rows known
 * at K are `recorded_at <= K AND (superseded_at IS NULL OR superseded_at > K)`.
 */
@Entity('serial_coverage')
export class SerialCoverage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'serial_coverage_pkey' })
  id!: string;

  @Column({ name: 'serial_id', type: 'uuid' })
  serialId!: string;

  @Column({ name: 'index_code', type: 'varchar', length: 32 })
  indexCode!: string;

  @Column({ name: 'from_year', type: 'smallint' })
  fromYear!: number;

  @Column({ name: 'to_year', type: 'smallint', nullable: true })
  toYear!: number | null;

  @Column({ type: 'varchar', length: 16 })
  state!: CoverageState;

  @Column({ name: 'checked_on', type: 'date' })
  checkedOn!: string;

  @Column({ name: 'evidence_sha256', type: 'char', length: 64, nullable: true })
  evidenceSha256!: string | null;

  @Column({ name: 'evidence_url', type: 'varchar', length: 2000, nullable: true })
  evidenceUrl!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}

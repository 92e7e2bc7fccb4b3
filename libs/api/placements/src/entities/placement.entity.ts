import type {
  ContractType,
  EvidenceLevel,
  PlacementSource,
  SituationKind,
} from '@oris/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The stable identity of a placement: whose situation it is and who opened it. */
@Entity('placement')
@Unique('placement_id_user_id_key', ['id', 'userId'])
export class Placement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'placement_pkey' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One version of a placement. Rows are append-only: a change or a validation inserts the next
 * version and sets `superseded_at` on the previous one, which is the only update ever made.
 * Mirrors the migration `CreatePlacements` (CHECKs and partial indexes are declared there).
 */
@Entity('placement_version')
export class PlacementVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'placement_version_pkey' })
  id!: string;

  @Column({ name: 'placement_id', type: 'uuid' })
  placementId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'enrollment_id', type: 'uuid', nullable: true })
  enrollmentId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind!: SituationKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contract!: ContractType | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ name: 'employer_name', type: 'varchar', length: 160, nullable: true })
  employerName!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  sector!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  position!: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode!: string;

  @Column({ name: 'start_on', type: 'date' })
  startOn!: string;

  @Column({ name: 'end_on', type: 'date', nullable: true })
  endOn!: string | null;

  @Column({ type: 'varchar', length: 10 })
  source!: PlacementSource;

  @Column({ type: 'varchar', length: 12 })
  evidence!: EvidenceLevel;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ name: 'validated_by', type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}

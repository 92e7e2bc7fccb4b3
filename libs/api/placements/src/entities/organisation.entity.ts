import type { OrganisationKind, StakeholderGroup } from '@oris/shared/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A partner of the ecosystem (association, incubator, university, public body, funder, company,
 * cooperative) in a region. Mirrors the migration `CreatePlacements`; the name is unique per
 * region whatever its case (expression index `organisation_region_name_key`).
 */
@Entity('organisation')
@Index('organisation_region_name_key', { synchronize: false })
@Index('organisation_kind_idx', ['kind'])
@Check(
  'organisation_kind_check',
  `kind IN ('association', 'incubator', 'university', 'public_body', 'funder', 'company', 'cooperative')`,
)
@Check('organisation_name_check', `length(btrim(name)) > 0`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrganisationKind;

  /** Its group among ORIS's stakeholders (OBSERVATORY.md "Partnerships"); migration `CreatePartnerships`. */
  @Column({ name: 'stakeholder_group', type: 'varchar', length: 32, default: 'other' })
  stakeholderGroup!: StakeholderGroup;

  @Column({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

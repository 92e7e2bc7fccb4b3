import type {
  Attribution,
  DatePrecision,
  OpenAccessStatus,
  PublicationStatus,
  PublicationType,
} from '@oris/shared/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A title (and abstract) of a publication in one language; exactly one is the original. */
export interface PublicationTitle {
  language: string;
  title: string;
  abstract: string | null;
  original: boolean;
}

/**
 * A publication as it stands (migration `CreatePublications`; CHECKs and indexes are declared
 * there). Every write also appends a `PublicationVersion`; a merged duplicate keeps its row and
 * points at the kept record (`mergedIntoId`).
 */
@Entity('publication')
export class Publication {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'publication_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  type!: PublicationType;

  @Column({ type: 'jsonb' })
  titles!: PublicationTitle[];

  /** The original title and its language (denormalised from `titles` for search and sorting). */
  @Column({ type: 'varchar', length: 1000 })
  title!: string;

  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'published_on', type: 'date' })
  publishedOn!: string;

  @Column({ name: 'published_on_precision', type: 'varchar', length: 5 })
  publishedOnPrecision!: DatePrecision;

  @Column({ type: 'varchar', length: 300, nullable: true })
  doi!: string | null;

  @Column({ type: 'varchar', length: 13, nullable: true })
  isbn!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url!: string | null;

  @Column({ name: 'serial_id', type: 'uuid', nullable: true })
  serialId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  volume!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  issue!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  pages!: string | null;

  @Column({ name: 'peer_reviewed', type: 'boolean', nullable: true })
  peerReviewed!: boolean | null;

  @Column({ name: 'open_access', type: 'varchar', length: 8, nullable: true })
  openAccess!: OpenAccessStatus | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  licence!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  attribution!: Attribution | null;

  @Column({ name: 'attribution_evidence', type: 'varchar', length: 2000, nullable: true })
  attributionEvidence!: string | null;

  @Column({ name: 'retracted_on', type: 'date', nullable: true })
  retractedOn!: string | null;

  @Column({ type: 'varchar', length: 10 })
  status!: PublicationStatus;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  @Column({ name: 'validated_by', type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A contributor, in print order. */
@Entity('publication_contributor')
export class PublicationContributor {
  @PrimaryColumn({ name: 'publication_id', type: 'uuid' })
  publicationId!: string;

  @PrimaryColumn({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 8 })
  role!: 'author' | 'editor';

  @Column({ name: 'family_name', type: 'varchar', length: 200, nullable: true })
  familyName!: string | null;

  @Column({ name: 'given_names', type: 'varchar', length: 200, nullable: true })
  givenNames!: string | null;

  /** The name in Arabic script, as printed. */
  @Column({ name: 'name_ar', type: 'varchar', length: 300, nullable: true })
  nameAr!: string | null;

  @Column({ type: 'char', length: 19, nullable: true })
  orcid!: string | null;

  /** Affiliations as printed on the work. */
  @Column({ type: 'jsonb' })
  affiliations!: string[];

  @Column({ name: 'oris_affiliation', type: 'boolean' })
  orisAffiliation!: boolean;
}

/** An item-level index record; append-only (a correction supersedes the current one). */
@Entity('publication_index_record')
export class PublicationIndexRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'publication_index_record_pkey' })
  id!: string;

  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId!: string;

  @Column({ name: 'index_code', type: 'varchar', length: 32 })
  indexCode!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ name: 'verified_on', type: 'date' })
  verifiedOn!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}

export type PublicationChange =
  'created' | 'updated' | 'validated' | 'withdrawn' | 'merged' | 'imported';

/** One version of a publication: the counted facts and a snapshot of the whole record. */
@Entity('publication_version')
export class PublicationVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'publication_version_pkey' })
  id!: string;

  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  change!: PublicationChange;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}

export const PUBLICATION_ENTITIES = [
  Publication,
  PublicationContributor,
  PublicationIndexRecord,
  PublicationVersion,
];

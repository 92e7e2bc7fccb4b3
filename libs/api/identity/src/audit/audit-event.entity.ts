import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Flat facts about the event (e.g. `{ role: 'trainer' }`); never a copy of personal data. */
export type AuditData = Record<string, string | number | boolean | null>;

/**
 * Who did what to what, and when. Generic so that certificates, placements and personal-data
 * access reuse it. No foreign keys: the trail must outlive (anonymised) people and objects.
 */
@Entity('audit_event')
@Index('audit_event_subject_idx', ['subjectType', 'subjectId', 'at'])
@Index('audit_event_actor_idx', ['actorId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_event_pkey' })
  id!: string;

  /** Null when the system or a command-line operator acted. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  data!: AuditData;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

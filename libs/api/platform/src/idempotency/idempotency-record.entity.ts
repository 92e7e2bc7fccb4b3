import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type IdempotencyState = 'in_flight' | 'completed';

/**
 * The outcome of a request sent with an `Idempotency-Key`, kept 24 hours so that a retry gets
 * the same answer without a second effect. Mirrors the migration `CreateIdempotencyRecords`.
 */
@Entity('idempotency_record')
@Index('idempotency_record_created_at_idx', ['createdAt'])
@Check('idempotency_record_state_check', `state IN ('in_flight', 'completed')`)
@Check('idempotency_record_response_check', `(state = 'completed') = (response_status IS NOT NULL)`)
export class IdempotencyRecord {
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'idempotency_record_pkey',
  })
  userId!: string;

  @PrimaryColumn({
    type: 'varchar',
    length: 255,
    primaryKeyConstraintName: 'idempotency_record_pkey',
  })
  key!: string;

  @Column({ type: 'varchar', length: 10 })
  method!: string;

  /** The URL as requested (path and query). */
  @Column({ type: 'varchar', length: 2000 })
  path!: string;

  /** SHA-256 (hex) of the method, the URL and the canonical JSON body. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: 16, default: 'in_flight' })
  state!: IdempotencyState;

  @Column({ name: 'response_status', type: 'smallint', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

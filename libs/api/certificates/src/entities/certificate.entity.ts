import { CourseSession } from '@oris/api/catalogue';
import { Enrollment } from '@oris/api/enrollments';
import { User } from '@oris/api/identity';
import { OutboxEmail } from '@oris/api/notifications';
import { Region } from '@oris/api/regions';
import type { CertificateRevocationReason, Locale } from '@oris/shared/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';

export type CertificateStatus = 'valid' | 'revoked';

/** pending: to render (or rendering); rendered: PDF stored, hash recorded; failed: gave up. */
export type RenderState = 'pending' | 'rendered' | 'failed';

/**
 * One per completed enrollment. Mirrors the migration `CreateCertificates`. The printed values are
 * a snapshot taken at issue time: a later edit of the course, session or person never changes an
 * issued certificate, and re-rendering after a crash yields the same bytes.
 */
@Entity('certificate')
@Unique('certificate_serial_key', ['serial'])
@Unique('certificate_verification_code_key', ['verificationCode'])
// One certificate per enrollment that is not replaced (migration `CertificateReplacement`).
@Index('certificate_enrollment_id_key', ['enrollmentId'], {
  unique: true,
  where: 'replaced_by_id IS NULL',
})
@Index('certificate_replaced_by_id_key', ['replacedById'], {
  unique: true,
  where: 'replaced_by_id IS NOT NULL',
})
@Index('certificate_user_id_idx', { synchronize: false })
@Index('certificate_session_id_idx', ['sessionId', 'status'])
@Index('certificate_issued_at_idx', { synchronize: false })
@Index('certificate_sha256_idx', ['sha256'], { where: 'sha256 IS NOT NULL' })
@Index('certificate_render_pending_idx', ['issuedAt'], { where: `render_state = 'pending'` })
@Check('certificate_serial_check', `serial ~ '^ORIS-[0-9]{4}-[0-9]{6,}$'`)
@Check('certificate_verification_code_check', `verification_code ~ '^[A-Za-z0-9_-]{22,64}$'`)
@Check('certificate_hours_check', `hours > 0`)
@Check('certificate_dates_check', `session_starts_on <= session_ends_on`)
@Check('certificate_locale_check', `locale IN ('fr', 'ar', 'en')`)
@Check('certificate_status_check', `status IN ('valid', 'revoked')`)
@Check(
  'certificate_revoked_check',
  `(status = 'revoked') = (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoked_reason IS NOT NULL)`,
)
@Check(
  'certificate_revoked_reason_check',
  `revoked_reason IN ('issued_in_error', 'completion_withdrawn', 'duplicate', 'fraud', 'other', 'replaced')`,
)
@Check(
  'certificate_replaced_check',
  `(replaced_by_id IS NOT NULL) = (revoked_reason IS NOT DISTINCT FROM 'replaced')`,
)
@Check('certificate_revocation_note_check', `revocation_note IS NULL OR status = 'revoked'`)
@Check('certificate_render_state_check', `render_state IN ('pending', 'rendered', 'failed')`)
@Check(
  'certificate_rendered_check',
  `(render_state = 'rendered') = (sha256 IS NOT NULL AND storage_key IS NOT NULL AND rendered_at IS NOT NULL)`,
)
@Check('certificate_sha256_check', `sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'`)
@Check('certificate_render_attempts_check', `render_attempts >= 0`)
export class Certificate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'certificate_pkey' })
  id!: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @OneToOne(() => Enrollment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'certificate_enrollment_id_fkey' })
  enrollment?: Relation<Enrollment>;

  /** The holder. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'certificate_user_id_fkey' })
  holder?: Relation<User>;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CourseSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'certificate_session_id_fkey' })
  session?: Relation<CourseSession>;

  /** `ORIS-YYYY-NNNNNN`, gapless per year. */
  @Column({ type: 'varchar', length: 24 })
  serial!: string;

  /** ≥ 128 random bits, base64url: the public handle of the certificate. */
  @Column({ name: 'verification_code', type: 'varchar', length: 64 })
  verificationCode!: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 120 })
  holderName!: string;

  @Column({ name: 'holder_name_ar', type: 'varchar', length: 120, nullable: true })
  holderNameAr!: string | null;

  @Column({ name: 'course_title', type: 'varchar', length: 200 })
  courseTitle!: string;

  @Column({ type: 'smallint' })
  hours!: number;

  @Column({ name: 'session_starts_on', type: 'date' })
  sessionStartsOn!: string;

  @Column({ name: 'session_ends_on', type: 'date' })
  sessionEndsOn!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'certificate_region_code_fkey' })
  region?: Relation<Region>;

  @Column({ name: 'region_name', type: 'varchar', length: 80 })
  regionName!: string;

  @Column({ name: 'region_name_ar', type: 'varchar', length: 80 })
  regionNameAr!: string;

  @Column({ name: 'completed_on', type: 'date' })
  completedOn!: string;

  /** The holder's language at issue time: the email goes out in it. */
  @Column({ type: 'varchar', length: 2 })
  locale!: Locale;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'certificate_issued_by_fkey' })
  issuer?: Relation<User>;

  /** Calendar day printed on the certificate (Morocco). */
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @Column({ type: 'varchar', length: 8, default: 'valid' })
  status!: CertificateStatus;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'revoked_by', foreignKeyConstraintName: 'certificate_revoked_by_fkey' })
  revoker?: Relation<User>;

  /** From the short list public verification says (migration `RevocationReasonCodes`). */
  @Column({ name: 'revoked_reason', type: 'varchar', length: 24, nullable: true })
  revokedReason!: CertificateRevocationReason | null;

  /**
   * The certificate re-issued in its place (reason `replaced`); checked at commit, so the old
   * row names the new one in the transaction that inserts it.
   */
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true })
  replacedById!: string | null;

  @ManyToOne(() => Certificate, {
    onDelete: 'RESTRICT',
    nullable: true,
    deferrable: 'INITIALLY DEFERRED',
  })
  @JoinColumn({
    name: 'replaced_by_id',
    foreignKeyConstraintName: 'certificate_replaced_by_id_fkey',
  })
  replacedBy?: Relation<Certificate>;

  /** The revoking administrator's own words: for the staff, never published. */
  @Column({ name: 'revocation_note', type: 'varchar', length: 500, nullable: true })
  revocationNote!: string | null;

  @Column({ name: 'render_state', type: 'varchar', length: 8, default: 'pending' })
  renderState!: RenderState;

  @Column({ name: 'render_attempts', type: 'integer', default: 0 })
  renderAttempts!: number;

  @Column({ name: 'render_error', type: 'text', nullable: true })
  renderError!: string | null;

  /** When a dispatcher last handed the render to the queue; stale values are handed again. */
  @Column({ name: 'render_enqueued_at', type: 'timestamptz', nullable: true })
  renderEnqueuedAt!: Date | null;

  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true })
  renderedAt!: Date | null;

  /** Hex SHA-256 of the stored PDF. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  /** The email that carries the PDF, written once with the render's outcome. */
  @Column({ name: 'email_outbox_id', type: 'uuid', nullable: true })
  emailOutboxId!: string | null;

  @ManyToOne(() => OutboxEmail, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'email_outbox_id',
    foreignKeyConstraintName: 'certificate_email_outbox_id_fkey',
  })
  email?: Relation<OutboxEmail>;

  /**
   * Position in the revocation status lists (W3C Bitstring Status List), from a sequence at
   * insert (migration `CertificateCredentials`).
   */
  @Column({
    name: 'credential_status_index',
    type: 'integer',
    insert: false,
    update: false,
    default: () => `nextval('certificate_credential_status_index_seq')`,
  })
  credentialStatusIndex!: number;

  /**
   * The signed Open Badges 3.0 credential (JSON text), stored by the worker with the PDF: the
   * download is byte for byte the file attached to the PDF. Erased with the holder.
   */
  @Column({ type: 'text', nullable: true })
  credential!: string | null;

  /**
   * The same credential as a VC-JWT (compact JWS, EdDSA, same key), stored and attached to the PDF
   * with the JSON. Erased with the holder.
   */
  @Column({ name: 'credential_jwt', type: 'text', nullable: true })
  credentialJwt!: string | null;
}

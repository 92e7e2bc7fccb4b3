import type { Gender, Locale } from '@oris/shared/domain';
import { Region } from '@oris/api/regions';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { UserRole } from './user-role.entity';

/**
 * A person with an account. Gender, birth year and region are required at registration (the
 * indicators break down by them) but may be null for staff accounts created by command.
 */
@Entity('users')
@Unique('users_email_key', ['email'])
@Check('users_email_lower_check', `email = lower(email)`)
@Check('users_gender_check', `gender IN ('female', 'male')`)
@Check('users_locale_check', `locale IN ('fr', 'ar', 'en')`)
@Check('users_phone_e164_check', `phone ~ '^\\+[1-9][0-9]{7,14}$'`)
@Check('users_erased_disabled_check', `erased_at IS NULL OR disabled_at IS NOT NULL`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id!: string;

  /** Stored lower-case (checked), so a plain unique index makes it case-insensitive. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 120 })
  fullName!: string;

  @Column({ name: 'full_name_ar', type: 'varchar', length: 120, nullable: true })
  fullNameAr!: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  gender!: Gender | null;

  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear!: number | null;

  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'users_region_code_fkey' })
  region?: Region;

  /** E.164 (checked); optional. Personal data: shown to the person, admins and officers. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale!: Locale;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Law 09-08 erasure: when the person's identity was anonymised (the account is disabled too). */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /**
   * When the person proved they receive mail at `email` (the emailed confirmation link, or a
   * password set through an emailed reset link); null until then. Until then the account signs
   * in but neither enrolls itself nor receives certificates.
   */
  @Column({ name: 'email_confirmed_at', type: 'timestamptz', nullable: true })
  emailConfirmedAt!: Date | null;

  /** Set while the person's latest consent refuses follow-up (mirrors the consent history). */
  @Column({ name: 'followup_withdrawn_at', type: 'timestamptz', nullable: true })
  followupWithdrawnAt!: Date | null;

  // Relation<> keeps the circular import out of decorator metadata (swc evaluates it eagerly).
  @OneToMany(() => UserRole, (role) => role.user)
  roles?: Relation<UserRole>[];
}

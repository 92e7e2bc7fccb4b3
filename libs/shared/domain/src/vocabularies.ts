/** The API's vocabularies (PRODUCT.md), shared by the server and the web app. */

export const ROLES = [
  'trainee',
  'trainer',
  'placement_officer',
  'observatory_editor',
  'partnership_officer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

export const LOCALES = ['fr', 'ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'secondary',
  'baccalaureate',
  'bac_plus_2',
  'licence',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const BASELINE_SITUATIONS = [
  'employed',
  'self_employed',
  'seeking',
  'student',
  'inactive',
] as const;
export type BaselineSituation = (typeof BASELINE_SITUATIONS)[number];

export const REGION_CODES = [
  'MA-01',
  'MA-02',
  'MA-03',
  'MA-04',
  'MA-05',
  'MA-06',
  'MA-07',
  'MA-08',
  'MA-09',
  'MA-10',
  'MA-11',
  'MA-12',
] as const;
export type RegionCode = (typeof REGION_CODES)[number];

/**
 * Why a certificate was revoked, as public verification says it: a short list, so that nothing
 * about the holder beyond it is published. The administrator's own explanation stays internal.
 */
export const REVOCATION_REASONS = [
  'issued_in_error',
  'completion_withdrawn',
  'duplicate',
  'fraud',
  'other',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/**
 * Every reason a certificate may carry: the administrator's choices, and `replaced`, which only a
 * re-issue sets (the certificate then names its successor's serial).
 */
export const CERTIFICATE_REVOCATION_REASONS = [...REVOCATION_REASONS, 'replaced'] as const;
export type CertificateRevocationReason = (typeof CERTIFICATE_REVOCATION_REASONS)[number];

/** Whether a value read as text (a CSV cell, a query parameter) is one of a vocabulary's codes. */
export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

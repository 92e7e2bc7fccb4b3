import type { components, paths } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type Certificate = Schemas['CertificateDto'];
export type CertificateStatus = Certificate['status'];
export type Verification = Schemas['VerificationDto'];
export type FileMatch = Schemas['FileMatchDto'];
export type CredentialVerification = Schemas['CredentialVerificationDto'];
export type RevokeCertificate = Schemas['RevokeCertificateDto'];
export type BatchJob = Schemas['JobDto'];
export type Enrollment = Schemas['EnrollmentDto'];
export type AdminCourse = Schemas['AdminCourseSummaryDto'];
export type Session = Schemas['SessionDto'];
export type CertificateQuery = NonNullable<
  paths['/api/v1/certificates']['get']['parameters']['query']
>;

export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['valid', 'revoked'];

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

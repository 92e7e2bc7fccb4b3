import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import type { FileMatchDto, VerificationDto } from '../dto/certificate.dto';
import { Certificate } from '../entities/certificate.entity';
import { toVerificationDto } from '../reading/certificate-mapper';
import { VerificationRateLimit } from './verification-rate-limit';

/** The shape codes are issued in; anything else is answered 404 without touching the database. */
export const VERIFICATION_CODE = /^[A-Za-z0-9_-]{22,64}$/;

/** What verification reads of a certificate: its answer and the PDF's hash. */
type VerifiedCertificate = Pick<
  Certificate,
  | 'status'
  | 'serial'
  | 'holderName'
  | 'holderNameAr'
  | 'courseTitle'
  | 'hours'
  | 'sessionStartsOn'
  | 'sessionEndsOn'
  | 'regionCode'
  | 'completedOn'
  | 'issuedOn'
  | 'revokedAt'
  | 'revokedReason'
  | 'sha256'
>;

// Dates as text (`YYYY-MM-DD`, as the entity's date columns read them), the instant as a Date.
const FIND_BY_CODE = `
  SELECT status, serial, holder_name AS "holderName", holder_name_ar AS "holderNameAr",
         course_title AS "courseTitle", hours, session_starts_on::text AS "sessionStartsOn",
         session_ends_on::text AS "sessionEndsOn", region_code AS "regionCode",
         completed_on::text AS "completedOn", issued_on::text AS "issuedOn",
         revoked_at AS "revokedAt", revoked_reason AS "revokedReason", sha256
    FROM certificate WHERE verification_code = $1`;

/** Public verification: one rate-limit increment and one indexed read per lookup. */
@Injectable()
export class CertificateVerification {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly rateLimit: VerificationRateLimit,
  ) {}

  async verify(ip: string, code: string): Promise<VerificationDto> {
    return toVerificationDto(Object.assign(new Certificate(), await this.find(ip, code)));
  }

  /** Whether `file` is the PDF that was issued: its SHA-256 against the recorded one. */
  async matchFile(ip: string, code: string, file: Buffer): Promise<FileMatchDto> {
    const certificate = await this.find(ip, code);
    if (!certificate.sha256) return { matches: false };
    const digest = createHash('sha256').update(file).digest('hex');
    return { matches: digest === certificate.sha256 };
  }

  private async find(ip: string, code: string): Promise<VerifiedCertificate> {
    await this.rateLimit.consume(ip);
    // Plain SQL with the answer's columns only: the route is public and hot (P4), and TypeORM's
    // query building and entity hydration were a tenth of its CPU for one indexed read.
    const [certificate]: VerifiedCertificate[] = VERIFICATION_CODE.test(code)
      ? await this.certificates.query(FIND_BY_CODE, [code])
      : [];
    if (!certificate) {
      throw new CertificateException(
        CertificateErrorCode.CertificateNotFound,
        'No certificate has this verification code.',
      );
    }
    return certificate;
  }
}

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import type { FileMatchDto } from '../dto/certificate.dto';
import { Certificate } from '../entities/certificate.entity';
import { toVerificationDto } from '../reading/certificate-mapper';
import { LoadedVerification, VerificationCache } from './verification-cache';
import { VerificationRateLimit } from './verification-rate-limit';

/** The shape codes are issued in; anything else is answered 404 without touching the database. */
export const VERIFICATION_CODE = /^[A-Za-z0-9_-]{22,64}$/;

/** What verification reads of a certificate: its answer, the PDF's hash included. */
type VerifiedCertificate = Pick<
  Certificate,
  | 'status'
  | 'serial'
  | 'holderName'
  | 'holderNameAr'
  | 'courseTitle'
  | 'hours'
  | 'completedOn'
  | 'revokedAt'
  | 'revokedReason'
  | 'sha256'
>;

// The day as text (`YYYY-MM-DD`, as the entity's date columns read it), the instant as a Date.
// Nothing else is read (of a successor, its serial only): the revocation note, the region and the session's dates stay out.
const FIND_BY_CODE = `
  SELECT status, serial, holder_name AS "holderName", holder_name_ar AS "holderNameAr",
         course_title AS "courseTitle", hours, completed_on::text AS "completedOn",
         revoked_at AS "revokedAt", revoked_reason AS "revokedReason", sha256,
         (SELECT u.erased_at IS NOT NULL FROM users u WHERE u.id = certificate.user_id) AS "holderErased",
         (SELECT n.serial FROM certificate n WHERE n.id = certificate.replaced_by_id) AS "replacedBySerial"
    FROM certificate WHERE verification_code = $1`;

const FIND_SHA256_BY_CODE = `SELECT sha256 FROM certificate WHERE verification_code = $1`;

/**
 * Public verification: one rate-limit count (in memory, synced in batches) and, unless the answer
 * is cached, one indexed read per lookup.
 */
@Injectable()
export class CertificateVerification {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly rateLimit: VerificationRateLimit,
    private readonly cache: VerificationCache,
  ) {}

  /**
   * The answer as JSON bytes (a `VerificationDto`), ready to send. A repeated lookup is answered
   * synchronously (counted in memory, served from memory): the route is public and hot (P4).
   */
  verify(ip: string, code: string): Buffer | Promise<Buffer> {
    const counted = this.rateLimit.consume(ip);
    return counted instanceof Promise ? counted.then(() => this.answer(code)) : this.answer(code);
  }

  /**
   * Whether `file` is the PDF that was issued: its SHA-256 against the recorded one. Read from
   * PostgreSQL each time: it is rare, and the upload costs more than the read.
   */
  async matchFile(ip: string, code: string, file: Buffer): Promise<FileMatchDto> {
    await this.rateLimit.consume(ip);
    const [certificate]: Pick<Certificate, 'sha256'>[] = VERIFICATION_CODE.test(code)
      ? await this.certificates.query(FIND_SHA256_BY_CODE, [code])
      : [];
    if (!certificate) throw notFound();
    if (!certificate.sha256) return { matches: false };
    const digest = createHash('sha256').update(file).digest('hex');
    return { matches: digest === certificate.sha256 };
  }

  private answer(code: string): Buffer | Promise<Buffer> {
    if (!VERIFICATION_CODE.test(code)) throw notFound();
    const answer = this.cache.get(code, () => this.load(code));
    return answer instanceof Promise ? answer.then(found) : found(answer);
  }

  private async load(code: string): Promise<LoadedVerification | null> {
    // Plain SQL with the answer's columns only: the route is public and hot (P4), and TypeORM's
    // query building and entity hydration were a tenth of its CPU for one indexed read.
    const [certificate]: (VerifiedCertificate & {
      holderErased: boolean;
      replacedBySerial: string | null;
    })[] = await this.certificates.query(FIND_BY_CODE, [code]);
    if (!certificate) return null;
    const { holderErased, replacedBySerial, ...fields } = certificate;
    const answer = toVerificationDto(
      Object.assign(new Certificate(), fields),
      holderErased,
      replacedBySerial,
    );
    return {
      json: Buffer.from(JSON.stringify(answer)),
      // Kept only once the PDF's SHA-256 is recorded: the worker records it after rendering, in a
      // process that does not tell this cache. From then on only a revocation or the
      // holder's erasure changes the answer, and both tell.
      keep: certificate.sha256 !== null,
    };
  }
}

function found(answer: Buffer | null): Buffer {
  if (!answer) throw notFound();
  return answer;
}

function notFound(): CertificateException {
  return new CertificateException(
    CertificateErrorCode.CertificateNotFound,
    'No certificate has this verification code.',
  );
}

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ANY_VERIFICATION_CODE,
  comparableName,
  serialFrom,
  verificationCodeCandidates,
} from '@oris/shared/domain';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import type { FileMatchDto } from '../dto/certificate.dto';
import { Certificate } from '../entities/certificate.entity';
import { toVerificationDto } from '../reading/certificate-mapper';
import { LoadedVerification, VerificationCache } from './verification-cache';
import { VerificationRateLimit } from './verification-rate-limit';

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

const FIND_BY_SERIAL = `
  SELECT verification_code AS "code", holder_name AS "holderName", holder_name_ar AS "holderNameAr"
    FROM certificate WHERE serial = $1`;

const FIND_CODE_BY_SHA256 = `SELECT verification_code AS "code" FROM certificate WHERE sha256 = $1`;

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
   * By the printed serial and the holder's name as printed (Latin or Arabic; case, accents,
   * spacing and word order aside). Serials are sequential, so the serial alone would let anyone
   * walk through every holder: the name is what only someone holding the certificate knows. An
   * unknown serial and a wrong name get the same 404, and both count against the same budget as
   * codes.
   */
  async verifyBySerial(ip: string, typedSerial: string, typedName: string): Promise<Buffer> {
    await this.rateLimit.consume(ip);
    const serial = serialFrom(typedSerial);
    const name = comparableName(typedName);
    const [certificate]: {
      code: string;
      holderName: string | null;
      holderNameAr: string | null;
    }[] = serial && name !== '' ? await this.certificates.query(FIND_BY_SERIAL, [serial]) : [];
    const names = [certificate?.holderName, certificate?.holderNameAr]
      .filter((printed): printed is string => !!printed)
      .map(comparableName);
    // An erased holder's name is gone: their certificate is verified by its code or its PDF.
    if (!certificate || !names.includes(name)) throw notFound('serial');
    return this.answer(certificate.code);
  }

  /**
   * The certificate a PDF was issued as, found by the file's SHA-256 alone: whoever holds the
   * exact file holds what verification would show. A file that was not issued (altered, or
   * another document) is a 404.
   */
  async verifyFile(ip: string, file: Buffer): Promise<Buffer> {
    await this.rateLimit.consume(ip);
    const digest = createHash('sha256').update(file).digest('hex');
    const [certificate]: { code: string }[] = await this.certificates.query(FIND_CODE_BY_SHA256, [
      digest,
    ]);
    if (!certificate) throw notFound('file');
    return this.answer(certificate.code);
  }

  /**
   * Whether `file` is the PDF that was issued: its SHA-256 against the recorded one. Read from
   * PostgreSQL each time: it is rare, and the upload costs more than the read.
   */
  async matchFile(ip: string, code: string, file: Buffer): Promise<FileMatchDto> {
    await this.rateLimit.consume(ip);
    let certificate: Pick<Certificate, 'sha256'> | undefined;
    for (const candidate of verificationCodeCandidates(code)) {
      [certificate] = await this.certificates.query(FIND_SHA256_BY_CODE, [candidate]);
      if (certificate) break;
    }
    if (!certificate) throw notFound();
    if (!certificate.sha256) return { matches: false };
    const digest = createHash('sha256').update(file).digest('hex');
    return { matches: digest === certificate.sha256 };
  }

  /**
   * The code as linked and typed alike: as it is first (the link's exact code; earlier codes are
   * case-sensitive), synchronously when remembered (the hot path), then, only when that misses, as
   * a readable code typed from paper (case, spaces, dashes and Arabic-Indic digits aside).
   * Anything that can be no code is answered 404 without touching the database.
   */
  private answer(code: string): Buffer | Promise<Buffer> {
    const exact = ANY_VERIFICATION_CODE.test(code) ? this.lookUp(code) : null;
    if (exact instanceof Promise) return exact.then((hit) => hit ?? this.typed(code)).then(found);
    if (exact) return exact;
    const typed = this.typed(code);
    return typed instanceof Promise ? typed.then(found) : found(typed);
  }

  private typed(code: string): Buffer | null | Promise<Buffer | null> {
    const readable = verificationCodeCandidates(code).find((candidate) => candidate !== code);
    return readable ? this.lookUp(readable) : null;
  }

  private lookUp(code: string): Buffer | null | Promise<Buffer | null> {
    return this.cache.get(code, () => this.load(code));
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

const NOT_FOUND = {
  code: 'No certificate has this verification code.',
  serial: 'No certificate has this serial with this holder’s name.',
  file: 'No certificate was issued as this file.',
};

function notFound(by: keyof typeof NOT_FOUND = 'code'): CertificateException {
  return new CertificateException(CertificateErrorCode.CertificateNotFound, NOT_FOUND[by]);
}

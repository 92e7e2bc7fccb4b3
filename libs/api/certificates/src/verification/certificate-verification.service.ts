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

/** Public verification: one rate-limit increment and one indexed read per lookup. */
@Injectable()
export class CertificateVerification {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly rateLimit: VerificationRateLimit,
  ) {}

  async verify(ip: string, code: string): Promise<VerificationDto> {
    return toVerificationDto(await this.find(ip, code));
  }

  /** Whether `file` is the PDF that was issued: its SHA-256 against the recorded one. */
  async matchFile(ip: string, code: string, file: Buffer): Promise<FileMatchDto> {
    const certificate = await this.find(ip, code);
    if (!certificate.sha256) return { matches: false };
    const digest = createHash('sha256').update(file).digest('hex');
    return { matches: digest === certificate.sha256 };
  }

  private async find(ip: string, code: string): Promise<Certificate> {
    await this.rateLimit.consume(ip);
    const certificate = VERIFICATION_CODE.test(code)
      ? await this.certificates.findOneBy({ verificationCode: code })
      : null;
    if (!certificate) {
      throw new CertificateException(
        CertificateErrorCode.CertificateNotFound,
        'No certificate has this verification code.',
      );
    }
    return certificate;
  }
}

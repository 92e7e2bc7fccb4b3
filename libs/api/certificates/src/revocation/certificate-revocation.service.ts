import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import type { RevokeCertificateDto } from '../dto/revoke.dto';
import {
  CertificateErrorCode,
  CertificateException,
  certificateNotFound,
} from '../certificate.exception';
import { Certificate } from '../entities/certificate.entity';
import { VerificationCache } from '../verification/verification-cache';

/**
 * Revokes a certificate: a status with its reason (a code public verification says) and the
 * administrator's optional note (kept internal), actor and date, never a deletion. The audit
 * event commits with the change. Verification says "revoked" at once: once committed, and before
 * answering, its cached answer is forgotten in every API process.
 */
@Injectable()
export class CertificateRevocation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly verificationCache: VerificationCache,
  ) {}

  async revoke(
    actor: AuthenticatedUser,
    id: string,
    { reason, note }: RevokeCertificateDto,
  ): Promise<Certificate> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const certificate = await manager.findOne(Certificate, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!certificate) throw certificateNotFound(id);
      if (certificate.status === 'revoked') {
        throw new CertificateException(
          CertificateErrorCode.AlreadyRevoked,
          `Certificate ${certificate.serial} was revoked on ${certificate.revokedAt?.toISOString()}.`,
        );
      }
      const revokedAt = new Date();
      const revocation = {
        status: 'revoked' as const,
        revokedAt,
        revokedBy: actor.id,
        revokedReason: reason,
        revocationNote: note ?? null,
      };
      await manager.update(Certificate, id, revocation);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'certificate.revoked',
        subjectType: 'certificate',
        subjectId: id,
        data: { serial: certificate.serial, reason },
      });
      return Object.assign(certificate, revocation);
    });
    await this.verificationCache.changed(revoked.verificationCode);
    return revoked;
  }
}

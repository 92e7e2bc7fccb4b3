import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import {
  CertificateErrorCode,
  CertificateException,
  certificateNotFound,
} from '../certificate.exception';
import { Certificate } from '../entities/certificate.entity';

/**
 * Revokes a certificate: a status with its reason, actor and date, never a deletion. The audit
 * event commits with the change; verification reads the row, so it says "revoked" at once.
 */
@Injectable()
export class CertificateRevocation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async revoke(actor: AuthenticatedUser, id: string, reason: string): Promise<Certificate> {
    return this.dataSource.transaction(async (manager) => {
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
      await manager.update(Certificate, id, {
        status: 'revoked',
        revokedAt,
        revokedBy: actor.id,
        revokedReason: reason,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'certificate.revoked',
        subjectType: 'certificate',
        subjectId: id,
        data: { serial: certificate.serial, reason },
      });
      return Object.assign(certificate, {
        status: 'revoked' as const,
        revokedAt,
        revokedBy: actor.id,
        revokedReason: reason,
      });
    });
  }
}

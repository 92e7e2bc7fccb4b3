import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { todayInMorocco } from '@oris/shared/domain';
import type { DataSource } from 'typeorm';
import {
  CertificateErrorCode,
  CertificateException,
  certificateNotFound,
} from '../certificate.exception';
import type { ReissueCertificateDto } from '../dto/reissue.dto';
import { Certificate } from '../entities/certificate.entity';
import { assertCompleted, assertHolderConfirmed } from '../issuing/certificate-issuer.service';
import { factsOfEnrollment, reserveSerials, snapshotOf } from '../issuing/issuance-facts';
import { RenderQueue } from '../issuing/render-queue';
import { VerificationCache } from '../verification/verification-cache';

/**
 * Re-issues a certificate after a correction (a misspelt name, a wrong course title): in one
 * transaction, the old one is revoked with the reason `replaced` and names its successor, and a
 * new one is issued from today's facts, with a new serial and a new verification code. The new
 * PDF is rendered and emailed like any other; the old code's verification says "replaced by"
 * the new serial at once.
 */
@Injectable()
export class CertificateReissue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renders: RenderQueue,
    private readonly audit: AuditLog,
    private readonly verificationCache: VerificationCache,
  ) {}

  async reissue(
    actor: AuthenticatedUser,
    id: string,
    { note }: ReissueCertificateDto,
  ): Promise<Certificate> {
    const { replaced, successor } = await this.dataSource.transaction(async (manager) => {
      const old = await manager.findOne(Certificate, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!old) throw certificateNotFound(id);
      if (old.status === 'revoked') {
        throw await refusal(old, (next) => manager.findOneByOrFail(Certificate, { id: next }));
      }
      const facts = await factsOfEnrollment(manager, old.enrollmentId);
      if (!facts) throw certificateNotFound(id);
      assertCompleted(facts);
      assertHolderConfirmed(facts);
      const issuedOn = todayInMorocco();
      const [serial] = await reserveSerials(manager, Number(issuedOn.slice(0, 4)), 1);
      const successorId = randomUUID();
      const revocation = {
        status: 'revoked' as const,
        revokedAt: new Date(),
        revokedBy: actor.id,
        revokedReason: 'replaced' as const,
        revocationNote: note ?? null,
        replacedById: successorId,
      };
      // The old row first: the enrollment's one unreplaced certificate becomes the new one.
      await manager.update(Certificate, id, revocation);
      await manager.insert(Certificate, {
        ...snapshotOf(facts, { serial, issuedBy: actor.id, issuedOn }),
        id: successorId,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'certificate.reissued',
        subjectType: 'certificate',
        subjectId: id,
        data: { serial: old.serial, replacedBy: serial, replacementId: successorId },
      });
      return {
        replaced: Object.assign(old, revocation),
        successor: await manager.findOneByOrFail(Certificate, { id: successorId }),
      };
    });
    this.renders.dispatchPending();
    await this.verificationCache.changed(replaced.verificationCode);
    return successor;
  }
}

/** Why a revoked certificate is not re-issued: it was replaced already, or revoked for good. */
async function refusal(
  old: Certificate,
  successor: (id: string) => Promise<Certificate>,
): Promise<CertificateException> {
  if (old.replacedById) {
    const next = await successor(old.replacedById);
    return new CertificateException(
      CertificateErrorCode.AlreadyReplaced,
      `Certificate ${old.serial} was already replaced by ${next.serial}; re-issue that one.`,
    );
  }
  return new CertificateException(
    CertificateErrorCode.AlreadyRevoked,
    `Certificate ${old.serial} is revoked: a revoked certificate is not re-issued.`,
  );
}

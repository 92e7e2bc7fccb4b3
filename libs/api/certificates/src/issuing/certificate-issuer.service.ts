import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { EnrollmentStatus } from '@oris/shared/domain';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import { Certificate } from '../entities/certificate.entity';
import {
  factsOfEnrollment,
  reserveSerials,
  snapshotOf,
  type IssuanceFacts,
} from './issuance-facts';
import { RenderQueue } from './render-queue';

/** Thrown inside the transaction when a concurrent request issued first: rolls back its serial. */
class IssuedConcurrently extends Error {}

/**
 * Issues certificates: one per completed enrollment, whatever the retries. The row is written in
 * a transaction (the enrollment's unique key and `ON CONFLICT DO NOTHING` make concurrent calls
 * converge on one certificate) and its render is handed to the worker after the commit.
 */
@Injectable()
export class CertificateIssuer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renders: RenderQueue,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The enrollment's certificate (the one not replaced by a re-issue), issued now if it has none;
   * `created` tells which.
   */
  async issue(
    actorId: string,
    enrollmentId: string,
  ): Promise<{ certificate: Certificate; created: boolean }> {
    let certificate: Certificate | null = null;
    try {
      certificate = await this.dataSource.transaction((manager) =>
        this.issueIn(manager, actorId, enrollmentId),
      );
    } catch (error) {
      if (!(error instanceof IssuedConcurrently)) throw error;
    }
    if (certificate) {
      this.renders.dispatchPending();
      return { certificate, created: true };
    }
    const existing = await this.dataSource
      .getRepository(Certificate)
      .findOneByOrFail({ enrollmentId, replacedById: IsNull() });
    return { certificate: existing, created: false };
  }

  /** Null when the enrollment already has a certificate (read it after the transaction). */
  private async issueIn(
    manager: EntityManager,
    actorId: string,
    enrollmentId: string,
  ): Promise<Certificate | null> {
    if (await manager.existsBy(Certificate, { enrollmentId, replacedById: IsNull() })) return null;
    const facts = await factsOfEnrollment(manager, enrollmentId);
    if (!facts) {
      throw new CertificateException(
        CertificateErrorCode.EnrollmentNotFound,
        `No enrollment with id ${enrollmentId}.`,
      );
    }
    assertCompleted(facts);
    assertHolderConfirmed(facts);
    const issuedOn = todayInMorocco();
    const [serial] = await reserveSerials(manager, Number(issuedOn.slice(0, 4)), 1);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Certificate)
      .values(snapshotOf(facts, { serial, issuedBy: actorId, issuedOn }))
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) throw new IssuedConcurrently();
    const certificate = await manager.findOneByOrFail(Certificate, { id });
    await this.audit.record(manager, {
      actorId,
      action: 'certificate.issued',
      subjectType: 'certificate',
      subjectId: certificate.id,
      data: { serial, enrollmentId },
    });
    return certificate;
  }
}

/** Why an enrollment in each status has no certificate yet, for the refusal's detail. */
const NOT_COMPLETED: Record<Exclude<EnrollmentStatus, 'completed'>, string> = {
  pending: 'is still waiting for approval (status pending)',
  confirmed: 'is confirmed but its completion has not been validated (status confirmed)',
  waitlisted: 'is on the waitlist (status waitlisted)',
  withdrawn: 'was withdrawn (status withdrawn)',
  not_completed: 'was recorded as not completed (status not_completed)',
};

/** Refuses with the enrollment's actual status, so the admin knows what is missing. */
export function assertCompleted(facts: IssuanceFacts): void {
  if (facts.status === 'completed' && facts.completedOn) return;
  const reason =
    facts.status === 'completed' ? 'has no completion day' : NOT_COMPLETED[facts.status];
  throw new CertificateException(
    CertificateErrorCode.EnrollmentNotCompleted,
    `The enrollment ${reason}: a certificate is issued once its completion is validated.`,
  );
}

/**
 * A certificate is emailed to its holder and bears their name: until the holder has proven the
 * address (a confirmation link, or a password set through a reset link) nothing is issued, so a
 * typo in an import or a stranger's address never receives it. Issued once they confirm.
 */
export function assertHolderConfirmed(facts: IssuanceFacts): void {
  if (facts.emailConfirmed) return;
  throw new CertificateException(
    CertificateErrorCode.EmailNotConfirmed,
    'The holder has not confirmed their email address: they open the link emailed at ' +
      'registration (or ask for a new one from their account; an imported person chooses a ' +
      'password with “forgot password”), then the certificate can be issued.',
  );
}

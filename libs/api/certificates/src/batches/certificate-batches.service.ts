import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import type { JobDto } from '../dto/certificate.dto';
import { CertificateBatch, CertificateBatchItem } from '../entities/certificate-batch.entity';
import { Certificate } from '../entities/certificate.entity';
import { reserveSerials, snapshotOf, uncertifiedCompleters } from '../issuing/issuance-facts';
import { RenderQueue } from '../issuing/render-queue';
import { jobProgress } from './job-progress';

/**
 * Issues every completer of a session at once. One transaction creates the missing certificates
 * (serials locked first, so concurrent batches and single issues of the same year queue up and the
 * later ones find nothing left to create) and records the batch; the renders go to the worker.
 */
@Injectable()
export class CertificateBatches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renders: RenderQueue,
    private readonly audit: AuditLog,
  ) {}

  async start(actor: AuthenticatedUser, sessionId: string): Promise<{ jobId: string }> {
    const batch = await this.dataSource.transaction(async (manager) => {
      const [session]: { id: string }[] = await manager.query(
        `SELECT id FROM course_session WHERE id = $1`,
        [sessionId],
      );
      if (!session) {
        throw new CertificateException(
          CertificateErrorCode.SessionNotFound,
          `No session with id ${sessionId}.`,
        );
      }
      const issuedOn = todayInMorocco();
      const year = Number(issuedOn.slice(0, 4));
      // Lock the year's counter before reading who is missing: a concurrent batch has committed by then.
      await reserveSerials(manager, year, 0);
      const completers = await uncertifiedCompleters(manager, sessionId);
      // Holders who have not proven their address are skipped (see assertHolderConfirmed): a
      // later batch issues theirs once they confirm.
      const missing = completers.filter((facts) => facts.emailConfirmed);
      const unconfirmed = completers.length - missing.length;
      if (missing.length > 0) {
        const serials = await reserveSerials(manager, year, missing.length);
        await manager
          .createQueryBuilder()
          .insert()
          .into(Certificate)
          .values(
            missing.map((facts, index) =>
              snapshotOf(facts, { serial: serials[index], issuedBy: actor.id, issuedOn }),
            ),
          )
          .orIgnore()
          .execute();
      }
      const covered: { id: string }[] = await manager.query(
        `SELECT c.id FROM certificate c JOIN enrollment e ON e.id = c.enrollment_id
          WHERE c.session_id = $1 AND e.status = 'completed' AND c.replaced_by_id IS NULL`,
        [sessionId],
      );
      const batch = await manager.save(
        manager.create(CertificateBatch, {
          sessionId,
          startedBy: actor.id,
          total: covered.length,
        }),
      );
      if (covered.length > 0) {
        await manager.insert(
          CertificateBatchItem,
          covered.map((row) => ({ batchId: batch.id, certificateId: row.id })),
        );
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'certificate.batch_issued',
        subjectType: 'session',
        subjectId: sessionId,
        data: {
          batchId: batch.id,
          created: missing.length,
          total: covered.length,
          skippedUnconfirmed: unconfirmed,
        },
      });
      return batch;
    });
    this.renders.dispatchPending();
    return { jobId: batch.id };
  }

  /**
   * Progress counted from the certificates, so it is true after any worker restart. Visible to
   * administrators (the starter or another); anyone else gets 404, as for an unknown job.
   */
  async progress(actor: AuthenticatedUser, jobId: string): Promise<JobDto> {
    const notFound = new CertificateException(
      CertificateErrorCode.JobNotFound,
      `No job with id ${jobId}.`,
    );
    const [row]: { startedBy: string; total: number; done: number; failed: number }[] =
      await this.dataSource.query(
        `SELECT b.started_by AS "startedBy", b.total,
                count(*) FILTER (WHERE c.render_state = 'rendered')::int AS done,
                count(*) FILTER (WHERE c.render_state = 'failed')::int AS failed
           FROM certificate_batch b
           LEFT JOIN certificate_batch_item i ON i.batch_id = b.id
           LEFT JOIN certificate c ON c.id = i.certificate_id
          WHERE b.id = $1
          GROUP BY b.id`,
        [jobId],
      );
    if (!row) throw notFound;
    if (row.startedBy !== actor.id && !actor.roles.includes('admin')) throw notFound;
    return jobProgress(jobId, row);
  }
}

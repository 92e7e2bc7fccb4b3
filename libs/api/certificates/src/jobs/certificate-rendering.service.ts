import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { User } from '@oris/api/identity';
import { EmailOutbox } from '@oris/api/notifications';
import { AppConfig, FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import { CredentialIssuing } from '../credentials/credential-issuing';
import { Certificate } from '../entities/certificate.entity';
import { RenderThreadPool } from '../rendering/render-thread-pool';
import { certificateStorageKey, toCertificateDocument } from './certificate-document.mapper';

export type RenderResult = 'rendered' | 'skipped';

/**
 * Renders a certificate's PDF, stores it, and records it with its email — idempotently, so a
 * crash anywhere re-runs to one file, one record and one email:
 * - the PDF is a pure function of the snapshot and goes to a key derived from the id, so a re-run
 *   overwrites the same file with the same bytes;
 * - the record and the email's outbox row are written in one transaction, and only while the
 *   row is still `pending` under its lock: a second run finds it rendered and stops.
 */
@Injectable()
export class CertificateRendering {
  private readonly logger = new Logger(CertificateRendering.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderThreads: RenderThreadPool,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly outbox: EmailOutbox,
    private readonly config: AppConfig,
    private readonly credentials: CredentialIssuing,
  ) {}

  async render(certificateId: string): Promise<RenderResult> {
    const certificate = await this.dataSource
      .getRepository(Certificate)
      .findOneBy({ id: certificateId });
    if (!certificate || certificate.renderState !== 'pending') return 'skipped';

    // The credential as a VC-JWT, signed here (the same bytes on a re-run: deterministic
    // signature, fixed signing time), attached to the PDF and stored with the record. Its Data
    // Integrity form is signed from it on first download (CredentialIssuing says why).
    const credentialJwt = await this.credentials.issueJwt(certificate);
    // Drawn on a render thread: this thread keeps serving the queues while pdfkit works.
    const pdf = await this.renderThreads.render({
      ...toCertificateDocument(certificate, this.config.PUBLIC_WEB_URL),
      credentialJwt,
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const storageKey = certificateStorageKey(certificate.id);
    await this.storage.put(storageKey, pdf);

    const result = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Certificate, {
        where: { id: certificateId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current || current.renderState !== 'pending') return 'skipped' as const;
      const holder = await manager.findOne(User, {
        where: { id: current.userId },
        select: { id: true, email: true, fullName: true, locale: true, disabledAt: true },
      });
      // No email for a certificate revoked before its PDF existed, nor to a disabled account.
      const emailOutboxId =
        holder && !holder.disabledAt && current.status === 'valid'
          ? await this.outbox.addReturningId(manager, {
              to: holder.email,
              template: 'certificate_issued',
              locale: holder.locale,
              params: {
                // Greeted in the script of the email's language when the name was given in it.
                fullName:
                  holder.locale === 'ar' && current.holderNameAr
                    ? current.holderNameAr
                    : current.holderName,
                courseTitle: current.courseTitle,
                serial: current.serial,
                completedOn: current.completedOn,
                verificationCode: current.verificationCode,
              },
              userId: holder.id,
              attachments: [
                { filename: `${current.serial}.pdf`, storageKey, contentType: 'application/pdf' },
              ],
            })
          : null;
      await manager.update(Certificate, certificateId, {
        renderState: 'rendered',
        renderedAt: new Date(),
        sha256,
        storageKey,
        renderError: null,
        renderAttempts: current.renderAttempts + 1,
        emailOutboxId,
        credentialJwt,
      });
      return 'rendered' as const;
    });
    if (result === 'rendered') this.outbox.dispatchPending();
    return result;
  }

  /** Records a failed attempt; the last one marks the certificate `failed` (batch progress counts it). */
  async recordFailure(certificateId: string, error: unknown, lastAttempt: boolean): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
    await this.dataSource.query(
      `UPDATE certificate
          SET render_attempts = render_attempts + 1, render_error = $2,
              render_state = CASE WHEN $3::boolean THEN 'failed' ELSE render_state END
        WHERE id = $1 AND render_state = 'pending'`,
      [certificateId, message, lastAttempt],
    );
    if (lastAttempt)
      this.logger.error(`Certificate ${certificateId} could not be rendered: ${message}`);
    else this.logger.warn(`Certificate ${certificateId} render failed, will retry: ${message}`);
  }
}

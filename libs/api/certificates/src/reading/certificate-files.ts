import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { FILE_STORAGE, type FileStorage, type AuthenticatedUser } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import { CertificateReader } from './certificate-reader';

/** The stored PDF of a certificate, for its holder and administrators. */
@Injectable()
export class CertificateFiles {
  constructor(
    private readonly reader: CertificateReader,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async pdf(user: AuthenticatedUser, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const certificate = await this.reader.visible(user, id);
    const [holder]: { erased: boolean }[] = await this.dataSource.query(
      `SELECT erased_at IS NOT NULL AS erased FROM users WHERE id = $1`,
      [certificate.userId],
    );
    if (holder?.erased) {
      throw new CertificateException(
        CertificateErrorCode.PdfErased,
        `${certificate.serial} stays verifiable, but its PDF, which printed the name, was deleted.`,
      );
    }
    if (certificate.renderState !== 'rendered' || !certificate.storageKey) {
      throw new CertificateException(
        CertificateErrorCode.NotRendered,
        certificate.renderState === 'failed'
          ? `The PDF of ${certificate.serial} could not be rendered; an administrator has been told.`
          : `The PDF of ${certificate.serial} is being rendered; try again in a moment.`,
      );
    }
    const bytes = await this.storage.get(certificate.storageKey);
    // Law 09-08: staff downloading someone's certificate leaves a trace; the holder does not.
    if (certificate.userId !== user.id) {
      await this.audit.record(this.dataSource.manager, {
        actorId: user.id,
        action: 'certificate.pdf_downloaded',
        subjectType: 'user',
        subjectId: certificate.userId,
        data: { certificateId: certificate.id, serial: certificate.serial },
      });
    }
    return { bytes, filename: `${certificate.serial}.pdf` };
  }
}

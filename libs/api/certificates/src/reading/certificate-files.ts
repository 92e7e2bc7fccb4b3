import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { FILE_STORAGE, type FileStorage, type AuthenticatedUser } from '@oris/api/platform';
import { DataSource, IsNull } from 'typeorm';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import { CredentialIssuing } from '../credentials/credential-issuing';
import { Certificate } from '../entities/certificate.entity';
import {
  credentialAttachmentName,
  credentialJwtAttachmentName,
} from '../rendering/certificate-renderer';
import { CertificateReader } from './certificate-reader';

/** The forms a credential is downloaded in: JSON (Data Integrity proof) or VC-JWT. */
export const CREDENTIAL_FORMATS = ['json', 'jwt'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** The stored PDF and the signed credential of a certificate, for its holder and administrators. */
@Injectable()
export class CertificateFiles {
  constructor(
    private readonly reader: CertificateReader,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credentials: CredentialIssuing,
  ) {}

  async pdf(user: AuthenticatedUser, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const certificate = await this.rendered(user, id);
    const bytes = await this.storage.get(certificate.storageKey as string);
    await this.recordStaffDownload(user, certificate, 'certificate.pdf_downloaded');
    return { bytes, filename: `${certificate.serial}.pdf` };
  }

  /**
   * The signed Open Badges credential, as a VC-JWT (the one attached to the PDF) or as JSON with
   * its Data Integrity proof over the same statements. What is not stored yet is signed now, once,
   * and stored: the Data Integrity form on its first download, and the JWT of a certificate
   * rendered before credentials existed (or, before VC-JWTs, from its stored JSON's statements).
   */
  async credential(
    user: AuthenticatedUser,
    id: string,
    format: CredentialFormat = 'json',
  ): Promise<{ bytes: Buffer; filename: string }> {
    const certificate = await this.rendered(user, id);
    let { credential: json, credentialJwt: jwt } = certificate;
    if (!jwt) {
      jwt = json
        ? await this.credentials.jwtOf(certificate, json)
        : await this.credentials.issueJwt(certificate);
      await this.certificates().update(
        { id: certificate.id, credentialJwt: IsNull() },
        { credentialJwt: jwt },
      );
    }
    if (!json && format === 'json') {
      json = await this.credentials.dataIntegrityOf(certificate, jwt);
      await this.certificates().update(
        { id: certificate.id, credential: IsNull() },
        { credential: json },
      );
    }
    await this.recordStaffDownload(user, certificate, 'certificate.credential_downloaded');
    return format === 'jwt'
      ? { bytes: Buffer.from(jwt), filename: credentialJwtAttachmentName(certificate.serial) }
      : {
          bytes: Buffer.from(json as string),
          filename: credentialAttachmentName(certificate.serial),
        };
  }

  private certificates() {
    return this.dataSource.getRepository(Certificate);
  }

  /** A certificate the user may see, whose files exist (rendered, holder not erased). */
  private async rendered(user: AuthenticatedUser, id: string): Promise<Certificate> {
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
    return certificate;
  }

  // Law 09-08: staff downloading someone's certificate leaves a trace; the holder does not.
  private async recordStaffDownload(
    user: AuthenticatedUser,
    certificate: Certificate,
    action: string,
  ): Promise<void> {
    if (certificate.userId === user.id) return;
    await this.audit.record(this.dataSource.manager, {
      actorId: user.id,
      action,
      subjectType: 'user',
      subjectId: certificate.userId,
      data: { certificateId: certificate.id, serial: certificate.serial },
    });
  }
}

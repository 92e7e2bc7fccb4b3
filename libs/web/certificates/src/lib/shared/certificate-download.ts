import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { ApiError } from '@oris/shared/api-client';
import { CertificatesApi } from '../certificates-api';
import type { Certificate } from './certificate-types';
import { saveFile } from '@oris/web/ui';
import { certificateFilename, credentialFilename } from './certificate-filename';

/**
 * Downloads certificates' PDFs and Open Badges credentials, remembering which one is on its way
 * and what went wrong.
 */
@Injectable()
export class CertificateDownload {
  private readonly certificates = inject(CertificatesApi);
  private readonly document = inject(DOCUMENT);

  /** The id of the certificate being fetched, if any. */
  readonly pending = signal<string | null>(null);
  readonly problem = signal<ApiError | null>(null);

  download(certificate: Pick<Certificate, 'id' | 'serial'>): Promise<void> {
    return this.save(
      certificate,
      () => this.certificates.pdf(certificate.id),
      certificateFilename(certificate.serial),
    );
  }

  downloadCredential(certificate: Pick<Certificate, 'id' | 'serial'>): Promise<void> {
    return this.save(
      certificate,
      () => this.certificates.credential(certificate.id),
      credentialFilename(certificate.serial),
    );
  }

  private async save(
    certificate: Pick<Certificate, 'id'>,
    fetch: () => Promise<Blob>,
    filename: string,
  ): Promise<void> {
    this.pending.set(certificate.id);
    this.problem.set(null);
    try {
      saveFile(await fetch(), filename, this.document);
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.pending.set(null);
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { FILE_STORAGE, type FileStorage, type AuthenticatedUser } from '@oris/api/platform';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import { CertificateReader } from './certificate-reader';

/** The stored PDF of a certificate, for its holder and administrators. */
@Injectable()
export class CertificateFiles {
  constructor(
    private readonly reader: CertificateReader,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async pdf(user: AuthenticatedUser, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const certificate = await this.reader.visible(user, id);
    if (certificate.renderState !== 'rendered' || !certificate.storageKey) {
      throw new CertificateException(
        CertificateErrorCode.NotRendered,
        certificate.renderState === 'failed'
          ? `The PDF of ${certificate.serial} could not be rendered; an administrator has been told.`
          : `The PDF of ${certificate.serial} is being rendered; try again in a moment.`,
      );
    }
    return {
      bytes: await this.storage.get(certificate.storageKey),
      filename: `${certificate.serial}.pdf`,
    };
  }
}

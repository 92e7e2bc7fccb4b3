import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@oris/api/identity';
import { CertificateBatches } from './batches/certificate-batches.service';
import { CertificateErasure } from './erasure/certificate-erasure';
import { CertificateBatch, CertificateBatchItem } from './entities/certificate-batch.entity';
import { Certificate } from './entities/certificate.entity';
import { CertificatesController } from './http/certificates.controller';
import { EnrollmentCertificateController } from './http/enrollment-certificate.controller';
import { MeCertificatesController } from './http/me-certificates.controller';
import { PdfBodyParser } from './http/pdf-body-parser';
import { SessionCertificatesController } from './http/session-certificates.controller';
import { VerificationController } from './http/verification.controller';
import { VerificationLookupController } from './http/verification-lookup.controller';
import { CertificateIssuer } from './issuing/certificate-issuer.service';
import { RenderQueue, renderQueueProvider } from './issuing/render-queue';
import { CertificateFiles } from './reading/certificate-files';
import { CertificateReader } from './reading/certificate-reader';
import { CertificateRevocation } from './revocation/certificate-revocation.service';
import { CertificateVerification } from './verification/certificate-verification.service';
import { VerificationCache } from './verification/verification-cache';
import { VerificationRateLimit } from './verification/verification-rate-limit';

/**
 * Certificates on the API side: issuing (one, or a session's batch), progress, download, lists,
 * revocation and public verification. It never renders: renders go to the worker's queue.
 * Needs `JobsModule`, `DatabaseModule` and a `FILE_STORAGE` provider.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Certificate, CertificateBatch, CertificateBatchItem]),
    IdentityModule,
  ],
  controllers: [
    EnrollmentCertificateController,
    SessionCertificatesController,
    MeCertificatesController,
    CertificatesController,
    VerificationController,
    VerificationLookupController,
  ],
  providers: [
    renderQueueProvider,
    RenderQueue,
    CertificateIssuer,
    CertificateBatches,
    CertificateReader,
    CertificateFiles,
    CertificateRevocation,
    VerificationRateLimit,
    VerificationCache,
    CertificateVerification,
    PdfBodyParser,
    CertificateErasure,
  ],
  exports: [CertificateIssuer, CertificateBatches, RenderQueue],
})
export class CertificatesModule {}

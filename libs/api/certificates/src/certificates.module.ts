import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@oris/api/identity';
import { IdempotencyModule } from '@oris/api/platform';
import { FailedRenders } from './attention/failed-renders';
import { CertificateBatches } from './batches/certificate-batches.service';
import { CredentialIssuing } from './credentials/credential-issuing';
import { CredentialSigner } from './credentials/credential-signer';
import { CredentialStatusLists } from './credentials/credential-status-lists';
import { CredentialVerifier } from './credentials/credential-verifier';
import { IssuerIdentity } from './credentials/issuer-identity';
import { CertificateErasure } from './erasure/certificate-erasure';
import { CertificateBatch, CertificateBatchItem } from './entities/certificate-batch.entity';
import { Certificate } from './entities/certificate.entity';
import { CertificatesController } from './http/certificates.controller';
import { CredentialsController } from './http/credentials.controller';
import { EnrollmentCertificateController } from './http/enrollment-certificate.controller';
import { MeCertificatesController } from './http/me-certificates.controller';
import { JwtBodyParser } from './http/jwt-body-parser';
import { PdfBodyParser } from './http/pdf-body-parser';
import { SessionCertificatesController } from './http/session-certificates.controller';
import { VerificationController } from './http/verification.controller';
import { VerificationLookupController } from './http/verification-lookup.controller';
import { CertificateIssuer } from './issuing/certificate-issuer.service';
import { RenderQueue, renderQueueProvider } from './issuing/render-queue';
import { CertificateFiles } from './reading/certificate-files';
import { CertificateReader } from './reading/certificate-reader';
import { CertificateReissue } from './revocation/certificate-reissue.service';
import { CertificateRevocation } from './revocation/certificate-revocation.service';
import { CertificateVerification } from './verification/certificate-verification.service';
import { VerificationCache } from './verification/verification-cache';
import { VerificationRateLimit } from './verification/verification-rate-limit';

/**
 * Certificates on the API side: issuing (one, or a session's batch), progress, download, lists,
 * revocation, re-issue after a correction and public verification, of the PDFs and of the Open Badges
 * credentials (the issuer's DID document, the revocation status lists, `verify/credential`). It never
 * renders: renders go to the worker's queue.
 * Needs `JobsModule`, `DatabaseModule` and a `FILE_STORAGE` provider.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Certificate, CertificateBatch, CertificateBatchItem]),
    IdentityModule,
    IdempotencyModule,
  ],
  controllers: [
    EnrollmentCertificateController,
    SessionCertificatesController,
    MeCertificatesController,
    CertificatesController,
    VerificationController,
    CredentialsController,
    VerificationLookupController,
  ],
  providers: [
    FailedRenders,
    renderQueueProvider,
    RenderQueue,
    CertificateIssuer,
    CertificateBatches,
    CertificateReader,
    CertificateFiles,
    CertificateRevocation,
    CertificateReissue,
    VerificationRateLimit,
    VerificationCache,
    CertificateVerification,
    PdfBodyParser,
    JwtBodyParser,
    CertificateErasure,
    IssuerIdentity,
    CredentialSigner,
    CredentialIssuing,
    CredentialStatusLists,
    CredentialVerifier,
  ],
  exports: [CertificateIssuer, CertificateBatches, RenderQueue, FailedRenders],
})
export class CertificatesModule {}

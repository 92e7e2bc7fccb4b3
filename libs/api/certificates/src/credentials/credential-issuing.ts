import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@oris/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Certificate } from '../entities/certificate.entity';
import { credentialOfJwt } from './credential-jwt';
import { CredentialSigner } from './credential-signer';
import { IssuerIdentity } from './issuer-identity';
import { openBadgeCredential, type CredentialFacts } from './open-badge-credential';
import type { JsonObject } from './vc-libraries';

interface CourseFacts {
  course_id: string;
  code: string;
  summary: string;
  languages: Locale[];
  learning_outcomes: string[];
  requires_modules: boolean;
  min_attendance_percent: number | null;
  requires_trainer_validation: boolean;
}

/**
 * Issues a certificate's Open Badges credential: the certificate's snapshot with its course's
 * code, summary, languages, rules and learning outcomes, signed by ORIS, in the two forms Open
 * Badges 3.0 allows — the same statements under the same key:
 * - the VC-JWT is signed by the worker as it renders the PDF (a fraction of a millisecond), then
 *   stored with the certificate and attached to the PDF: its statements are the credential's;
 * - the Data Integrity form (eddsa-rdfc-2022: milliseconds of JSON-LD canonicalisation, which
 *   would add more than half to each certificate's rendering) is signed on its first download,
 *   over the JWT's statements (so a course edited since changes nothing), and stored.
 * Both proofs' time is the issue instant and Ed25519 is deterministic, so signing again, now or
 * later, gives the same bytes.
 */
@Injectable()
export class CredentialIssuing {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuer: IssuerIdentity,
    private readonly signer: CredentialSigner,
  ) {}

  /** The VC-JWT of a certificate, from its snapshot and its course's facts as they are now. */
  async issueJwt(certificate: Certificate, manager?: EntityManager): Promise<string> {
    return this.signer.signJwt(await this.unsigned(certificate, manager), certificate.issuedAt);
  }

  /** The Data Integrity form (JSON text) of the statements a certificate's VC-JWT carries. */
  async dataIntegrityOf(certificate: Certificate, jwt: string): Promise<string> {
    const signed = await this.signer.sign(credentialOfJwt(jwt), certificate.issuedAt);
    return JSON.stringify(signed);
  }

  /**
   * The VC-JWT of a certificate whose Data Integrity credential is stored (signed before JWTs
   * were): the same statements, without the proof, so no course fact is read again.
   */
  jwtOf(certificate: Certificate, storedJson: string): Promise<string> {
    return this.signer.signJwt(JSON.parse(storedJson) as JsonObject, certificate.issuedAt);
  }

  /** The unsigned credential of a certificate, with its course's facts. */
  async unsigned(certificate: Certificate, manager?: EntityManager): Promise<JsonObject> {
    const [course]: CourseFacts[] = await (manager ?? this.dataSource.manager).query(
      `SELECT c.id AS course_id, c.code, c.summary, c.languages, c.learning_outcomes,
              c.requires_modules, c.min_attendance_percent, c.requires_trainer_validation
         FROM course_session s JOIN course c ON c.id = s.course_id
        WHERE s.id = $1`,
      [certificate.sessionId],
    );
    const facts: CredentialFacts = {
      certificateId: certificate.id,
      serial: certificate.serial,
      holderName: certificate.holderName,
      holderNameAr: certificate.holderNameAr,
      courseId: course.course_id,
      courseCode: course.code,
      courseTitle: certificate.courseTitle,
      courseSummary: course.summary,
      courseLanguages: course.languages,
      hours: certificate.hours,
      learningOutcomes: course.learning_outcomes,
      requiresModules: course.requires_modules,
      minAttendancePercent: course.min_attendance_percent,
      requiresTrainerValidation: course.requires_trainer_validation,
      sessionStartsOn: certificate.sessionStartsOn,
      sessionEndsOn: certificate.sessionEndsOn,
      completedOn: certificate.completedOn,
      issuedAt: certificate.issuedAt,
      statusListIndex: certificate.credentialStatusIndex,
    };
    return openBadgeCredential(facts, {
      webUrl: this.issuer.webUrl,
      issuer: this.issuer.profile(),
      statusListUrl: (list) => this.issuer.statusListUrl(list),
    });
  }
}

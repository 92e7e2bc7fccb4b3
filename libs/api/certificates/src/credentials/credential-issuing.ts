import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@oris/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Certificate } from '../entities/certificate.entity';
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

/** A certificate's credential in both forms, as stored and attached to the PDF. */
export interface IssuedCredential {
  /** The Data Integrity form (JSON text). */
  json: string;
  /** The VC-JWT form (compact JWS). */
  jwt: string;
}

/**
 * Issues a certificate's Open Badges credential: the certificate's snapshot with its course's
 * code, summary, languages, rules and learning outcomes (read when the credential is signed, by
 * the worker as it renders the PDF, and then stored with the certificate), signed by ORIS.
 * The proof's time is the issue instant, so signing again gives the same credential. It is signed
 * in both forms: Data Integrity (JSON-LD) and VC-JWT, the same statements under the same key.
 */
@Injectable()
export class CredentialIssuing {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuer: IssuerIdentity,
    private readonly signer: CredentialSigner,
  ) {}

  async issue(certificate: Certificate, manager?: EntityManager): Promise<IssuedCredential> {
    const unsigned = await this.unsigned(certificate, manager);
    const [signed, jwt] = await Promise.all([
      this.signer.sign(unsigned, certificate.issuedAt),
      this.signer.signJwt(unsigned, certificate.issuedAt),
    ]);
    return { json: JSON.stringify(signed), jwt };
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

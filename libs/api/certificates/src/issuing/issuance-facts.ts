import { randomInt } from 'node:crypto';
import type { EnrollmentStatus, Locale } from '@oris/shared/domain';
import { VERIFICATION_ALPHABET, VERIFICATION_CODE_LENGTH } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import { Certificate } from '../entities/certificate.entity';

/** Everything a certificate snapshots, read in one query with the enrollment's status. */
export interface IssuanceFacts {
  enrollmentId: string;
  status: EnrollmentStatus;
  userId: string;
  sessionId: string;
  completedOn: string | null;
  holderName: string;
  holderNameAr: string | null;
  locale: Locale;
  /** The holder proved their address: a certificate (emailed, and bearing their name) needs it. */
  emailConfirmed: boolean;
  courseTitle: string;
  hours: number;
  sessionStartsOn: string;
  sessionEndsOn: string;
  regionCode: string;
  regionName: string;
  regionNameAr: string;
}

const FACTS_SQL = `
  SELECT e.id AS "enrollmentId", e.status, e.user_id AS "userId", e.session_id AS "sessionId",
         e.completed_on::text AS "completedOn",
         u.full_name AS "holderName", u.full_name_ar AS "holderNameAr", u.locale,
         u.email_confirmed_at IS NOT NULL AS "emailConfirmed",
         c.title AS "courseTitle", c.duration_hours AS hours,
         s.starts_on::text AS "sessionStartsOn", s.ends_on::text AS "sessionEndsOn",
         s.region_code AS "regionCode", r.name_fr AS "regionName", r.name_ar AS "regionNameAr"
    FROM enrollment e
    JOIN users u ON u.id = e.user_id
    JOIN course_session s ON s.id = e.session_id
    JOIN course c ON c.id = s.course_id
    JOIN region r ON r.code = s.region_code`;

export async function factsOfEnrollment(
  manager: EntityManager,
  enrollmentId: string,
): Promise<IssuanceFacts | undefined> {
  const rows: IssuanceFacts[] = await manager.query(`${FACTS_SQL} WHERE e.id = $1`, [enrollmentId]);
  return rows[0];
}

/** The completers of a session who have no certificate yet, in a stable order (serials follow it). */
export async function uncertifiedCompleters(
  manager: EntityManager,
  sessionId: string,
): Promise<IssuanceFacts[]> {
  return manager.query(
    `${FACTS_SQL}
      WHERE e.session_id = $1 AND e.status = 'completed'
        AND NOT EXISTS (SELECT 1 FROM certificate x WHERE x.enrollment_id = e.id)
      ORDER BY e.completed_on, u.full_name, e.id`,
    [sessionId],
  );
}

/**
 * Takes the next `count` serials of a year, gapless: the counter row stays locked until the
 * caller's transaction ends, and a rollback gives the numbers back. `count = 0` only locks, so
 * that a batch reads the completers after any concurrent issuance of the same year committed.
 */
export async function reserveSerials(
  manager: EntityManager,
  year: number,
  count: number,
): Promise<string[]> {
  const [row]: { last_value: number }[] = await manager.query(
    `INSERT INTO certificate_serial (year, last_value) VALUES ($1, $2)
     ON CONFLICT (year) DO UPDATE SET last_value = certificate_serial.last_value + $2
     RETURNING last_value`,
    [year, count],
  );
  const first = row.last_value - count + 1;
  return Array.from({ length: count }, (_, index) => formatSerial(year, first + index));
}

export const formatSerial = (year: number, value: number) =>
  `ORIS-${year}-${String(value).padStart(6, '0')}`;

/**
 * 30 symbols of the readable alphabet (about 147 bits), each drawn uniformly from the system's
 * secure random source: upper case and no look-alike characters, so a code typed from paper
 * works. Codes issued before (base64url) keep verifying.
 */
export function newVerificationCode(): string {
  let code = '';
  for (let index = 0; index < VERIFICATION_CODE_LENGTH; index++)
    code += VERIFICATION_ALPHABET[randomInt(VERIFICATION_ALPHABET.length)];
  return code;
}

/** What the certificate row copies from the facts. */
export function snapshotOf(
  facts: IssuanceFacts,
  issue: { serial: string; issuedBy: string; issuedOn: string },
): Partial<Certificate> {
  return {
    enrollmentId: facts.enrollmentId,
    userId: facts.userId,
    sessionId: facts.sessionId,
    serial: issue.serial,
    verificationCode: newVerificationCode(),
    holderName: facts.holderName,
    holderNameAr: facts.holderNameAr,
    courseTitle: facts.courseTitle,
    hours: facts.hours,
    sessionStartsOn: facts.sessionStartsOn,
    sessionEndsOn: facts.sessionEndsOn,
    regionCode: facts.regionCode,
    regionName: facts.regionName,
    regionNameAr: facts.regionNameAr,
    completedOn: facts.completedOn as string,
    locale: facts.locale,
    issuedBy: issue.issuedBy,
    issuedOn: issue.issuedOn,
  };
}

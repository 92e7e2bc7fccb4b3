import type { Locale } from '@oris/shared/domain';
import { OPEN_BADGES_CONTEXT, VC_V2_CONTEXT } from './document-loader';
import { statusEntry } from './status-list';
import type { JsonObject } from './vc-libraries';

/** What an ORIS credential states: the certificate's snapshot and the course's rules. */
export interface CredentialFacts {
  certificateId: string;
  serial: string;
  holderName: string;
  holderNameAr: string | null;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  courseSummary: string;
  /** The course's teaching languages, the first one being the title's. */
  courseLanguages: Locale[];
  hours: number;
  learningOutcomes: string[];
  requiresModules: boolean;
  minAttendancePercent: number | null;
  requiresTrainerValidation: boolean;
  /** ISO dates (YYYY-MM-DD). */
  sessionStartsOn: string;
  sessionEndsOn: string;
  completedOn: string;
  issuedAt: Date;
  /** The certificate's position in the revocation status lists. */
  statusListIndex: number;
}

/** Where the credential points: the web app (course pages) and the status lists. */
export interface CredentialLinks {
  webUrl: string;
  issuer: JsonObject;
  statusListUrl: (list: number) => string;
}

/** `2026-12-01T09:30:00Z`: seconds, UTC (XML Schema dateTimeStamp, as VC 2.0 wants). */
export const dateTimeStamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');
const dayStart = (day: string) => `${day}T00:00:00Z`;

/** What completing the course took, in words (Markdown), for `achievement.criteria.narrative`. */
export function criteriaNarrative(facts: CredentialFacts): string {
  const rules = [
    `Follow the ${facts.hours}-hour course “${facts.courseTitle}” (${facts.courseCode}) in a session of ORIS Academy.`,
  ];
  if (facts.requiresModules) rules.push('Complete every module of the course.');
  if (facts.minAttendancePercent !== null) {
    rules.push(`Attend at least ${facts.minAttendancePercent}% of the session.`);
  }
  if (facts.requiresTrainerValidation) rules.push('Be validated by the session’s trainer.');
  const lines = rules.map((rule) => `- ${rule}`);
  if (facts.learningOutcomes.length > 0) {
    lines.push(
      '',
      'Learning outcomes:',
      ...facts.learningOutcomes.map((outcome) => `- ${outcome}`),
    );
  }
  return lines.join('\n');
}

/**
 * The unsigned Open Badges 3.0 `OpenBadgeCredential` (a W3C VC 2.0) of a certificate: the course
 * as an `Achievement` (title, code, summary, hours as `creditsAvailable`, criteria with the
 * learning outcomes), a `Completed` result, the session's dates, the holder by name (the
 * certificate's holder has no DID), and the revocation entry in a Bitstring Status List.
 * A pure function of its input: the same certificate always gives the same credential.
 */
export function openBadgeCredential(facts: CredentialFacts, links: CredentialLinks): JsonObject {
  const achievementId = `${links.webUrl}/catalogue/${facts.courseId}`;
  const completion = `${achievementId}#completion`;
  const names = [facts.holderName, facts.holderNameAr].filter((name): name is string => !!name);
  return {
    '@context': [VC_V2_CONTEXT, OPEN_BADGES_CONTEXT],
    id: `urn:uuid:${facts.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${facts.courseTitle} — ${facts.serial}`,
    description: `ORIS Academy certificate ${facts.serial}: ${facts.courseTitle}, ${facts.hours} h, completed on ${facts.completedOn}.`,
    issuer: links.issuer,
    validFrom: dateTimeStamp(facts.issuedAt),
    awardedDate: dateTimeStamp(facts.issuedAt),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: names.map((name) => ({
        type: 'IdentityObject',
        hashed: false,
        identityHash: name,
        identityType: 'name',
      })),
      activityStartDate: dayStart(facts.sessionStartsOn),
      activityEndDate: dayStart(facts.sessionEndsOn),
      creditsEarned: facts.hours,
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'Course',
        humanCode: facts.courseCode,
        name: facts.courseTitle,
        description: facts.courseSummary || facts.courseTitle,
        criteria: { id: achievementId, narrative: criteriaNarrative(facts) },
        creditsAvailable: facts.hours,
        ...(facts.courseLanguages[0] && { inLanguage: facts.courseLanguages[0] }),
        resultDescription: [
          {
            id: completion,
            type: ['ResultDescription'],
            name: 'Course completion',
            resultType: 'Status',
          },
        ],
      },
      result: [{ type: ['Result'], resultDescription: completion, status: 'Completed' }],
    },
    credentialStatus: statusEntry(facts.statusListIndex, links.statusListUrl),
  };
}

/** Vocabularies and pure rules of enrollment, progress and completion (server and web app). */
import type { SessionStatus } from './catalogue';

export const ENROLLMENT_STATUSES = [
  'pending',
  'confirmed',
  'waitlisted',
  'withdrawn',
  'completed',
  'not_completed',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Still waiting or taking part: the trainee (or an administrator) may withdraw. */
export const OPEN_ENROLLMENT_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const;

/** Statuses that hold one of the session's seats (`course_session.confirmed_count`). */
export const SEAT_HOLDING_STATUSES = ['confirmed', 'completed', 'not_completed'] as const;

/** Why an enrollment was withdrawn. */
export const WITHDRAWAL_REASONS = ['trainee', 'staff', 'rejected', 'session_cancelled'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export const isOpenEnrollment = (status: EnrollmentStatus): boolean =>
  (OPEN_ENROLLMENT_STATUSES as readonly EnrollmentStatus[]).includes(status);

export const holdsSeat = (status: EnrollmentStatus): boolean =>
  (SEAT_HOLDING_STATUSES as readonly EnrollmentStatus[]).includes(status);

/** Who asks for an enrollment: the person themself, a trainer of the session, or an administrator. */
export type EnrollingActor = 'self' | 'trainer' | 'admin';

export interface EnrollmentWindow {
  status: SessionStatus;
  opensOn: string;
  closesOn: string;
}

export type AdmissionRefusal =
  | { reason: 'session_cancelled' }
  | { reason: 'session_not_open'; status: SessionStatus }
  | { reason: 'window_not_open'; opensOn: string }
  | { reason: 'window_closed'; closesOn: string };

/**
 * Whether a session takes this enrollment today ('YYYY-MM-DD', Morocco). Trainees and trainers
 * enroll only in an open session within its window; administrators record any cohort but a
 * cancelled one, whatever the dates (past cohorts).
 */
export function admissionRefusal(
  session: EnrollmentWindow,
  actor: EnrollingActor,
  today: string,
): AdmissionRefusal | null {
  if (session.status === 'cancelled') return { reason: 'session_cancelled' };
  if (actor === 'admin') return null;
  if (session.status !== 'open') return { reason: 'session_not_open', status: session.status };
  if (today < session.opensOn) return { reason: 'window_not_open', opensOn: session.opensOn };
  if (today > session.closesOn) return { reason: 'window_closed', closesOn: session.closesOn };
  return null;
}

/** A course's completion rule, as the course stores it. */
export interface CompletionRule {
  requiresModules: boolean;
  /** Attendance threshold in percent of the meetings held; null when attendance does not count. */
  minAttendancePercent: number | null;
  requiresTrainerValidation: boolean;
  /**
   * Quizzes the trainee must pass (the quizzes of the course marked "required for completion");
   * absent or empty when no quiz counts.
   */
  requiredQuizzes?: readonly { quizId: string; title: string }[];
  /** Assignments the trainee must pass (marked "required for completion"); absent when none. */
  requiredAssignments?: readonly { assignmentId: string; title: string }[];
}

/** What is known about one enrollment when a trainer validates it. */
export interface CompletionFacts {
  /** Required published modules of the course, and how many of them the trainee marked done. */
  requiredModules: number;
  requiredModulesDone: number;
  /** Meetings of the session that have started, and how many of them the trainee attended. */
  meetingsHeld: number;
  meetingsAttended: number;
  /** Ids of the required quizzes the trainee has passed (by the quiz's grading method). */
  quizzesPassed?: readonly string[];
  /** Ids of the required assignments whose published grade passes their pass mark. */
  assignmentsPassed?: readonly string[];
}

export const COMPLETION_CRITERIA = [
  'required_modules',
  'attendance',
  'quizzes_passed',
  'assignments_passed',
  'trainer_validation',
] as const;
export type CompletionCriterion = (typeof COMPLETION_CRITERIA)[number];

export interface CriterionOutcome {
  criterion: CompletionCriterion;
  met: boolean;
  /** Plain-English statement with the figures, e.g. "attended 3 of 5 meetings held (60%); 80% required". */
  detail: string;
}

export interface CompletionEvaluation {
  met: boolean;
  /** Only the criteria the rule asks for, in the order above. */
  criteria: CriterionOutcome[];
  unmet: CriterionOutcome[];
}

/** Whole percent, rounded down, so 100 means everything; 0 when there is nothing to count. */
export const percentOf = (part: number, whole: number): number =>
  whole <= 0 ? 0 : Math.floor((Math.min(part, whole) * 100) / whole);

/**
 * Evaluates a course's completion rule. Attendance counts only once a meeting has been held
 * ("where attendance is taken"); the trainer's validation is the validating call itself, so it
 * is always met when evaluated for that call.
 */
export function evaluateCompletion(
  rule: CompletionRule,
  facts: CompletionFacts,
): CompletionEvaluation {
  const criteria: CriterionOutcome[] = [];
  if (rule.requiresModules) {
    const { requiredModules: total, requiredModulesDone: done } = facts;
    criteria.push({
      criterion: 'required_modules',
      met: done >= total,
      detail: `${done} of ${total} required module${total === 1 ? '' : 's'} done`,
    });
  }
  if (rule.minAttendancePercent !== null && rule.minAttendancePercent > 0) {
    const { meetingsHeld: held, meetingsAttended: attended } = facts;
    const percent = held === 0 ? 100 : (Math.min(attended, held) * 100) / held;
    criteria.push({
      criterion: 'attendance',
      met: percent >= rule.minAttendancePercent,
      detail:
        held === 0
          ? `no meeting held yet; ${rule.minAttendancePercent}% required once meetings are held`
          : `attended ${attended} of ${held} meeting${held === 1 ? '' : 's'} held ` +
            `(${Math.floor(percent)}%); ${rule.minAttendancePercent}% required`,
    });
  }
  const quizzes = rule.requiredQuizzes ?? [];
  if (quizzes.length > 0) {
    const passed = new Set(facts.quizzesPassed ?? []);
    const missing = quizzes.filter((quiz) => !passed.has(quiz.quizId));
    criteria.push({
      criterion: 'quizzes_passed',
      met: missing.length === 0,
      detail:
        `passed ${quizzes.length - missing.length} of ${quizzes.length} required ` +
        `quiz${quizzes.length === 1 ? '' : 'zes'}` +
        (missing.length ? `; not yet: ${missing.map((quiz) => quiz.title).join(', ')}` : ''),
    });
  }
  const assignments = rule.requiredAssignments ?? [];
  if (assignments.length > 0) {
    const passed = new Set(facts.assignmentsPassed ?? []);
    const missing = assignments.filter((assignment) => !passed.has(assignment.assignmentId));
    criteria.push({
      criterion: 'assignments_passed',
      met: missing.length === 0,
      detail:
        `passed ${assignments.length - missing.length} of ${assignments.length} required ` +
        `assignment${assignments.length === 1 ? '' : 's'}` +
        (missing.length ? `; not yet: ${missing.map((item) => item.title).join(', ')}` : ''),
    });
  }
  if (rule.requiresTrainerValidation) {
    criteria.push({
      criterion: 'trainer_validation',
      met: true,
      detail: 'validated by this request',
    });
  }
  const unmet = criteria.filter((outcome) => !outcome.met);
  return { met: unmet.length === 0, criteria, unmet };
}

/** Who records a completion, and of which session (days 'YYYY-MM-DD' in Morocco). */
export interface CompletionRecording {
  byAdministrator: boolean;
  sessionEndsOn: string;
  today: string;
}

/**
 * Whether recording a completion the platform's records do not show is an attestation the API
 * accepts: an administrator's, for a session that has ended (a past cohort). The API decides with
 * it (libs/api/enrollments, `decideCompletion`, for the route and the CSV import); the web form
 * uses it to tell the administrator beforehand.
 */
export const mayAttestCompletion = (recording: CompletionRecording): boolean =>
  recording.byAdministrator && recording.sessionEndsOn < recording.today;

/**
 * A completion validated before the session's last meeting has started is early: the trainee
 * has not had the whole training yet. The API refuses it unless the validator gives a reason
 * (kept on the enrollment and audited); the staff list uses the same rule to say beforehand who
 * may be validated now. A session without meetings has no such bound. `lastMeetingStartsAt` is
 * an ISO instant.
 */
export const isEarlyCompletion = (lastMeetingStartsAt: string | null, now: Date): boolean =>
  lastMeetingStartsAt !== null && Date.parse(lastMeetingStartsAt) > now.getTime();

/** The reason an early completion needs, as the API bounds it. */
export const EARLY_COMPLETION_REASON_MAX_LENGTH = 500;

export interface ModuleCounts {
  requiredTotal: number;
  requiredDone: number;
  publishedTotal: number;
  publishedDone: number;
}

/**
 * A trainee's progress in percent: over the required published modules, or over all published
 * modules when the course marks none as required.
 */
export const progressPercent = (counts: ModuleCounts): number =>
  counts.requiredTotal > 0
    ? percentOf(counts.requiredDone, counts.requiredTotal)
    : percentOf(counts.publishedDone, counts.publishedTotal);

/** Limits the API enforces on enrollment requests. */
export const ENROLLMENT_LIMITS = {
  attendanceEntriesMax: 1_000,
  idempotencyKeyMaxLength: 255,
} as const;

import type { Course } from '@oris/api/catalogue';
import {
  aggregateGrade,
  evaluateCompletion,
  isEarlyCompletion,
  isPassingGrade,
} from '@oris/shared/domain';
import type { QuizGradingMethod } from '@oris/shared/domain';
import type { CompletionEvaluation, CompletionFacts, CompletionRule } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import type { CompletionCheckDto } from '../dto/enrollment.dto';
import { moduleCounts } from '../progress/module-counts';

export const completionRuleOf = (course: Course): CompletionRule => ({
  requiresModules: course.requiresModules,
  minAttendancePercent: course.minAttendancePercent,
  requiresTrainerValidation: course.requiresTrainerValidation,
});

/**
 * The course's rule with the quizzes it requires passed (the course's quizzes marked "required
 * for completion", libs/api/activities); none for a course without such quizzes.
 */
export async function completionRuleFor(
  manager: EntityManager,
  course: Course,
): Promise<CompletionRule> {
  const requiredQuizzes: { quizId: string; title: string }[] = await manager.query(
    `SELECT id AS "quizId", title FROM quiz
      WHERE course_id = $1 AND required_for_completion ORDER BY created_at, id`,
    [course.id],
  );
  const requiredAssignments: { assignmentId: string; title: string }[] = await manager.query(
    `SELECT id AS "assignmentId", title FROM assignment
      WHERE course_id = $1 AND required_for_completion ORDER BY created_at, id`,
    [course.id],
  );
  return { ...completionRuleOf(course), requiredQuizzes, requiredAssignments };
}

/**
 * The required assignments an enrollment has passed: its submission's published grade (after
 * any late penalty) reaches the assignment's pass mark (libs/api/activities).
 */
async function assignmentsPassed(
  manager: EntityManager,
  enrollmentId: string,
  courseId: string,
): Promise<string[]> {
  const rows: { assignmentId: string }[] = await manager.query(
    `SELECT a.id AS "assignmentId"
       FROM assignment a
       JOIN assignment_submission s ON s.assignment_id = a.id AND s.enrollment_id = $1
      WHERE a.course_id = $2 AND a.required_for_completion
        AND s.status = 'graded' AND s.percent >= a.pass_mark_percent`,
    [enrollmentId, courseId],
  );
  return rows.map((row) => row.assignmentId);
}

/** The required quizzes an enrollment has passed, by each quiz's grading method and pass mark. */
async function quizzesPassed(
  manager: EntityManager,
  enrollmentId: string,
  courseId: string,
): Promise<string[]> {
  const rows: {
    quizId: string;
    method: QuizGradingMethod;
    passMark: number;
    percents: string[];
  }[] = await manager.query(
    `SELECT q.id AS "quizId", q.grading_method AS method, q.pass_mark_percent AS "passMark",
            array_agg(a.percent::text ORDER BY a.number) AS percents
       FROM quiz q
       JOIN quiz_attempt a ON a.quiz_id = q.id AND a.enrollment_id = $1 AND a.percent IS NOT NULL
      WHERE q.course_id = $2 AND q.required_for_completion
      GROUP BY q.id`,
    [enrollmentId, courseId],
  );
  return rows
    .filter((row) =>
      isPassingGrade(aggregateGrade(row.method, row.percents.map(Number)), row.passMark),
    )
    .map((row) => row.quizId);
}

/**
 * What the completion rule is checked against. A meeting is held once it has started; a held
 * meeting without a mark counts as absent.
 */
export async function completionFacts(
  manager: EntityManager,
  enrollmentId: string,
  sessionId: string,
  courseId?: string,
): Promise<CompletionFacts> {
  const counts = (await moduleCounts(manager, [enrollmentId])).get(enrollmentId);
  const [attendance]: { held: number; attended: number }[] = await manager.query(
    `SELECT count(*)::int AS held, count(*) FILTER (WHERE a.present)::int AS attended
       FROM session_meeting m
       LEFT JOIN attendance_mark a ON a.meeting_id = m.id AND a.enrollment_id = $2
      WHERE m.session_id = $1 AND m.starts_at <= now()`,
    [sessionId, enrollmentId],
  );
  return {
    requiredModules: counts?.requiredTotal ?? 0,
    requiredModulesDone: counts?.requiredDone ?? 0,
    meetingsHeld: attendance.held,
    meetingsAttended: attendance.attended,
    quizzesPassed: courseId ? await quizzesPassed(manager, enrollmentId, courseId) : [],
    assignmentsPassed: courseId ? await assignmentsPassed(manager, enrollmentId, courseId) : [],
  };
}

/**
 * The facts of an enrollment about to be created (a CSV import row): none of the course's
 * required modules done, absent from every meeting already held.
 */
export async function newEnrollmentFacts(
  manager: EntityManager,
  sessionId: string,
): Promise<CompletionFacts> {
  const [row]: { requiredModules: number; meetingsHeld: number }[] = await manager.query(
    `SELECT (SELECT count(*)::int FROM course_module m
              WHERE m.course_id = s.course_id AND m.status = 'published' AND m.required)
              AS "requiredModules",
            (SELECT count(*)::int FROM session_meeting m
              WHERE m.session_id = s.id AND m.starts_at <= now()) AS "meetingsHeld"
       FROM course_session s WHERE s.id = $1`,
    [sessionId],
  );
  return {
    requiredModules: row.requiredModules,
    requiredModulesDone: 0,
    meetingsHeld: row.meetingsHeld,
    meetingsAttended: 0,
  };
}

/** When the session's last meeting starts (ISO), or null for a session without meetings. */
export async function lastMeetingStart(
  manager: EntityManager,
  sessionId: string,
): Promise<string | null> {
  const [row]: { startsAt: Date | null }[] = await manager.query(
    `SELECT max(starts_at) AS "startsAt" FROM session_meeting WHERE session_id = $1`,
    [sessionId],
  );
  return row?.startsAt ? new Date(row.startsAt).toISOString() : null;
}

export async function checkCompletion(
  manager: EntityManager,
  course: Course,
  enrollmentId: string,
  sessionId: string,
): Promise<{ evaluation: CompletionEvaluation; check: CompletionCheckDto }> {
  const facts = await completionFacts(manager, enrollmentId, sessionId, course.id);
  const evaluation = evaluateCompletion(await completionRuleFor(manager, course), facts);
  const lastMeetingStartsAt = await lastMeetingStart(manager, sessionId);
  return {
    evaluation,
    check: {
      met: evaluation.met,
      criteria: evaluation.criteria,
      meetingsHeld: facts.meetingsHeld,
      meetingsAttended: facts.meetingsAttended,
      lastMeetingStartsAt,
      early: isEarlyCompletion(lastMeetingStartsAt, new Date()),
    },
  };
}

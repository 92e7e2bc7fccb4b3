import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser } from '@oris/api/platform';
import {
  aggregateGrade,
  isPassingGrade,
  passesAssignment,
  type QuizGradingMethod,
  type SubmissionStatus,
} from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { AssignmentAccess } from '../common/assignment-access';
import { GradebookCellDto, GradebookColumnDto, GradebookDto } from '../dto/gradebook.dto';

/** Seats whose trainee is in the gradebook: those who learn or learned in the session. */
const LEARNING_STATUSES = ['confirmed', 'completed', 'not_completed'];

/**
 * A session's gradebook: its trainees by name × the course's quizzes and assignments (by module
 * position). A quiz's grade is its attempts' grade by the quiz's method; an assignment's is the
 * published grade (after any late penalty), its status shown while it is not graded.
 */
@Injectable()
export class Gradebook {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssignmentAccess,
    private readonly audit: AuditLog,
  ) {}

  async read(user: AuthenticatedUser, sessionId: string): Promise<GradebookDto> {
    const manager = this.dataSource.manager;
    const { session, course } = await this.access.sessionForGrader(manager, user, sessionId);
    const quizzes: (GradebookColumnDto & { method: QuizGradingMethod })[] = await manager.query(
      `SELECT 'quiz' AS kind, q.id, q.title, m.title AS "moduleTitle",
              q.pass_mark_percent AS "passMarkPercent",
              q.required_for_completion AS "requiredForCompletion", q.grading_method AS method
         FROM quiz q JOIN course_module m ON m.id = q.module_id
        WHERE q.course_id = $1 ORDER BY m.position, q.created_at`,
      [course.id],
    );
    const assignments: GradebookColumnDto[] = await manager.query(
      `SELECT 'assignment' AS kind, a.id, a.title, m.title AS "moduleTitle",
              a.pass_mark_percent AS "passMarkPercent",
              a.required_for_completion AS "requiredForCompletion"
         FROM assignment a JOIN course_module m ON m.id = a.module_id
        WHERE a.course_id = $1 ORDER BY m.position, a.created_at`,
      [course.id],
    );
    const trainees: { enrollmentId: string; traineeName: string }[] = await manager.query(
      `SELECT e.id AS "enrollmentId", u.full_name AS "traineeName"
         FROM enrollment e JOIN users u ON u.id = e.user_id
        WHERE e.session_id = $1 AND e.status = ANY($2)
        ORDER BY u.full_name, e.id`,
      [sessionId, LEARNING_STATUSES],
    );
    const attempts: { enrollmentId: string; quizId: string; percents: string[] }[] =
      await manager.query(
        `SELECT a.enrollment_id AS "enrollmentId", a.quiz_id AS "quizId",
                array_agg(a.percent::text ORDER BY a.number) AS percents
           FROM quiz_attempt a JOIN enrollment e ON e.id = a.enrollment_id
          WHERE e.session_id = $1 AND a.percent IS NOT NULL
          GROUP BY a.enrollment_id, a.quiz_id`,
        [sessionId],
      );
    const submissions: {
      enrollmentId: string;
      assignmentId: string;
      status: SubmissionStatus;
      percent: number | null;
      late: boolean;
    }[] = await manager.query(
      `SELECT s.enrollment_id AS "enrollmentId", s.assignment_id AS "assignmentId", s.status,
              s.percent::float8 AS percent, s.late
         FROM assignment_submission s JOIN enrollment e ON e.id = s.enrollment_id
        WHERE e.session_id = $1`,
      [sessionId],
    );
    const attemptsOf = new Map(attempts.map((row) => [`${row.enrollmentId}/${row.quizId}`, row]));
    const submissionOf = new Map(
      submissions.map((row) => [`${row.enrollmentId}/${row.assignmentId}`, row]),
    );
    const columns = [...quizzes, ...assignments];
    return {
      sessionId,
      courseTitle: course.title,
      sessionTitle: session.title,
      columns: columns.map((column) => ({
        kind: column.kind,
        id: column.id,
        title: column.title,
        moduleTitle: column.moduleTitle,
        passMarkPercent: column.passMarkPercent,
        requiredForCompletion: column.requiredForCompletion,
      })),
      rows: trainees.map((trainee) => ({
        ...trainee,
        cells: columns.map((column): GradebookCellDto => {
          const key = `${trainee.enrollmentId}/${column.id}`;
          if (column.kind === 'quiz') {
            const row = attemptsOf.get(key);
            const method = (column as (typeof quizzes)[number]).method;
            const percent = row ? aggregateGrade(method, row.percents.map(Number)) : null;
            return {
              percent,
              passed: percent === null ? null : isPassingGrade(percent, column.passMarkPercent),
              status: null,
              late: false,
            };
          }
          const submission = submissionOf.get(key);
          const visible = submission && submission.status !== 'draft' ? submission : undefined;
          const percent = visible?.status === 'graded' ? visible.percent : null;
          return {
            percent,
            passed: percent === null ? null : passesAssignment(percent, column.passMarkPercent),
            status: visible?.status ?? null,
            late: visible?.late ?? false,
          };
        }),
      })),
    };
  }

  /** Records that a gradebook left the platform (personal data: law 09-08). */
  async recordExport(user: AuthenticatedUser, sessionId: string, format: 'csv' | 'xlsx') {
    await this.audit.record(this.dataSource.manager, {
      actorId: user.id,
      action: 'gradebook.exported',
      subjectType: 'course_session',
      subjectId: sessionId,
      data: { format },
    });
  }
}

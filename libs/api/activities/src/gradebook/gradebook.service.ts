import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, pageOf, type PageQuery } from '@oris/api/platform';
import {
  aggregateGrade,
  isPassingGrade,
  passesAssignment,
  type QuizGradingMethod,
  type SubmissionStatus,
} from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentAccess } from '../common/assignment-access';
import {
  GradebookCellDto,
  GradebookColumnDto,
  GradebookDto,
  GradebookRowDto,
} from '../dto/gradebook.dto';

/** Seats whose trainee is in the gradebook: those who learn or learned in the session. */
const LEARNING_STATUSES = ['confirmed', 'completed', 'not_completed'];

/** Trainees per batch of an export: a few hundred rows in memory, whatever the session's size. */
const EXPORT_BATCH = 500;

type Column = GradebookColumnDto & { method: QuizGradingMethod | null };
interface Trainee {
  enrollmentId: string;
  traineeName: string;
}
interface Head {
  sessionId: string;
  courseTitle: string;
  sessionTitle: string;
  columns: Column[];
}

/** What every page and export of the gradebook starts with. */
export type GradebookHead = Pick<
  GradebookDto,
  'sessionId' | 'courseTitle' | 'sessionTitle' | 'columns'
>;

const publicHead = (head: Head): GradebookHead => ({
  sessionId: head.sessionId,
  courseTitle: head.courseTitle,
  sessionTitle: head.sessionTitle,
  columns: head.columns.map((column) => ({
    kind: column.kind,
    id: column.id,
    title: column.title,
    moduleTitle: column.moduleTitle,
    passMarkPercent: column.passMarkPercent,
    requiredForCompletion: column.requiredForCompletion,
  })),
});

/**
 * The rows of some trainees: a quiz's grade is its attempts' grade by the quiz's method, an
 * assignment's the published grade, its status shown while it is not graded.
 */
async function rowsOf(
  manager: EntityManager,
  head: Head,
  trainees: Trainee[],
): Promise<GradebookRowDto[]> {
  if (trainees.length === 0) return [];
  const ids = trainees.map((trainee) => trainee.enrollmentId);
  const attempts: { enrollmentId: string; quizId: string; percents: string[] }[] =
    await manager.query(
      `SELECT a.enrollment_id AS "enrollmentId", a.quiz_id AS "quizId",
              array_agg(a.percent::text ORDER BY a.number) AS percents
         FROM quiz_attempt a
        WHERE a.enrollment_id = ANY($1::uuid[]) AND a.percent IS NOT NULL
        GROUP BY a.enrollment_id, a.quiz_id`,
      [ids],
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
       FROM assignment_submission s
      WHERE s.enrollment_id = ANY($1::uuid[])`,
    [ids],
  );
  const attemptsOf = new Map(attempts.map((row) => [`${row.enrollmentId}/${row.quizId}`, row]));
  const submissionOf = new Map(
    submissions.map((row) => [`${row.enrollmentId}/${row.assignmentId}`, row]),
  );
  return trainees.map((trainee) => ({
    ...trainee,
    cells: head.columns.map((column): GradebookCellDto => {
      const key = `${trainee.enrollmentId}/${column.id}`;
      if (column.kind === 'quiz') {
        const row = attemptsOf.get(key);
        const percent =
          row && column.method ? aggregateGrade(column.method, row.percents.map(Number)) : null;
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
  }));
}

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

  /** One page of the gradebook: its columns, and the page's trainees by name. */
  async read(user: AuthenticatedUser, sessionId: string, query: PageQuery): Promise<GradebookDto> {
    const manager = this.dataSource.manager;
    const head = await this.head(manager, user, sessionId);
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM enrollment e
        WHERE e.session_id = $1 AND e.status = ANY($2)`,
      [sessionId, LEARNING_STATUSES],
    );
    const trainees: Trainee[] = await manager.query(
      `SELECT e.id AS "enrollmentId", u.full_name AS "traineeName"
         FROM enrollment e JOIN users u ON u.id = e.user_id
        WHERE e.session_id = $1 AND e.status = ANY($2)
        ORDER BY u.full_name, e.id
        LIMIT $3 OFFSET $4`,
      [sessionId, LEARNING_STATUSES, query.pageSize, query.skip],
    );
    const items = await rowsOf(manager, head, trainees);
    return { ...publicHead(head), ...pageOf(items, total, query) };
  }

  /**
   * The whole gradebook for an export: the columns once the caller's right is checked (a 404
   * comes before any byte is sent), then every trainee, `batchSize` at a time (keyset on name
   * and enrollment), all read in one snapshot. Only one batch is held in memory at a time.
   */
  async forExport(
    user: AuthenticatedUser,
    sessionId: string,
    batchSize = EXPORT_BATCH,
  ): Promise<{ head: GradebookHead; batches: AsyncGenerator<GradebookRowDto[]> }> {
    const head = await this.head(this.dataSource.manager, user, sessionId);
    return { head: publicHead(head), batches: this.batches(head, batchSize) };
  }

  private async *batches(head: Head, batchSize: number): AsyncGenerator<GradebookRowDto[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      let after: Trainee | null = null;
      for (;;) {
        const trainees: Trainee[] = await runner.manager.query(
          `SELECT e.id AS "enrollmentId", u.full_name AS "traineeName"
             FROM enrollment e JOIN users u ON u.id = e.user_id
            WHERE e.session_id = $1 AND e.status = ANY($2)
              AND ($3::text IS NULL OR (u.full_name, e.id) > ($3::text, $4::uuid))
            ORDER BY u.full_name, e.id
            LIMIT $5`,
          [
            head.sessionId,
            LEARNING_STATUSES,
            after?.traineeName ?? null,
            after?.enrollmentId ?? null,
            batchSize,
          ],
        );
        if (trainees.length > 0) yield await rowsOf(runner.manager, head, trainees);
        if (trainees.length < batchSize) break;
        after = trainees[trainees.length - 1];
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** The session, its course and the columns: quizzes then assignments, by module position. */
  private async head(manager: EntityManager, user: AuthenticatedUser, sessionId: string) {
    const { session, course } = await this.access.sessionForGrader(manager, user, sessionId);
    const quizzes: Column[] = await manager.query(
      `SELECT 'quiz' AS kind, q.id, q.title, m.title AS "moduleTitle",
              q.pass_mark_percent AS "passMarkPercent",
              q.required_for_completion AS "requiredForCompletion", q.grading_method AS method
         FROM quiz q JOIN course_module m ON m.id = q.module_id
        WHERE q.course_id = $1 ORDER BY m.position, q.created_at`,
      [course.id],
    );
    const assignments: Column[] = await manager.query(
      `SELECT 'assignment' AS kind, a.id, a.title, m.title AS "moduleTitle",
              a.pass_mark_percent AS "passMarkPercent",
              a.required_for_completion AS "requiredForCompletion", NULL AS method
         FROM assignment a JOIN course_module m ON m.id = a.module_id
        WHERE a.course_id = $1 ORDER BY m.position, a.created_at`,
      [course.id],
    );
    return {
      sessionId,
      courseTitle: course.title,
      sessionTitle: session.title,
      columns: [...quizzes, ...assignments],
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

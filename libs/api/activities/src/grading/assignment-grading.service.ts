import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, pageOf } from '@oris/api/platform';
import {
  percentAfterPenalty,
  percentOfPoints,
  queueStateOf,
  QUEUE_STATES,
  scoreRubric,
  type QueueState,
  type SubmissionStatus,
} from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentErrorCode, AssignmentException } from '../assignment.exception';
import { AssignmentAccess, GradingContext } from '../common/assignment-access';
import { QuizClock } from '../common/quiz-clock';
import {
  GradeInputDto,
  GradingQueueDto,
  GradingSubmissionDto,
  QueueItemDto,
  QueueQuery,
} from '../dto/submission.dto';
import { AssignmentFile } from '../entities/assignment-file.entity';
import { Assignment } from '../entities/assignment.entity';
import { assignmentDto, maxPointsOf, submissionDto } from '../assignments/assignment-view';
import { AssignmentFiles, fileNotFound } from '../submissions/assignment-files';
import { FeedbackEmail } from './feedback-email';

const STATUS_OF: Record<QueueState, SubmissionStatus> = {
  to_grade: 'submitted',
  returned: 'returned',
  graded: 'graded',
};

/**
 * The trainer's side: the grading queue of a session, a submission to grade, its grade (rubric
 * levels or a mark) with feedback text and files, then "return for resubmission" or "publish".
 * Either decision emails the trainee, through the outbox, in the same transaction.
 */
@Injectable()
export class AssignmentGrading {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssignmentAccess,
    private readonly files: AssignmentFiles,
    private readonly email: FeedbackEmail,
    private readonly clock: QuizClock,
    private readonly audit: AuditLog,
  ) {}

  /** A session's submissions in one state, oldest submission first, with every state's count. */
  async queue(
    user: AuthenticatedUser,
    sessionId: string,
    query: QueueQuery,
  ): Promise<GradingQueueDto> {
    const state = query.state ?? 'to_grade';
    const manager = this.dataSource.manager;
    await this.access.sessionForGrader(manager, user, sessionId);
    const items: (Omit<QueueItemDto, 'submittedAt'> & { submittedAt: Date })[] =
      await manager.query(
        `SELECT s.id AS "submissionId", a.id AS "assignmentId", a.title AS "assignmentTitle",
                m.title AS "moduleTitle", u.full_name AS "traineeName", s.status,
                s.submitted_at AS "submittedAt", s.late, s.submission_count AS "submissionCount",
                s.percent::float8 AS percent
           FROM assignment_submission s
           JOIN enrollment e ON e.id = s.enrollment_id AND e.session_id = $1
           JOIN assignment a ON a.id = s.assignment_id
           JOIN course_module m ON m.id = a.module_id
           JOIN users u ON u.id = s.user_id
          WHERE s.status = $2
          ORDER BY s.submitted_at, s.id
          LIMIT $3 OFFSET $4`,
        [sessionId, STATUS_OF[state], query.pageSize, query.skip],
      );
    const counts: { status: SubmissionStatus; count: number }[] = await manager.query(
      `SELECT s.status, count(*)::int AS count
         FROM assignment_submission s
         JOIN enrollment e ON e.id = s.enrollment_id AND e.session_id = $1
        GROUP BY s.status`,
      [sessionId],
    );
    const countOf = Object.fromEntries(QUEUE_STATES.map((name) => [name, 0])) as Record<
      QueueState,
      number
    >;
    for (const row of counts) {
      const queueState = queueStateOf(row.status);
      if (queueState) countOf[queueState] = row.count;
    }
    return {
      state,
      ...pageOf(
        items.map((item) => ({ ...item, submittedAt: item.submittedAt.toISOString() })),
        countOf[state],
        query,
      ),
      counts: countOf,
    };
  }

  async get(user: AuthenticatedUser, submissionId: string): Promise<GradingSubmissionDto> {
    const manager = this.dataSource.manager;
    return this.view(manager, await this.access.submissionForGrader(manager, user, submissionId));
  }

  /**
   * Grades a submitted submission. A rubric assignment takes one level per criterion; a mark
   * assignment takes points out of its mark. The late penalty comes off the percentage. `return`
   * sends it back for resubmission with the feedback (the grade stays unpublished), `publish`
   * publishes grade and feedback. A published grade may be corrected (published again).
   */
  async grade(
    user: AuthenticatedUser,
    submissionId: string,
    input: GradeInputDto,
  ): Promise<GradingSubmissionDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const context = await this.access.submissionForGrader(manager, user, submissionId, true);
      const { submission, assignment, course } = context;
      if (submission.status !== 'submitted' && submission.status !== 'graded') {
        throw new AssignmentException(
          AssignmentErrorCode.NotGradable,
          `This submission is ${submission.status}.`,
        );
      }
      if (submission.status === 'graded' && input.decision === 'return') {
        throw new AssignmentException(
          AssignmentErrorCode.NotGradable,
          'A published grade can be corrected, not returned.',
        );
      }
      const { points, maxPoints, rubricLevels } = scoreOf(assignment, input);
      submission.rubricLevels = rubricLevels;
      submission.points = points;
      submission.maxPoints = maxPoints;
      submission.percent = percentAfterPenalty(
        percentOfPoints(points, maxPoints),
        submission.late,
        assignment.latePenaltyPercent,
      );
      submission.feedback = input.feedback;
      submission.gradedBy = user.id;
      submission.gradedAt = this.clock.now();
      submission.status = input.decision === 'publish' ? 'graded' : 'returned';
      await manager.save(submission);
      await this.email.write(manager, assignment, submission, course.title);
      await this.audit.record(manager, {
        actorId: user.id,
        action: input.decision === 'publish' ? 'assignment.grade_published' : 'assignment.returned',
        subjectType: 'assignment_submission',
        subjectId: submission.id,
        data: { assignmentId: assignment.id, points, maxPoints, percent: submission.percent },
      });
      return this.view(manager, context);
    });
    this.email.dispatch();
    return result;
  }

  /** Adds a feedback file while the submission is with the trainer (or its grade published). */
  async addFeedbackFile(
    user: AuthenticatedUser,
    submissionId: string,
    name: string,
    bytes: Buffer,
  ): Promise<GradingSubmissionDto> {
    await this.access.submissionForGrader(this.dataSource.manager, user, submissionId);
    const file = this.files.checkFeedbackFile(bytes);
    return this.dataSource.transaction(async (manager) => {
      const context = await this.access.submissionForGrader(manager, user, submissionId, true);
      const count = await manager.count(AssignmentFile, {
        where: { submissionId, role: 'feedback' },
      });
      if (count >= 5) {
        throw new AssignmentException(AssignmentErrorCode.TooManyFiles, 'At most 5 files.');
      }
      await this.files.record(manager, context.submission, 'feedback', name, file, user.id);
      return this.view(manager, context);
    });
  }

  async removeFeedbackFile(
    user: AuthenticatedUser,
    submissionId: string,
    fileId: string,
  ): Promise<GradingSubmissionDto> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.access.submissionForGrader(manager, user, submissionId, true);
      const removed = await manager.delete(AssignmentFile, {
        id: fileId,
        submissionId,
        role: 'feedback',
      });
      if (!removed.affected) throw fileNotFound(fileId);
      return this.view(manager, context);
    });
  }

  private async view(
    manager: EntityManager,
    { submission, assignment }: GradingContext,
  ): Promise<GradingSubmissionDto> {
    const [trainee]: { fullName: string }[] = await manager.query(
      `SELECT full_name AS "fullName" FROM users WHERE id = $1`,
      [submission.userId],
    );
    return {
      ...(await submissionDto(manager, assignment, submission, true)),
      enrollmentId: submission.enrollmentId,
      traineeName: trainee?.fullName ?? '',
      assignment: await assignmentDto(manager, assignment),
      points: submission.points,
      percent: submission.percent,
    };
  }
}

/** The points a grade input earns, checked against the assignment's way of grading. */
function scoreOf(
  assignment: Assignment,
  input: GradeInputDto,
): { points: number; maxPoints: number; rubricLevels: Record<string, string> | null } {
  if (assignment.rubric) {
    if (!input.rubricLevels || input.mark !== undefined) {
      throw new AssignmentException(
        AssignmentErrorCode.IncompleteGrade,
        'This assignment is graded with its rubric: send rubricLevels, not a mark.',
      );
    }
    const score = scoreRubric(assignment.rubric, input.rubricLevels);
    if (!score.complete) {
      throw new AssignmentException(
        AssignmentErrorCode.IncompleteGrade,
        [
          score.missing.length ? `No level chosen for: ${score.missing.join(', ')}.` : '',
          score.unknown.length ? `Unknown criteria or levels: ${score.unknown.join(', ')}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    }
    return {
      points: score.points,
      maxPoints: score.maximum,
      rubricLevels: { ...input.rubricLevels },
    };
  }
  const maxPoints = maxPointsOf(assignment);
  if (input.mark === undefined || input.rubricLevels !== undefined || input.mark > maxPoints) {
    throw new AssignmentException(
      AssignmentErrorCode.IncompleteGrade,
      `This assignment is graded with a mark from 0 to ${maxPoints}.`,
    );
  }
  return { points: input.mark, maxPoints, rubricLevels: null };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser } from '@oris/api/platform';
import { isEditableSubmission, submissionTiming } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentErrorCode, AssignmentException } from '../assignment.exception';
import { AssignmentAccess, AssignmentLearnerContext } from '../common/assignment-access';
import { QuizClock } from '../common/quiz-clock';
import { LearnerAssignmentDto } from '../dto/submission.dto';
import { AssignmentFile } from '../entities/assignment-file.entity';
import { AssignmentSubmission } from '../entities/assignment-submission.entity';
import { assignmentDto, submissionDto } from '../assignments/assignment-view';
import { AssignmentFiles, fileNotFound } from './assignment-files';

/**
 * A trainee's side of an assignment: a draft (text and files) saved as they go, then submitted;
 * once returned by the trainer, changed and submitted again. Only their own enrollment reaches
 * it (404 otherwise); only a confirmed seat changes it.
 */
@Injectable()
export class AssignmentSubmissions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssignmentAccess,
    private readonly files: AssignmentFiles,
    private readonly clock: QuizClock,
    private readonly audit: AuditLog,
  ) {}

  async overview(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
  ): Promise<LearnerAssignmentDto> {
    const manager = this.dataSource.manager;
    const context = await this.access.learner(manager, user, enrollmentId, moduleId);
    return this.view(manager, context);
  }

  async saveText(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
    text: string,
  ): Promise<LearnerAssignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.access.learner(manager, user, enrollmentId, moduleId, true);
      if (!context.assignment.acceptsText && text.trim() !== '') {
        throw new AssignmentException(AssignmentErrorCode.TextNotAccepted);
      }
      const submission = await this.editable(manager, context);
      submission.text = text;
      await manager.save(submission);
      return this.view(manager, context);
    });
  }

  async addFile(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
    name: string,
    bytes: Buffer,
  ): Promise<LearnerAssignmentDto> {
    // Checked before any lock or write: a refused file costs nothing.
    const preview = await this.access.learner(
      this.dataSource.manager,
      user,
      enrollmentId,
      moduleId,
    );
    const file = this.files.checkSubmissionFile(preview.assignment, bytes);
    return this.dataSource.transaction(async (manager) => {
      const context = await this.access.learner(manager, user, enrollmentId, moduleId, true);
      const submission = await this.editable(manager, context);
      const count = await manager.count(AssignmentFile, {
        where: { submissionId: submission.id, role: 'submission' },
      });
      if (count >= context.assignment.maxFiles) {
        throw new AssignmentException(
          AssignmentErrorCode.TooManyFiles,
          `At most ${context.assignment.maxFiles} files.`,
        );
      }
      await this.files.record(manager, submission, 'submission', name, file, user.id);
      return this.view(manager, context);
    });
  }

  async removeFile(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
    fileId: string,
  ): Promise<LearnerAssignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.access.learner(manager, user, enrollmentId, moduleId, true);
      const submission = await this.editable(manager, context);
      const removed = await manager.delete(AssignmentFile, {
        id: fileId,
        submissionId: submission.id,
        role: 'submission',
      });
      if (!removed.affected) throw fileNotFound(fileId);
      return this.view(manager, context);
    });
  }

  /** Hands the submission to the trainer; the late policy decides past the due date. */
  async submit(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
  ): Promise<LearnerAssignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.access.learner(manager, user, enrollmentId, moduleId, true);
      const { assignment } = context;
      const submission = await this.editable(manager, context);
      const fileCount = await manager.count(AssignmentFile, {
        where: { submissionId: submission.id, role: 'submission' },
      });
      if (submission.text.trim() === '' && fileCount === 0) {
        throw new AssignmentException(AssignmentErrorCode.SubmissionEmpty);
      }
      const now = this.clock.now();
      const timing = submissionTiming(assignment.latePolicy, assignment.dueAt, now);
      if (!timing.accepted) {
        throw new AssignmentException(
          AssignmentErrorCode.PastDue,
          `It was due at ${assignment.dueAt?.toISOString()}.`,
        );
      }
      submission.status = 'submitted';
      submission.submittedAt = now;
      submission.late = timing.late;
      submission.submissionCount += 1;
      await manager.save(submission);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'assignment.submitted',
        subjectType: 'assignment_submission',
        subjectId: submission.id,
        data: { assignmentId: assignment.id, late: timing.late, count: submission.submissionCount },
      });
      return this.view(manager, context);
    });
  }

  /** The trainee's submission, created as a draft on the first change; 409 when not theirs to change. */
  private async editable(
    manager: EntityManager,
    { enrollment, assignment }: AssignmentLearnerContext,
  ): Promise<AssignmentSubmission> {
    if (enrollment.status !== 'confirmed') {
      throw new AssignmentException(
        AssignmentErrorCode.SubmissionNotEditable,
        `This enrollment is ${enrollment.status}.`,
      );
    }
    const existing = await manager.findOne(AssignmentSubmission, {
      where: { assignmentId: assignment.id, enrollmentId: enrollment.id },
    });
    if (existing) {
      if (!isEditableSubmission(existing.status)) {
        throw new AssignmentException(AssignmentErrorCode.SubmissionNotEditable);
      }
      return existing;
    }
    return manager.save(
      manager.create(AssignmentSubmission, {
        assignmentId: assignment.id,
        enrollmentId: enrollment.id,
        userId: enrollment.userId,
        status: 'draft',
        text: '',
      }),
    );
  }

  private async view(
    manager: EntityManager,
    { enrollment, assignment }: AssignmentLearnerContext,
  ): Promise<LearnerAssignmentDto> {
    const submission = await manager.findOne(AssignmentSubmission, {
      where: { assignmentId: assignment.id, enrollmentId: enrollment.id },
    });
    const now = this.clock.now();
    const pastDue = assignment.dueAt !== null && now > assignment.dueAt;
    const timing = submissionTiming(assignment.latePolicy, assignment.dueAt, now);
    return {
      assignment: await assignmentDto(manager, assignment),
      submission: submission && (await submissionDto(manager, assignment, submission)),
      editable:
        enrollment.status === 'confirmed' &&
        timing.accepted &&
        (!submission || isEditableSubmission(submission.status)),
      pastDue,
    };
  }
}

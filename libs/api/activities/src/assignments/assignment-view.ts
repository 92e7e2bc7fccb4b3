import { renderMarkdown } from '@oris/api/catalogue';
import { momentInMorocco, passesAssignment, rubricMaximum } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import type { AssignmentDto } from '../dto/assignment.dto';
import type { AssignmentFileDto, SubmissionDto } from '../dto/submission.dto';
import { AssignmentFile } from '../entities/assignment-file.entity';
import { AssignmentSubmission } from '../entities/assignment-submission.entity';
import { Assignment } from '../entities/assignment.entity';

/** What a grade is out of: the rubric's best levels, or the mark. */
export const maxPointsOf = (assignment: Assignment): number =>
  assignment.rubric ? rubricMaximum(assignment.rubric) : (assignment.maxMark ?? 0);

/** How many submissions were graded with the assignment's rubric (published or returned). */
export async function gradesGivenWith(manager: EntityManager, assignmentId: string) {
  const [row]: { count: number }[] = await manager.query(
    `SELECT count(*)::int AS count FROM assignment_submission
      WHERE assignment_id = $1 AND rubric_levels IS NOT NULL`,
    [assignmentId],
  );
  return row.count;
}

export async function assignmentDto(
  manager: EntityManager,
  assignment: Assignment,
): Promise<AssignmentDto> {
  const submissionCount = await manager
    .createQueryBuilder(AssignmentSubmission, 's')
    .where('s.assignment_id = :id AND s.submission_count > 0', { id: assignment.id })
    .getCount();
  return {
    id: assignment.id,
    courseId: assignment.courseId,
    moduleId: assignment.moduleId,
    title: assignment.title,
    instructions: assignment.instructions,
    instructionsHtml: renderMarkdown(assignment.instructions),
    dueAt: assignment.dueAt?.toISOString() ?? null,
    dueInMorocco: assignment.dueAt ? momentInMorocco(assignment.dueAt) : null,
    latePolicy: assignment.latePolicy,
    latePenaltyPercent: assignment.latePenaltyPercent,
    acceptsText: assignment.acceptsText,
    acceptsFiles: assignment.acceptsFiles,
    fileKinds: assignment.fileKinds,
    maxFileBytes: assignment.maxFileBytes,
    maxFiles: assignment.maxFiles,
    rubric: assignment.rubric,
    maxMark: assignment.maxMark,
    maxPoints: maxPointsOf(assignment),
    passMarkPercent: assignment.passMarkPercent,
    requiredForCompletion: assignment.requiredForCompletion,
    submissionCount,
    rubricLocked: assignment.rubric !== null && (await gradesGivenWith(manager, assignment.id)) > 0,
  };
}

export const fileDto = (file: AssignmentFile): AssignmentFileDto => ({
  id: file.id,
  name: file.name,
  kind: file.kind,
  size: file.size,
  sha256: file.sha256,
  uploadedAt: file.createdAt.toISOString(),
});

/**
 * A submission as its trainee reads it: feedback and rubric levels once returned or graded, the
 * grade once graded (published). While the trainer holds it, nothing of a grade in progress shows.
 */
export async function submissionDto(
  manager: EntityManager,
  assignment: Assignment,
  submission: AssignmentSubmission,
  forGrader = false,
): Promise<SubmissionDto> {
  const files = await manager.find(AssignmentFile, {
    where: { submissionId: submission.id },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const feedbackShown =
    forGrader || submission.status === 'returned' || submission.status === 'graded';
  const graded = submission.status === 'graded' && submission.percent !== null;
  return {
    id: submission.id,
    status: submission.status,
    text: submission.text,
    files: files.filter((file) => file.role === 'submission').map(fileDto),
    submittedAt: submission.submittedAt?.toISOString() ?? null,
    submissionCount: submission.submissionCount,
    late: submission.late,
    rubricLevels: feedbackShown ? submission.rubricLevels : null,
    feedback: feedbackShown ? submission.feedback : '',
    feedbackFiles: feedbackShown
      ? files.filter((file) => file.role === 'feedback').map(fileDto)
      : [],
    grade: graded
      ? {
          points: submission.points ?? 0,
          maxPoints: submission.maxPoints ?? maxPointsOf(assignment),
          percent: submission.percent ?? 0,
          passed: passesAssignment(submission.percent, assignment.passMarkPercent),
        }
      : null,
  };
}

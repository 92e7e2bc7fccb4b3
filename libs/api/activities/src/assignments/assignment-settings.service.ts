import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import { rubricProblem, rubricStructureChange, type Rubric } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import {
  AssignmentErrorCode,
  AssignmentException,
  assignmentNotFound,
} from '../assignment.exception';
import { AssignmentAccess } from '../common/assignment-access';
import { AssignmentDto, AssignmentInputDto, RubricInputDto } from '../dto/assignment.dto';
import { AssignmentSubmission } from '../entities/assignment-submission.entity';
import { Assignment } from '../entities/assignment.entity';
import { assignmentDto, gradesGivenWith } from './assignment-view';

/** A module's assignment: its settings and rubric, for the course's trainers and administrators. */
@Injectable()
export class AssignmentSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssignmentAccess,
    private readonly audit: AuditLog,
  ) {}

  async get(user: AuthenticatedUser, moduleId: string): Promise<AssignmentDto> {
    const manager = this.dataSource.manager;
    await this.access.moduleForEditor(manager, user, moduleId);
    const assignment = await manager.findOne(Assignment, { where: { moduleId } });
    if (!assignment) throw assignmentNotFound(`Module ${moduleId} has no assignment.`);
    return assignmentDto(manager, assignment);
  }

  /**
   * Creates the module's assignment or replaces its settings. Once a grade has been given with
   * the rubric (published, or returned with the feedback), the rubric's structure is locked: its
   * criteria and levels keep their ids (the client sends them back) and every level its points,
   * so a past grade keeps the meaning its trainee was told; titles may still be reworded. A
   * change of structure is 409 `rubric_locked`, naming the first change refused.
   */
  async put(
    user: AuthenticatedUser,
    moduleId: string,
    input: AssignmentInputDto,
  ): Promise<AssignmentDto> {
    checkShape(input);
    const rubric = input.rubric ? withIds(input.rubric) : null;
    const problem = rubric && rubricProblem(rubric);
    if (problem) throw new AssignmentException(AssignmentErrorCode.InvalidRubric, problem);
    return this.dataSource.transaction(async (manager) => {
      const { courseId } = await this.access.moduleForEditor(manager, user, moduleId);
      const existing = await manager.findOne(Assignment, {
        where: { moduleId },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing?.rubric) {
        const graded = await gradesGivenWith(manager, existing.id);
        const change = graded > 0 ? rubricStructureChange(existing.rubric, rubric) : null;
        if (change) {
          throw new AssignmentException(
            AssignmentErrorCode.RubricLocked,
            `${graded} grade(s) were given with this rubric. ${change}`,
          );
        }
      }
      const values = {
        title: input.title,
        instructions: input.instructions,
        dueAt: input.dueAt === null ? null : new Date(input.dueAt),
        latePolicy: input.latePolicy,
        latePenaltyPercent: input.latePolicy === 'mark_late' ? input.latePenaltyPercent : null,
        acceptsText: input.acceptsText,
        acceptsFiles: input.acceptsFiles,
        fileKinds: input.acceptsFiles ? input.fileKinds : [],
        maxFileBytes: input.maxFileBytes,
        maxFiles: input.maxFiles,
        grading: rubric ? ('rubric' as const) : ('mark' as const),
        rubric,
        maxMark: rubric ? null : input.maxMark,
        passMarkPercent: input.passMarkPercent,
        requiredForCompletion: input.requiredForCompletion,
      };
      const assignment = await manager.save(
        existing
          ? Object.assign(existing, values)
          : manager.create(Assignment, { ...values, courseId, moduleId }),
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: existing ? 'assignment.settings_changed' : 'assignment.created',
        subjectType: 'assignment',
        subjectId: assignment.id,
        data: { courseId, moduleId },
      });
      return assignmentDto(manager, assignment);
    });
  }

  /** Only an assignment nobody has submitted to may be removed. */
  async remove(user: AuthenticatedUser, moduleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.moduleForEditor(manager, user, moduleId);
      const assignment = await manager.findOne(Assignment, {
        where: { moduleId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!assignment) throw assignmentNotFound(`Module ${moduleId} has no assignment.`);
      if (
        (await manager.count(AssignmentSubmission, { where: { assignmentId: assignment.id } })) > 0
      ) {
        throw new AssignmentException(AssignmentErrorCode.AssignmentHasSubmissions);
      }
      await manager.delete(Assignment, { id: assignment.id });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'assignment.removed',
        subjectType: 'assignment',
        subjectId: assignment.id,
        data: { moduleId },
      });
    });
  }
}

/** The rules across fields, answered as a 400 naming the field. */
function checkShape(input: AssignmentInputDto): void {
  const problems: { field: string; message: string }[] = [];
  if (!input.acceptsText && !input.acceptsFiles) {
    problems.push({ field: 'acceptsText', message: 'accept a text, files, or both' });
  }
  if (input.acceptsFiles && input.fileKinds.length === 0) {
    problems.push({ field: 'fileKinds', message: 'name at least one kind of file' });
  }
  if (input.rubric === null && input.maxMark === null) {
    problems.push({ field: 'maxMark', message: 'grade with a rubric or a mark out of maxMark' });
  }
  if (input.latePenaltyPercent !== null && input.latePolicy !== 'mark_late') {
    problems.push({
      field: 'latePenaltyPercent',
      message: 'a late penalty needs the mark_late policy',
    });
  }
  if (problems.length > 0) throw new RequestValidationException(problems);
}

/** The rubric with an id on every criterion and level: new ones get a fresh one. */
const withIds = (rubric: RubricInputDto): Rubric => ({
  criteria: rubric.criteria.map((criterion) => ({
    id: criterion.id ?? shortId(),
    title: criterion.title,
    levels: criterion.levels.map((level) => ({
      id: level.id ?? shortId(),
      title: level.title,
      points: level.points,
    })),
  })),
});

const shortId = () => randomUUID().replace(/-/g, '').slice(0, 12);

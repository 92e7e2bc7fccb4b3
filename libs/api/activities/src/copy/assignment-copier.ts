import { Injectable, OnModuleInit } from '@nestjs/common';
import { CourseCopySteps, type CourseCopyStep, type CourseRef } from '@oris/api/catalogue';
import { EntityManager } from 'typeorm';
import { Assignment } from '../entities/assignment.entity';

/**
 * The assignments step of a course's duplication (a new edition): every assignment of the course,
 * with its rubric, goes to the matching module of the new course, in the caller's transaction.
 * Submissions, files and grades stay with the old edition. The due date is copied as is (the
 * trainer sets the new edition's); an assignment whose module was not copied is left out.
 */
@Injectable()
export class AssignmentCopier implements CourseCopyStep, OnModuleInit {
  constructor(private readonly steps: CourseCopySteps) {}

  onModuleInit(): void {
    this.steps.register(this);
  }

  async copy(
    manager: EntityManager,
    from: CourseRef,
    to: CourseRef,
    moduleIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    const assignments = await manager.find(Assignment, {
      where: { courseId: from.courseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const copies = assignments.flatMap((assignment) => {
      const moduleId = moduleIds.get(assignment.moduleId);
      if (!moduleId) return [];
      return [
        manager.create(Assignment, {
          courseId: to.courseId,
          moduleId,
          title: assignment.title,
          instructions: assignment.instructions,
          dueAt: assignment.dueAt,
          latePolicy: assignment.latePolicy,
          latePenaltyPercent: assignment.latePenaltyPercent,
          acceptsText: assignment.acceptsText,
          acceptsFiles: assignment.acceptsFiles,
          fileKinds: [...assignment.fileKinds],
          maxFileBytes: assignment.maxFileBytes,
          maxFiles: assignment.maxFiles,
          grading: assignment.grading,
          // A deep copy: the new edition's rubric changes on its own.
          rubric: assignment.rubric ? structuredClone(assignment.rubric) : null,
          maxMark: assignment.maxMark,
          passMarkPercent: assignment.passMarkPercent,
          requiredForCompletion: assignment.requiredForCompletion,
        }),
      ];
    });
    if (copies.length > 0) await manager.save(copies);
  }
}

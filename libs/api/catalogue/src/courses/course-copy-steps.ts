import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The course a copy reads from, or the new one it writes to. */
export interface CourseRef {
  courseId: string;
}

/**
 * What one feature copies when a course is duplicated: the rows it owns (quizzes and their bank,
 * module material, assignments…), inside the duplication's transaction. `moduleIds` maps each
 * module of the original to its copy. A step never copies sessions or enrollments.
 */
export interface CourseCopyStep {
  copy(
    manager: EntityManager,
    from: CourseRef,
    to: CourseRef,
    moduleIds: ReadonlyMap<string, string>,
  ): Promise<void>;
}

/**
 * The registry of copy steps. The catalogue copies the course and its modules and cannot know the
 * features built on it (they import it), so each feature registers its step at module start
 * (`onModuleInit`), as identity's `ErasureParticipants` does for erasure.
 */
@Injectable()
export class CourseCopySteps {
  private readonly steps: CourseCopyStep[] = [];

  register(step: CourseCopyStep): void {
    if (!this.steps.includes(step)) this.steps.push(step);
  }

  /** The registered steps, in registration order. */
  all(): readonly CourseCopyStep[] {
    return this.steps;
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { CourseCopySteps, type CourseCopyStep, type CourseRef } from '@oris/api/catalogue';
import type { EntityManager } from 'typeorm';

/**
 * Quizzes' part of a course duplication: the course's question bank (every question, as it is
 * now, at version 1 of the copy, in the bank's order) and each module's quiz with its settings, onto the copied
 * modules. Attempts and answers stay with the original: they belong to its trainees.
 */
@Injectable()
export class QuizCopier implements CourseCopyStep, OnModuleInit {
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
    await manager.query(
      `INSERT INTO quiz_question (course_id, type, text, feedback, tags, points, key, created_by, created_at)
       SELECT $2, type, text, feedback, tags, points, key, created_by, created_at
       FROM quiz_question WHERE course_id = $1`,
      [from.courseId, to.courseId],
    );
    const [originals, copies] = [[...moduleIds.keys()], [...moduleIds.values()]];
    await manager.query(
      `INSERT INTO quiz (course_id, module_id, title, draw_count, draw_tags, shuffle_options,
         attempts_allowed, time_limit_minutes, pass_mark_percent, review_policy, grading_method,
         closes_at, required_for_completion)
       SELECT $2, m.copy_id, q.title, q.draw_count, q.draw_tags, q.shuffle_options,
         q.attempts_allowed, q.time_limit_minutes, q.pass_mark_percent, q.review_policy,
         q.grading_method, q.closes_at, q.required_for_completion
       FROM quiz q
       JOIN unnest($3::uuid[], $4::uuid[]) AS m(original_id, copy_id) ON m.original_id = q.module_id
       WHERE q.course_id = $1`,
      [from.courseId, to.courseId, originals, copies],
    );
  }
}

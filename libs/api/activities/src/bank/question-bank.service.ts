import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@oris/api/platform';
import { QUIZ_LIMITS } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { QuizAccess } from '../common/quiz-access';
import { QuestionBankDto, QuestionDto, QuestionInputDto } from '../dto/question.dto';
import { QuizQuestion } from '../entities/quiz-question.entity';
import { QuizErrorCode, QuizException } from '../quiz.exception';
import { keyFields, keyOfInput } from './question-key';

/** A course's question bank, for its trainers and administrators. */
@Injectable()
export class QuestionBank {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
  ) {}

  async list(user: AuthenticatedUser, courseId: string): Promise<QuestionBankDto> {
    const manager = this.dataSource.manager;
    await this.access.courseForEditor(manager, user, courseId);
    const questions = await manager.find(QuizQuestion, {
      where: { courseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const uses = await usesOf(
      manager,
      courseId,
      questions.map((q) => q.id),
    );
    return {
      items: questions.map((q) => toQuestionDto(q, uses.get(q.id) ?? 0)),
      tags: [...new Set(questions.flatMap((q) => q.tags))].sort(),
    };
  }

  async create(
    user: AuthenticatedUser,
    courseId: string,
    input: QuestionInputDto,
  ): Promise<QuestionDto> {
    const key = keyOfInput(input);
    return this.dataSource.transaction(async (manager) => {
      await this.access.courseForEditor(manager, user, courseId);
      // Serialises creations in one course so the bank's bound holds.
      await manager.query(`SELECT 1 FROM course WHERE id = $1 FOR UPDATE`, [courseId]);
      const count = await manager.count(QuizQuestion, { where: { courseId } });
      if (count >= QUIZ_LIMITS.questionsPerCourseMax) {
        throw new QuizException(QuizErrorCode.QuestionBankFull);
      }
      const saved = await manager.save(
        manager.create(QuizQuestion, {
          courseId,
          type: input.type,
          text: input.text,
          feedback: input.feedback ?? '',
          tags: input.tags ?? [],
          points: input.points,
          key,
          createdBy: user.id,
        }),
      );
      return toQuestionDto(saved, 0);
    });
  }

  /** Fixing a question does not regrade by itself: the trainer regrades the quiz's attempts. */
  async update(
    user: AuthenticatedUser,
    courseId: string,
    questionId: string,
    input: QuestionInputDto,
  ): Promise<QuestionDto> {
    const key = keyOfInput(input);
    return this.dataSource.transaction(async (manager) => {
      await this.access.courseForEditor(manager, user, courseId);
      const question = await this.question(manager, courseId, questionId, true);
      const uses = (await usesOf(manager, courseId, [questionId])).get(questionId) ?? 0;
      if (uses > 0 && question.type !== input.type) {
        throw new QuizException(
          QuizErrorCode.QuestionInUse,
          'An answered question keeps its type; create a new question instead.',
        );
      }
      Object.assign(question, {
        type: input.type,
        text: input.text,
        feedback: input.feedback ?? '',
        tags: input.tags ?? [],
        points: input.points,
        key,
        version: question.version + 1,
      });
      const saved = await manager.save(question);
      return toQuestionDto(saved, uses);
    });
  }

  async remove(user: AuthenticatedUser, courseId: string, questionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.courseForEditor(manager, user, courseId);
      await this.question(manager, courseId, questionId, true);
      if (((await usesOf(manager, courseId, [questionId])).get(questionId) ?? 0) > 0) {
        throw new QuizException(QuizErrorCode.QuestionInUse);
      }
      await manager.delete(QuizQuestion, { id: questionId });
    });
  }

  private async question(
    manager: EntityManager,
    courseId: string,
    questionId: string,
    lock: boolean,
  ): Promise<QuizQuestion> {
    const question = await manager.findOne(QuizQuestion, {
      where: { id: questionId, courseId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!question) {
      throw new QuizException(QuizErrorCode.QuestionNotFound, `No question ${questionId} here.`);
    }
    return question;
  }
}

/** How many attempts (of the course's quizzes) drew each of these questions. */
async function usesOf(
  manager: EntityManager,
  courseId: string,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; uses: number }[] = await manager.query(
    `SELECT d."questionId" AS id, count(DISTINCT a.id)::int AS uses
       FROM quiz q
       JOIN quiz_attempt a ON a.quiz_id = q.id
       CROSS JOIN LATERAL jsonb_to_recordset(a.drawn) AS d("questionId" uuid)
      WHERE q.course_id = $1 AND d."questionId" = ANY($2::uuid[])
      GROUP BY d."questionId"`,
    [courseId, ids],
  );
  return new Map(rows.map((row) => [row.id, row.uses]));
}

export const toQuestionDto = (question: QuizQuestion, usedInAttempts: number): QuestionDto => ({
  id: question.id,
  type: question.type,
  text: question.text,
  feedback: question.feedback,
  tags: question.tags,
  points: question.points,
  version: question.version,
  ...keyFields(question.key),
  usedInAttempts,
  updatedAt: question.updatedAt.toISOString(),
});

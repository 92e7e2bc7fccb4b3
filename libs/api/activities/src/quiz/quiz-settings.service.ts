import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import { drawPool } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { QuizAccess } from '../common/quiz-access';
import { QuizDto, QuizSettingsInputDto } from '../dto/quiz.dto';
import { QuizAttempt } from '../entities/quiz-attempt.entity';
import { QuizQuestion } from '../entities/quiz-question.entity';
import { Quiz } from '../entities/quiz.entity';
import { QuizErrorCode, QuizException } from '../quiz.exception';

/** A module's quiz: its settings, for the course's trainers and administrators. */
@Injectable()
export class QuizSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
    private readonly audit: AuditLog,
  ) {}

  async get(user: AuthenticatedUser, moduleId: string): Promise<QuizDto> {
    const manager = this.dataSource.manager;
    await await this.access.moduleForEditor(manager, user, moduleId);
    const quiz = await manager.findOne(Quiz, { where: { moduleId } });
    if (!quiz) {
      throw new QuizException(QuizErrorCode.QuizNotFound, `Module ${moduleId} has no quiz.`);
    }
    return quizDto(manager, quiz);
  }

  /** Creates the module's quiz or replaces its settings. */
  async put(
    user: AuthenticatedUser,
    moduleId: string,
    input: QuizSettingsInputDto,
  ): Promise<QuizDto> {
    if (input.reviewPolicy === 'after_due' && input.closesAt === null) {
      throw new RequestValidationException([
        {
          field: 'closesAt',
          message: 'closesAt is required when answers are shown after the due date',
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const { courseId } = await this.access.moduleForEditor(manager, user, moduleId);
      const existing = await manager.findOne(Quiz, {
        where: { moduleId },
        lock: { mode: 'pessimistic_write' },
      });
      const values = {
        title: input.title,
        drawCount: input.drawCount,
        drawTags: input.drawTags.map((tag) => tag.trim()),
        shuffleOptions: input.shuffleOptions,
        attemptsAllowed: input.attemptsAllowed,
        timeLimitMinutes: input.timeLimitMinutes,
        passMarkPercent: input.passMarkPercent,
        reviewPolicy: input.reviewPolicy,
        gradingMethod: input.gradingMethod,
        closesAt: input.closesAt === null ? null : new Date(input.closesAt),
        requiredForCompletion: input.requiredForCompletion,
      };
      const quiz = await manager.save(
        existing
          ? Object.assign(existing, values)
          : manager.create(Quiz, { ...values, courseId, moduleId }),
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: existing ? 'quiz.settings_changed' : 'quiz.created',
        subjectType: 'quiz',
        subjectId: quiz.id,
        data: { courseId, moduleId },
      });
      return quizDto(manager, quiz);
    });
  }

  /** Only a quiz nobody has attempted may be removed. */
  async remove(user: AuthenticatedUser, moduleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await await this.access.moduleForEditor(manager, user, moduleId);
      const quiz = await manager.findOne(Quiz, { where: { moduleId } });
      if (!quiz) throw new QuizException(QuizErrorCode.QuizNotFound);
      if ((await manager.count(QuizAttempt, { where: { quizId: quiz.id } })) > 0) {
        throw new QuizException(QuizErrorCode.QuizHasAttempts);
      }
      await manager.delete(Quiz, { id: quiz.id });
    });
  }
}

export async function quizDto(manager: EntityManager, quiz: Quiz): Promise<QuizDto> {
  const bank = await manager.find(QuizQuestion, {
    where: { courseId: quiz.courseId },
    select: { id: true, tags: true },
  });
  const poolSize = drawPool(
    bank.map((q) => ({ id: q.id, tags: q.tags, itemIds: [] })),
    quiz.drawTags,
  ).length;
  return {
    id: quiz.id,
    courseId: quiz.courseId,
    moduleId: quiz.moduleId,
    title: quiz.title,
    drawCount: quiz.drawCount,
    drawTags: quiz.drawTags,
    shuffleOptions: quiz.shuffleOptions,
    attemptsAllowed: quiz.attemptsAllowed,
    timeLimitMinutes: quiz.timeLimitMinutes,
    passMarkPercent: quiz.passMarkPercent,
    reviewPolicy: quiz.reviewPolicy,
    gradingMethod: quiz.gradingMethod,
    closesAt: quiz.closesAt?.toISOString() ?? null,
    requiredForCompletion: quiz.requiredForCompletion,
    poolSize,
    questionsPerAttempt: quiz.drawCount === null ? poolSize : Math.min(quiz.drawCount, poolSize),
    attemptCount: await manager.count(QuizAttempt, { where: { quizId: quiz.id } }),
  };
}

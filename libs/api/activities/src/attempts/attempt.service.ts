import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@oris/api/platform';
import {
  acceptsAnswers,
  aggregateGrade,
  attemptDeadline,
  drawQuestions,
  isPassingGrade,
} from '@oris/shared/domain';
import type { QuestionType } from '@oris/shared/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { itemIdsOf } from '../bank/question-key';
import { QuizAccess } from '../common/quiz-access';
import { QuizClock } from '../common/quiz-clock';
import { AnswerInputDto, AttemptDto, LearnerQuizDto, SavedAnswerDto } from '../dto/attempt.dto';
import { QuizAnswer } from '../entities/quiz-answer.entity';
import { QuizAttempt } from '../entities/quiz-attempt.entity';
import { QuizQuestion } from '../entities/quiz-question.entity';
import { Quiz } from '../entities/quiz.entity';
import { attemptNotFound, QuizErrorCode, QuizException } from '../quiz.exception';
import { gradeAttempt, questionsOf } from './attempt-grading';
import { attemptView, summaryOf } from './attempt-view';
import { responseOf } from './responses';

/**
 * A trainee's attempts: started (the draw frozen with its seed), answered question by question
 * (saved as they go, so a lost connection resumes), submitted and graded here. The time limit
 * is the server's: answers after the deadline and its grace are refused, and an attempt past it
 * is closed at its deadline, with the answers saved by then, whenever it is next touched.
 */
@Injectable()
export class QuizAttempts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
    private readonly clock: QuizClock,
  ) {}

  async overview(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
  ): Promise<LearnerQuizDto> {
    return this.dataSource.transaction(async (manager) => {
      const { enrollment, quiz } = await this.access.learner(manager, user, enrollmentId, moduleId);
      const attempts = await this.attemptsOf(manager, quiz, enrollment.id);
      const submitted = attempts.filter((a) => a.submittedAt !== null);
      const grade = aggregateGrade(
        quiz.gradingMethod,
        submitted.map((a) => a.percent as number),
      );
      const inProgress = attempts.find((a) => a.submittedAt === null) ?? null;
      const now = this.clock.now();
      const open = quiz.closesAt === null || now < quiz.closesAt;
      const poolCount = await this.poolCount(manager, quiz);
      return {
        quizId: quiz.id,
        moduleId: quiz.moduleId,
        title: quiz.title,
        questionsPerAttempt:
          quiz.drawCount === null ? poolCount : Math.min(quiz.drawCount, poolCount),
        attemptsAllowed: quiz.attemptsAllowed,
        attemptsUsed: attempts.length,
        timeLimitMinutes: quiz.timeLimitMinutes,
        passMarkPercent: quiz.passMarkPercent,
        reviewPolicy: quiz.reviewPolicy,
        gradingMethod: quiz.gradingMethod,
        closesAt: quiz.closesAt?.toISOString() ?? null,
        requiredForCompletion: quiz.requiredForCompletion,
        grade,
        passed: isPassingGrade(grade, quiz.passMarkPercent),
        canStart:
          enrollment.status === 'confirmed' &&
          poolCount > 0 &&
          (inProgress !== null || (open && attempts.length < quiz.attemptsAllowed)),
        inProgressAttemptId: inProgress?.id ?? null,
        attempts: attempts.map((a) => summaryOf(a, now)),
      };
    });
  }

  /** Starts an attempt, or resumes the one in progress (the same questions, in the same order). */
  async start(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
  ): Promise<AttemptDto> {
    return this.dataSource.transaction(async (manager) => {
      const { enrollment, quiz } = await this.access.learner(
        manager,
        user,
        enrollmentId,
        moduleId,
        true,
      );
      if (enrollment.status !== 'confirmed') {
        throw new QuizException(
          QuizErrorCode.SeatNotConfirmed,
          `This enrollment is ${enrollment.status}: no new attempt.`,
        );
      }
      const attempts = await this.attemptsOf(manager, quiz, enrollment.id);
      const now = this.clock.now();
      const inProgress = attempts.find((a) => a.submittedAt === null);
      if (inProgress) return this.view(manager, quiz, inProgress, attempts);
      if (quiz.closesAt !== null && now >= quiz.closesAt) {
        throw new QuizException(QuizErrorCode.QuizClosed);
      }
      if (attempts.length >= quiz.attemptsAllowed) {
        throw new QuizException(
          QuizErrorCode.NoAttemptLeft,
          `${attempts.length} of ${quiz.attemptsAllowed} attempts used.`,
        );
      }
      const bank = await manager.find(QuizQuestion, { where: { courseId: quiz.courseId } });
      const seed = randomInt(0, 2 ** 32 - 1);
      const drawn = drawQuestions(
        bank.map((q) => ({ id: q.id, tags: q.tags, itemIds: itemIdsOf(q.key) })),
        quiz,
        seed,
        new Map<string, QuestionType>(bank.map((q) => [q.id, q.type])),
      );
      if (drawn.length === 0) throw new QuizException(QuizErrorCode.QuizHasNoQuestions);
      const attempt = await manager.save(
        manager.create(QuizAttempt, {
          quizId: quiz.id,
          enrollmentId: enrollment.id,
          userId: user.id,
          number: attempts.length + 1,
          seed,
          drawn,
          startedAt: now,
          deadlineAt: attemptDeadline(now, quiz.timeLimitMinutes),
          submittedAt: null,
          closedBy: null,
          score: null,
          maxScore: null,
          percent: null,
        }),
      );
      return this.view(manager, quiz, attempt, [...attempts, attempt]);
    });
  }

  async get(user: AuthenticatedUser, attemptId: string): Promise<AttemptDto> {
    return this.dataSource.transaction(async (manager) => {
      const { attempt, quiz } = await this.ownAttempt(manager, user, attemptId);
      return this.view(manager, quiz, attempt);
    });
  }

  async save(
    user: AuthenticatedUser,
    attemptId: string,
    questionId: string,
    input: AnswerInputDto,
  ): Promise<SavedAnswerDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const { attempt } = await this.ownAttempt(manager, user, attemptId);
      if (attempt.submittedAt !== null) return attemptClosedError(attempt);
      const now = this.clock.now();
      if (!attempt.drawn.some((drawn) => drawn.questionId === questionId)) {
        throw new QuizException(
          QuizErrorCode.QuestionNotInAttempt,
          `No question ${questionId} here.`,
        );
      }
      const question = await manager.findOneByOrFail(QuizQuestion, { id: questionId });
      const response = responseOf(question.key, input);
      await manager.upsert(
        QuizAnswer,
        { attemptId, questionId, response, savedAt: now, score: null, maxScore: null },
        ['attemptId', 'questionId'],
      );
      return {
        questionId,
        savedAt: now.toISOString(),
        secondsLeft:
          attempt.deadlineAt === null
            ? null
            : Math.max(0, Math.floor((attempt.deadlineAt.getTime() - now.getTime()) / 1000)),
      };
    });
    if (outcome instanceof QuizException) throw outcome;
    return outcome;
  }

  async submit(user: AuthenticatedUser, attemptId: string): Promise<AttemptDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const { attempt, quiz, closedNow } = await this.ownAttempt(manager, user, attemptId);
      if (attempt.submittedAt !== null && !closedNow) {
        return new QuizException(QuizErrorCode.AttemptSubmitted);
      }
      if (attempt.submittedAt === null) {
        attempt.submittedAt = this.clock.now();
        attempt.closedBy = 'trainee';
        await gradeAttempt(manager, attempt, await questionsOf(manager, attempt));
      }
      return this.view(manager, quiz, attempt);
    });
    if (outcome instanceof QuizException) throw outcome;
    return outcome;
  }

  /**
   * The caller's own attempt (anyone else's is 404), locked, closed at its deadline first when
   * its time is up (then committed even if the caller's request is refused).
   */
  private async ownAttempt(
    manager: EntityManager,
    user: AuthenticatedUser,
    attemptId: string,
  ): Promise<{ attempt: QuizAttempt; quiz: Quiz; closedNow: boolean }> {
    const attempt = await manager.findOne(QuizAttempt, {
      where: { id: attemptId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!attempt || attempt.userId !== user.id) throw attemptNotFound(attemptId);
    const quiz = await manager.findOneByOrFail(Quiz, { id: attempt.quizId });
    const closedNow = await this.closeIfTimeUp(manager, attempt);
    return { attempt, quiz, closedNow };
  }

  private async closeIfTimeUp(manager: EntityManager, attempt: QuizAttempt): Promise<boolean> {
    if (attempt.submittedAt !== null || acceptsAnswers(attempt.deadlineAt, this.clock.now())) {
      return false;
    }
    attempt.submittedAt = attempt.deadlineAt;
    attempt.closedBy = 'deadline';
    await gradeAttempt(manager, attempt, await questionsOf(manager, attempt));
    return true;
  }

  /** The trainee's attempts at a quiz in this enrollment, oldest first, expired ones closed. */
  private async attemptsOf(
    manager: EntityManager,
    quiz: Quiz,
    enrollmentId: string,
  ): Promise<QuizAttempt[]> {
    const attempts = await manager.find(QuizAttempt, {
      where: { quizId: quiz.id, enrollmentId },
      order: { number: 'ASC' },
    });
    for (const attempt of attempts.filter((a) => a.submittedAt === null)) {
      await this.closeIfTimeUp(manager, attempt);
    }
    return attempts;
  }

  private async poolCount(manager: EntityManager, quiz: Quiz): Promise<number> {
    const [row]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM quiz_question
        WHERE course_id = $1 AND (cardinality($2::varchar[]) = 0 OR tags && $2::varchar[])`,
      [quiz.courseId, quiz.drawTags],
    );
    return row.count;
  }

  private async view(
    manager: EntityManager,
    quiz: Quiz,
    attempt: QuizAttempt,
    attempts?: QuizAttempt[],
  ): Promise<AttemptDto> {
    const used =
      attempts?.length ??
      (await manager.count(QuizAttempt, {
        where: { quizId: quiz.id, enrollmentId: attempt.enrollmentId },
      }));
    const inProgress =
      attempts?.some((a) => a.submittedAt === null) ??
      (await manager.exists(QuizAttempt, {
        where: { quizId: quiz.id, enrollmentId: attempt.enrollmentId, submittedAt: IsNull() },
      }));
    return attemptView(manager, quiz, attempt, {
      attemptsUsed: inProgress ? used - 1 : used,
      now: this.clock.now(),
    });
  }
}

/**
 * Saving into a closed attempt: 409, "time up" when the deadline closed it, "submitted"
 * otherwise. Returned (not thrown) so that closing it at its deadline commits.
 */
const attemptClosedError = (attempt: QuizAttempt) =>
  attempt.closedBy === 'deadline'
    ? new QuizException(
        QuizErrorCode.AttemptTimeUp,
        `The deadline was ${attempt.deadlineAt?.toISOString()}.`,
      )
    : new QuizException(QuizErrorCode.AttemptSubmitted);

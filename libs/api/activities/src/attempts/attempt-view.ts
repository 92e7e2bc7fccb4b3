import { correctResponse, isPassingGrade, reviewVisible, secondsLeft } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import type {
  AttemptDto,
  AttemptQuestionDto,
  AttemptSummaryDto,
  QuizItemDto,
} from '../dto/attempt.dto';
import { QuizAnswer } from '../entities/quiz-answer.entity';
import { QuizAttempt } from '../entities/quiz-attempt.entity';
import type { QuizQuestion } from '../entities/quiz-question.entity';
import type { Quiz } from '../entities/quiz.entity';
import { questionsOf } from './attempt-grading';
import { answerDtoOf } from './responses';

export const summaryOf = (attempt: QuizAttempt, _now: Date): AttemptSummaryDto => ({
  id: attempt.id,
  number: attempt.number,
  status: attempt.submittedAt === null ? 'in_progress' : 'submitted',
  startedAt: attempt.startedAt.toISOString(),
  deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
  submittedAt: attempt.submittedAt?.toISOString() ?? null,
  closedBy: attempt.closedBy,
  score: attempt.score,
  maxScore: attempt.maxScore,
  percent: attempt.percent,
});

/** The items a trainee sees, in the attempt's frozen order. */
function itemsOf(question: QuizQuestion, itemOrder: string[]) {
  const key = question.key;
  const ordered = <T extends { id: string }>(items: T[]): T[] => {
    const byId = new Map(items.map((item) => [item.id, item]));
    const known = itemOrder.map((id) => byId.get(id)).filter((item): item is T => !!item);
    // Items added to the question after the draw come last (a fix must not hide them).
    return known.concat(items.filter((item) => !itemOrder.includes(item.id)));
  };
  const none: QuizItemDto[] = [];
  if (key.type === 'single_choice' || key.type === 'multiple_choice') {
    return {
      options: ordered(key.options).map(({ id, text }) => ({ id, text })),
      matchLefts: none,
      matchRights: none,
    };
  }
  if (key.type === 'matching') {
    return {
      options: none,
      matchLefts: key.pairs.map((pair) => ({ id: pair.id, text: pair.left })),
      matchRights: ordered(key.pairs).map((pair) => ({ id: pair.id, text: pair.right })),
    };
  }
  return { options: none, matchLefts: none, matchRights: none };
}

/**
 * An attempt as its trainee sees it. The key (correct answers), the per-question scores and the
 * feedback are included only when the quiz's review policy allows it for this attempt.
 */
export async function attemptView(
  manager: EntityManager,
  quiz: Quiz,
  attempt: QuizAttempt,
  context: { attemptsUsed: number; now: Date },
): Promise<AttemptDto> {
  const questions = await questionsOf(manager, attempt);
  const answers = new Map(
    (await manager.find(QuizAnswer, { where: { attemptId: attempt.id } })).map((a) => [
      a.questionId,
      a,
    ]),
  );
  const submitted = attempt.submittedAt !== null;
  const review = reviewVisible({
    policy: quiz.reviewPolicy,
    attemptSubmitted: submitted,
    attemptsUsed: context.attemptsUsed,
    attemptsAllowed: quiz.attemptsAllowed,
    closesAt: quiz.closesAt,
    now: context.now,
  });
  const items: AttemptQuestionDto[] = [];
  attempt.drawn.forEach(({ questionId, itemOrder }, index) => {
    const question = questions.get(questionId);
    if (!question) return;
    const answer = answers.get(questionId);
    items.push({
      questionId,
      position: index + 1,
      type: question.type,
      text: question.text,
      points: question.points,
      ...itemsOf(question, itemOrder),
      answer: answer?.response ? answerDtoOf(answer.response) : null,
      savedAt: answer?.response ? answer.savedAt.toISOString() : null,
      score: review ? (answer?.score ?? 0) : null,
      correctAnswer: review ? answerDtoOf(correctResponse(question.key)) : null,
      feedback: review ? question.feedback : null,
    });
  });
  return {
    ...summaryOf(attempt, context.now),
    quizId: quiz.id,
    quizTitle: quiz.title,
    secondsLeft: submitted ? null : secondsLeft(attempt.deadlineAt, context.now),
    passMarkPercent: quiz.passMarkPercent,
    passed: submitted ? isPassingGrade(attempt.percent, quiz.passMarkPercent) : null,
    reviewVisible: review,
    questions: items,
  };
}

import { attemptPercent, gradeResponse, roundScore } from '@oris/shared/domain';
import { EntityManager, In } from 'typeorm';
import { QuizAnswer } from '../entities/quiz-answer.entity';
import { QuizAttempt } from '../entities/quiz-attempt.entity';
import { QuizQuestion } from '../entities/quiz-question.entity';

export async function questionsOf(
  manager: EntityManager,
  attempt: Pick<QuizAttempt, 'drawn'>,
): Promise<Map<string, QuizQuestion>> {
  const ids = attempt.drawn.map((drawn) => drawn.questionId);
  const questions = ids.length ? await manager.find(QuizQuestion, { where: { id: In(ids) } }) : [];
  return new Map(questions.map((question) => [question.id, question]));
}

/**
 * Grades an attempt with the questions as they are now (used at submit, at the deadline and by
 * a regrade): one answer row per drawn question (unanswered ones get a row with no response),
 * the attempt's score, maximum and percent. Returns whether the percent changed.
 */
export async function gradeAttempt(
  manager: EntityManager,
  attempt: QuizAttempt,
  questions: Map<string, QuizQuestion>,
): Promise<boolean> {
  const answers = await manager.find(QuizAnswer, { where: { attemptId: attempt.id } });
  const byQuestion = new Map(answers.map((answer) => [answer.questionId, answer]));
  const rows: QuizAnswer[] = [];
  let score = 0;
  let maxScore = 0;
  for (const { questionId } of attempt.drawn) {
    const question = questions.get(questionId);
    if (!question) continue;
    const answer = byQuestion.get(questionId);
    const earned = gradeResponse(question.key, question.points, answer?.response ?? null);
    score += earned;
    maxScore += question.points;
    rows.push(
      manager.create(QuizAnswer, {
        attemptId: attempt.id,
        questionId,
        response: answer?.response ?? null,
        savedAt: answer?.savedAt ?? attempt.submittedAt ?? new Date(),
        score: earned,
        maxScore: question.points,
      }),
    );
  }
  if (rows.length) await manager.upsert(QuizAnswer, rows, ['attemptId', 'questionId']);
  const percent = attemptPercent(score, maxScore);
  const changed = attempt.percent !== percent;
  attempt.score = roundScore(score);
  attempt.maxScore = maxScore;
  attempt.percent = percent;
  await manager.update(
    QuizAttempt,
    { id: attempt.id },
    {
      score: attempt.score,
      maxScore,
      percent,
      submittedAt: attempt.submittedAt,
      closedBy: attempt.closedBy,
    },
  );
  return changed;
}

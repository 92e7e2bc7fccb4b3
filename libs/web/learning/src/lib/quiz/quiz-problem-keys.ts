import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';
import { learningMessageKeys } from '../shared/problem-keys';

const CODE_KEYS: Readonly<Record<string, string>> = {
  quiz_not_found: 'quiz.problems.quizNotFound',
  quiz_closed: 'quiz.problems.quizClosed',
  quiz_has_no_questions: 'quiz.problems.noQuestions',
  no_attempt_left: 'quiz.problems.noAttemptLeft',
  attempt_not_found: 'quiz.problems.attemptNotFound',
  attempt_submitted: 'quiz.problems.attemptSubmitted',
  attempt_time_up: 'quiz.problems.timeUp',
};

/** `messageKeys` for `<oris-problem-alert>`: quiz problems, then the enrollment ones. */
export function quizMessageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : learningMessageKeys(error);
}

import { RequestValidationException } from '@oris/api/platform';
import { keyProblem, QUIZ_LIMITS as LIMITS } from '@oris/shared/domain';
import type { ChoiceOption, QuestionKey } from '@oris/shared/domain';
import type { ChoiceOptionDto, MatchingPairDto, QuestionInputDto } from '../dto/question.dto';

/** The answer fields each type takes; any other sent is refused (a form sending stale fields). */
const FIELDS_OF: Record<QuestionKey['type'], (keyof QuestionInputDto)[]> = {
  single_choice: ['options'],
  multiple_choice: ['options'],
  true_false: ['correct'],
  short_answer: ['acceptedAnswers'],
  numeric: ['value', 'tolerance'],
  matching: ['pairs'],
};
const ANSWER_FIELDS: (keyof QuestionInputDto)[] = [
  'options',
  'correct',
  'acceptedAnswers',
  'value',
  'tolerance',
  'pairs',
];

const invalid = (field: string, message: string) =>
  new RequestValidationException([{ field, message }]);

/** New item ids: the smallest `o<n>`/`p<n>` not taken, so kept ids stay valid. */
function withIds<T extends { id?: string }>(items: T[], prefix: string): (T & { id: string })[] {
  const taken = new Set(items.map((item) => item.id).filter(Boolean));
  let next = 1;
  return items.map((item) => {
    if (item.id) return item as T & { id: string };
    while (taken.has(`${prefix}${next}`)) next += 1;
    taken.add(`${prefix}${next}`);
    return { ...item, id: `${prefix}${next}` };
  });
}

/** The answer key of a question input; 400 with the field when it cannot be graded. */
export function keyOfInput(input: QuestionInputDto): QuestionKey {
  const allowed = FIELDS_OF[input.type];
  for (const field of ANSWER_FIELDS) {
    if (input[field] !== undefined && !allowed.includes(field)) {
      throw invalid(field, `${field} does not apply to a ${input.type} question`);
    }
  }
  for (const field of allowed) {
    if (input[field] === undefined && field !== 'tolerance') {
      throw invalid(field, `${field} is required for a ${input.type} question`);
    }
  }
  let key: QuestionKey;
  switch (input.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const options = withIds(input.options ?? [], 'o');
      if (options.length < LIMITS.optionsMin) {
        throw invalid('options', `options must have at least ${LIMITS.optionsMin} items`);
      }
      const plain: ChoiceOption[] = options.map(({ id, text }) => ({ id, text }));
      const correct = options.filter((option) => option.correct).map((option) => option.id);
      if (input.type === 'single_choice') {
        if (correct.length !== 1) throw invalid('options', 'exactly one option must be correct');
        key = { type: 'single_choice', options: plain, correctOptionId: correct[0] };
      } else {
        key = { type: 'multiple_choice', options: plain, correctOptionIds: correct };
      }
      break;
    }
    case 'true_false':
      key = { type: 'true_false', correct: input.correct as boolean };
      break;
    case 'short_answer':
      key = {
        type: 'short_answer',
        acceptedAnswers: (input.acceptedAnswers ?? []).map((answer) => answer.trim()),
      };
      break;
    case 'numeric':
      key = { type: 'numeric', value: input.value as number, tolerance: input.tolerance ?? 0 };
      break;
    case 'matching': {
      const pairs = withIds(input.pairs ?? [], 'p');
      if (pairs.length < LIMITS.pairsMin) {
        throw invalid('pairs', `pairs must have at least ${LIMITS.pairsMin} items`);
      }
      key = { type: 'matching', pairs: pairs.map(({ id, left, right }) => ({ id, left, right })) };
      break;
    }
  }
  const problem = keyProblem(key);
  if (problem) throw invalid(allowed[0], problem);
  return key;
}

/** The ids a draw shuffles: options, or matching's right items (pair ids). */
export const itemIdsOf = (key: QuestionKey): string[] =>
  key.type === 'single_choice' || key.type === 'multiple_choice'
    ? key.options.map((option) => option.id)
    : key.type === 'matching'
      ? key.pairs.map((pair) => pair.id)
      : [];

/** The answer fields of a question as its trainers read them. */
export function keyFields(key: QuestionKey): {
  options: ChoiceOptionDto[];
  correct: boolean | null;
  acceptedAnswers: string[];
  value: number | null;
  tolerance: number | null;
  pairs: MatchingPairDto[];
} {
  const none = {
    options: [],
    correct: null,
    acceptedAnswers: [],
    value: null,
    tolerance: null,
    pairs: [],
  };
  switch (key.type) {
    case 'single_choice':
      return {
        ...none,
        options: key.options.map((o) => ({ ...o, correct: o.id === key.correctOptionId })),
      };
    case 'multiple_choice':
      return {
        ...none,
        options: key.options.map((o) => ({ ...o, correct: key.correctOptionIds.includes(o.id) })),
      };
    case 'true_false':
      return { ...none, correct: key.correct };
    case 'short_answer':
      return { ...none, acceptedAnswers: key.acceptedAnswers };
    case 'numeric':
      return { ...none, value: key.value, tolerance: key.tolerance };
    case 'matching':
      return { ...none, pairs: key.pairs };
  }
}

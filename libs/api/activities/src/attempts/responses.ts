import { RequestValidationException } from '@oris/api/platform';
import type { QuestionKey, QuestionResponse } from '@oris/shared/domain';
import type { AnswerDto, AnswerInputDto } from '../dto/attempt.dto';

const FIELD_OF: Record<QuestionKey['type'], keyof AnswerInputDto> = {
  single_choice: 'optionId',
  multiple_choice: 'optionIds',
  true_false: 'booleanValue',
  short_answer: 'text',
  numeric: 'numericValue',
  matching: 'matches',
};

const invalid = (field: string, message: string) =>
  new RequestValidationException([{ field, message }]);

/**
 * The response an answer body gives to a question: the field of the question's type only, and
 * ids that are the question's own (an unknown option is 400, not silently wrong).
 */
export function responseOf(key: QuestionKey, input: AnswerInputDto): QuestionResponse {
  const field = FIELD_OF[key.type];
  for (const other of Object.values(FIELD_OF)) {
    if (other !== field && input[other] !== undefined) {
      throw invalid(other, `${other} does not apply to a ${key.type} question; send ${field}`);
    }
  }
  if (input[field] === undefined) throw invalid(field, `${field} is required`);
  switch (key.type) {
    case 'single_choice': {
      const optionId = input.optionId ?? null;
      if (optionId !== null && !key.options.some((o) => o.id === optionId)) {
        throw invalid('optionId', 'optionId is not an option of this question');
      }
      return { type: key.type, optionId };
    }
    case 'multiple_choice': {
      const optionIds = [...new Set(input.optionIds ?? [])];
      if (optionIds.some((id) => !key.options.some((o) => o.id === id))) {
        throw invalid('optionIds', 'optionIds must be options of this question');
      }
      return { type: key.type, optionIds };
    }
    case 'true_false':
      return { type: key.type, value: input.booleanValue ?? null };
    case 'short_answer':
      return { type: key.type, text: input.text ?? '' };
    case 'numeric':
      return { type: key.type, value: input.numericValue ?? null };
    case 'matching': {
      const ids = new Set(key.pairs.map((pair) => pair.id));
      const matches = (input.matches ?? []).map(({ leftId, rightId }) => ({ leftId, rightId }));
      if (matches.some((m) => !ids.has(m.leftId) || !ids.has(m.rightId))) {
        throw invalid('matches', 'matches must pair items of this question');
      }
      const lefts = new Set(matches.map((m) => m.leftId));
      const rights = new Set(matches.map((m) => m.rightId));
      if (lefts.size !== matches.length || rights.size !== matches.length) {
        throw invalid('matches', 'each item may be matched once');
      }
      return { type: key.type, matches };
    }
  }
}

/** A stored response in the API's answer shape. */
export function answerDtoOf(response: QuestionResponse): AnswerDto {
  switch (response.type) {
    case 'single_choice':
      return { optionId: response.optionId };
    case 'multiple_choice':
      return { optionIds: response.optionIds };
    case 'true_false':
      return { booleanValue: response.value };
    case 'short_answer':
      return { text: response.text };
    case 'numeric':
      return { numericValue: response.value };
    case 'matching':
      return { matches: response.matches };
  }
}

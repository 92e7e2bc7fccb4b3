import { RequestValidationException } from '@oris/api/platform';
import type { QuestionKey } from '@oris/shared/domain';
import type { AnswerInputDto } from '../dto/attempt.dto';
import { answerDtoOf, responseOf } from './responses';

const choice: QuestionKey = {
  type: 'multiple_choice',
  options: [
    { id: 'o1', text: 'Coopérative' },
    { id: 'o2', text: 'Association' },
    { id: 'o3', text: 'SARL' },
  ],
  correctOptionIds: ['o1', 'o2'],
};
const matching: QuestionKey = {
  type: 'matching',
  pairs: [
    { id: 'p1', left: 'INDH', right: 'Initiative nationale' },
    { id: 'p2', left: 'ODCo', right: 'Office des coopératives' },
  ],
};

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationException);
    return (error as RequestValidationException).fieldErrors.map((e) => e.field);
  }
  throw new Error('expected a validation error');
};

describe('an answer body read against its question', () => {
  it('keeps a multiple-choice answer once per option, whatever the repeats', () => {
    const response = responseOf(choice, { optionIds: ['o2', 'o1', 'o2'] } as AnswerInputDto);
    expect(response).toEqual({ type: 'multiple_choice', optionIds: ['o2', 'o1'] });
    expect(answerDtoOf(response)).toEqual({ optionIds: ['o2', 'o1'] });
  });

  it('refuses an option that is not the question’s, and a field of another question type', () => {
    expect(fieldsOf(() => responseOf(choice, { optionIds: ['o9'] } as AnswerInputDto))).toEqual([
      'optionIds',
    ]);
    expect(
      fieldsOf(() => responseOf(choice, { optionIds: ['o1'], text: 'x' } as AnswerInputDto)),
    ).toEqual(['text']);
    expect(fieldsOf(() => responseOf(choice, {} as AnswerInputDto))).toEqual(['optionIds']);
  });

  it('lets each matching item be used once, so sending every combination cannot score', () => {
    const both = [
      { leftId: 'p1', rightId: 'p1' },
      { leftId: 'p1', rightId: 'p2' },
    ];
    expect(fieldsOf(() => responseOf(matching, { matches: both } as AnswerInputDto))).toEqual([
      'matches',
    ]);
    const right = [
      { leftId: 'p1', rightId: 'p1' },
      { leftId: 'p2', rightId: 'p2' },
    ];
    expect(responseOf(matching, { matches: right } as AnswerInputDto)).toEqual({
      type: 'matching',
      matches: right,
    });
  });
});

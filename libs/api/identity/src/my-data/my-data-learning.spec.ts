import { responseInWords, rubricResults } from './my-data-learning';

describe('responseInWords', () => {
  const options = [
    { id: 'a', text: 'Association' },
    { id: 'b', text: 'SARL' },
  ];

  it('words each kind of answer as the person gave it, never which was right', () => {
    const single = { type: 'single_choice' as const, options, correctOptionId: 'a' };
    expect(responseInWords(single, { type: 'single_choice', optionId: 'b' })).toBe('SARL');
    expect(responseInWords(single, { type: 'single_choice', optionId: null })).toBeNull();
    const multiple = { type: 'multiple_choice' as const, options, correctOptionIds: ['a'] };
    expect(responseInWords(multiple, { type: 'multiple_choice', optionIds: ['a', 'b'] })).toBe(
      'Association ; SARL',
    );
    expect(
      responseInWords(
        { type: 'short_answer', acceptedAnswers: ['ESS'] },
        { type: 'short_answer', text: 'économie sociale' },
      ),
    ).toBe('économie sociale');
    expect(
      responseInWords({ type: 'numeric', value: 3, tolerance: 0 }, { type: 'numeric', value: 2.5 }),
    ).toBe('2.5');
    expect(
      responseInWords(
        {
          type: 'matching',
          pairs: [
            { id: 'p', left: 'Coopérative', right: 'Membres' },
            { id: 'q', left: 'Fondation', right: 'Patrimoine' },
          ],
        },
        { type: 'matching', matches: [{ leftId: 'p', rightId: 'q' }] },
      ),
    ).toBe('Coopérative → Patrimoine');
    expect(responseInWords({ type: 'true_false', correct: true }, null)).toBeNull();
  });
});

describe('rubricResults', () => {
  it('names the level chosen for each criterion, in the rubric’s order', () => {
    const rubric = {
      criteria: [
        {
          id: 'c1',
          title: 'Analyse',
          levels: [
            { id: 'l1', title: 'Faible', points: 0 },
            { id: 'l2', title: 'Bonne', points: 5 },
          ],
        },
        { id: 'c2', title: 'Forme', levels: [{ id: 'l3', title: 'Claire', points: 2 }] },
      ],
    };
    expect(rubricResults(rubric, { c2: 'l3', c1: 'l2' })).toEqual([
      { criterion: 'Analyse', level: 'Bonne', points: 5 },
      { criterion: 'Forme', level: 'Claire', points: 2 },
    ]);
    expect(rubricResults(rubric, null)).toEqual([]);
  });
});

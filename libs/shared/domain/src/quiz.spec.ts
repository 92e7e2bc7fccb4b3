import {
  acceptsAnswers,
  aggregateGrade,
  attemptDeadline,
  attemptPercent,
  correctResponse,
  drawQuestions,
  gradeResponse,
  keyProblem,
  QUIZ_LIMITS,
  QuestionKey,
  QuestionResponse,
  reviewVisible,
  seededRandom,
  seededShuffle,
  secondsLeft,
} from './quiz';

// fast-check is not installed: properties are checked over seeded random cases (reproducible).
const RUNS = 300;
const cases = (seed: number) => seededRandom(seed);
const int = (random: () => number, max: number) => Math.floor(random() * max);
const ids = (count: number) => Array.from({ length: count }, (_, i) => `o${i}`);

function randomKey(random: () => number): QuestionKey {
  const options = ids(2 + int(random, 8)).map((id) => ({ id, text: `option ${id}` }));
  switch (int(random, 6)) {
    case 0:
      return {
        type: 'single_choice',
        options,
        correctOptionId: options[int(random, options.length)].id,
      };
    case 1: {
      const correct = options.filter(() => random() < 0.5).map((o) => o.id);
      return {
        type: 'multiple_choice',
        options,
        correctOptionIds: correct.length ? correct : [options[0].id],
      };
    }
    case 2:
      return { type: 'true_false', correct: random() < 0.5 };
    case 3:
      return { type: 'short_answer', acceptedAnswers: ['Économie sociale', 'ESS'] };
    case 4:
      return { type: 'numeric', value: int(random, 1000) / 10, tolerance: int(random, 10) / 10 };
    default:
      return {
        type: 'matching',
        pairs: ids(2 + int(random, 6)).map((id) => ({ id, left: `l${id}`, right: `r${id}` })),
      };
  }
}

function randomResponse(random: () => number, key: QuestionKey): QuestionResponse {
  const pick = (list: string[]) => list.filter(() => random() < 0.5);
  switch (key.type) {
    case 'single_choice':
      return { type: key.type, optionId: key.options[int(random, key.options.length)].id };
    case 'multiple_choice':
      return { type: key.type, optionIds: pick(key.options.map((o) => o.id)) };
    case 'true_false':
      return { type: key.type, value: random() < 0.5 };
    case 'short_answer':
      return { type: key.type, text: ['ess', 'economie', ''][int(random, 3)] };
    case 'numeric':
      return { type: key.type, value: int(random, 1000) / 10 };
    case 'matching': {
      const rights = seededShuffle(
        key.pairs.map((p) => p.id),
        int(random, 1e9),
      );
      return {
        type: key.type,
        matches: key.pairs.map((p, i) => ({ leftId: p.id, rightId: rights[i] })),
      };
    }
  }
}

describe('seededShuffle (property)', () => {
  it('returns a permutation of its input, the same for the same seed', () => {
    const random = cases(1);
    for (let run = 0; run < RUNS; run += 1) {
      const items = ids(int(random, 30));
      const seed = int(random, 2 ** 32);
      const shuffled = seededShuffle(items, seed);
      expect([...shuffled].sort()).toEqual([...items].sort());
      expect(seededShuffle(items, seed)).toEqual(shuffled);
    }
  });

  it('does not always return the input order (the seed matters)', () => {
    const items = ids(10);
    const orders = new Set(
      Array.from({ length: 50 }, (_, seed) => seededShuffle(items, seed).join()),
    );
    expect(orders.size).toBeGreaterThan(40);
  });
});

describe('drawQuestions', () => {
  const bank = ids(12).map((id, i) => ({
    id: `q${id}`,
    tags: i % 2 ? ['odd'] : ['even'],
    itemIds: ['a', 'b', 'c', 'd'],
  }));

  it('draws N distinct questions of the tags, the same for a seed whatever the bank order (property)', () => {
    const random = cases(2);
    for (let run = 0; run < RUNS; run += 1) {
      const seed = int(random, 2 ** 32);
      const settings = { drawCount: 1 + int(random, 8), drawTags: ['odd'], shuffleOptions: true };
      const drawn = drawQuestions(bank, settings, seed);
      expect(drawn).toHaveLength(Math.min(settings.drawCount, 6));
      expect(new Set(drawn.map((q) => q.questionId)).size).toBe(drawn.length);
      for (const question of drawn) {
        expect(bank.find((q) => q.id === question.questionId)?.tags).toEqual(['odd']);
        expect([...question.itemOrder].sort()).toEqual(['a', 'b', 'c', 'd']);
      }
      expect(drawQuestions([...bank].reverse(), settings, seed)).toEqual(drawn);
    }
  });

  it('keeps the options in their order unless asked to shuffle, but always shuffles matching', () => {
    const settings = { drawCount: null, drawTags: [], shuffleOptions: false };
    const types = new Map(
      bank.map((q, i) => [q.id, i === 0 ? 'matching' : 'single_choice'] as const),
    );
    const seeds = Array.from({ length: 20 }, (_, seed) =>
      drawQuestions(bank, settings, seed, types),
    );
    for (const drawn of seeds) {
      expect(drawn).toHaveLength(12);
      for (const q of drawn.filter((q) => q.questionId !== bank[0].id)) {
        expect(q.itemOrder).toEqual(['a', 'b', 'c', 'd']);
      }
    }
    const matchingOrders = new Set(
      seeds.map((drawn) => drawn.find((q) => q.questionId === bank[0].id)?.itemOrder.join()),
    );
    expect(matchingOrders.size).toBeGreaterThan(1);
  });
});

describe('grading (property)', () => {
  it('scores between 0 and the points, and a correct answer always scores the points', () => {
    const random = cases(3);
    for (let run = 0; run < RUNS * 3; run += 1) {
      const key = randomKey(random);
      expect(keyProblem(key)).toBeNull();
      const points = 1 + int(random, QUIZ_LIMITS.pointsMax);
      const score = gradeResponse(key, points, randomResponse(random, key));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(points);
      expect(gradeResponse(key, points, correctResponse(key))).toBe(points);
    }
  });

  it('grades a multiple choice the same whatever the order of the chosen options', () => {
    const random = cases(4);
    for (let run = 0; run < RUNS; run += 1) {
      const key = randomKey(random);
      if (key.type !== 'multiple_choice') continue;
      const response = randomResponse(random, key) as {
        type: 'multiple_choice';
        optionIds: string[];
      };
      const reordered = { ...response, optionIds: seededShuffle(response.optionIds, run) };
      expect(gradeResponse(key, 7, reordered)).toBe(gradeResponse(key, 7, response));
    }
  });

  it('gives nothing for no answer or an answer of another type', () => {
    const key: QuestionKey = { type: 'true_false', correct: true };
    expect(gradeResponse(key, 2, null)).toBe(0);
    expect(gradeResponse(key, 2, { type: 'numeric', value: 1 })).toBe(0);
  });
});

describe('grading per type', () => {
  const options = ids(4).map((id) => ({ id, text: id }));

  it('multiple choice: 1/k per correct option chosen, minus 1/k per wrong one, never below 0', () => {
    const key: QuestionKey = { type: 'multiple_choice', options, correctOptionIds: ['o0', 'o1'] };
    const grade = (optionIds: string[]) =>
      gradeResponse(key, 4, { type: 'multiple_choice', optionIds });
    expect(grade(['o0', 'o1'])).toBe(4);
    expect(grade(['o0'])).toBe(2);
    expect(grade(['o0', 'o2'])).toBe(0);
    expect(grade(['o0', 'o1', 'o2'])).toBe(2);
    expect(grade(['o2', 'o3'])).toBe(0);
    // Choosing everything is not a way to score.
    expect(grade(['o0', 'o1', 'o2', 'o3'])).toBe(0);
  });

  it('short answer: case, accents, punctuation and spaces do not matter', () => {
    const key: QuestionKey = { type: 'short_answer', acceptedAnswers: ['Économie sociale'] };
    const grade = (text: string) => gradeResponse(key, 1, { type: 'short_answer', text });
    expect(grade('economie  SOCIALE.')).toBe(1);
    expect(grade('  ÉCONOMIE-sociale ')).toBe(1);
    expect(grade('economie')).toBe(0);
    expect(grade('')).toBe(0);
  });

  it('numeric: right within the tolerance, inclusive', () => {
    const key: QuestionKey = { type: 'numeric', value: 12.5, tolerance: 0.5 };
    const grade = (value: number | null) => gradeResponse(key, 3, { type: 'numeric', value });
    expect(grade(12)).toBe(3);
    expect(grade(13)).toBe(3);
    expect(grade(13.01)).toBe(0);
    expect(grade(null)).toBe(0);
    expect(
      gradeResponse({ type: 'numeric', value: 0.3, tolerance: 0 }, 1, {
        type: 'numeric',
        value: 0.1 + 0.2,
      }),
    ).toBe(1);
  });

  it('matching: the share of pairs right; an item used twice counts as wrong', () => {
    const key: QuestionKey = {
      type: 'matching',
      pairs: ids(4).map((id) => ({ id, left: id, right: id })),
    };
    const grade = (matches: [string, string][]) =>
      gradeResponse(key, 4, {
        type: 'matching',
        matches: matches.map(([leftId, rightId]) => ({ leftId, rightId })),
      });
    expect(
      grade([
        ['o0', 'o0'],
        ['o1', 'o1'],
        ['o2', 'o3'],
        ['o3', 'o2'],
      ]),
    ).toBe(2);
    const everything = ids(4).flatMap((l) => ids(4).map((r) => [l, r] as [string, string]));
    expect(grade(everything)).toBe(0);
  });

  it('rejects keys that cannot be graded', () => {
    expect(keyProblem({ type: 'single_choice', options, correctOptionId: 'zz' })).not.toBeNull();
    expect(keyProblem({ type: 'multiple_choice', options, correctOptionIds: [] })).not.toBeNull();
    expect(keyProblem({ type: 'short_answer', acceptedAnswers: ['?!'] })).not.toBeNull();
    expect(keyProblem({ type: 'numeric', value: 1, tolerance: -1 })).not.toBeNull();
  });
});

describe('grades', () => {
  it('aggregates the submitted attempts by the chosen method', () => {
    expect(aggregateGrade('highest', [40, 90, 60])).toBe(90);
    expect(aggregateGrade('last', [40, 90, 60])).toBe(60);
    expect(aggregateGrade('average', [40, 90, 60])).toBe(63.33);
    expect(aggregateGrade('highest', [])).toBeNull();
  });

  it('turns a score into a percent, 0 when nothing can be earned', () => {
    expect(attemptPercent(2, 3)).toBe(66.67);
    expect(attemptPercent(0, 0)).toBe(0);
  });
});

describe('time limit', () => {
  const startedAt = new Date('2026-12-01T10:00:00Z');
  const deadline = attemptDeadline(startedAt, 10);

  it('accepts answers until the deadline plus the grace, and counts the seconds left', () => {
    expect(deadline?.toISOString()).toBe('2026-12-01T10:10:00.000Z');
    expect(acceptsAnswers(deadline, new Date('2026-12-01T10:10:30Z'))).toBe(true);
    expect(acceptsAnswers(deadline, new Date('2026-12-01T10:10:31Z'))).toBe(false);
    expect(secondsLeft(deadline, new Date('2026-12-01T10:09:00Z'))).toBe(60);
    expect(secondsLeft(deadline, new Date('2026-12-01T11:00:00Z'))).toBe(0);
    expect(acceptsAnswers(attemptDeadline(startedAt, null), new Date('2030-01-01'))).toBe(true);
  });
});

describe('reviewVisible', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const base = {
    attemptSubmitted: true,
    attemptsUsed: 1,
    attemptsAllowed: 2,
    closesAt: null,
    now,
  };

  it('never shows an attempt in progress, whatever the policy', () => {
    expect(reviewVisible({ ...base, policy: 'immediately', attemptSubmitted: false })).toBe(false);
  });

  it('follows the policy for a submitted attempt', () => {
    expect(reviewVisible({ ...base, policy: 'immediately' })).toBe(true);
    expect(reviewVisible({ ...base, policy: 'never' })).toBe(false);
    expect(reviewVisible({ ...base, policy: 'after_last_attempt' })).toBe(false);
    expect(reviewVisible({ ...base, policy: 'after_last_attempt', attemptsUsed: 2 })).toBe(true);
    expect(reviewVisible({ ...base, policy: 'after_due' })).toBe(false);
    expect(
      reviewVisible({ ...base, policy: 'after_due', closesAt: new Date('2026-12-01T09:59:59Z') }),
    ).toBe(true);
    expect(
      reviewVisible({ ...base, policy: 'after_due', closesAt: new Date('2026-12-01T10:00:01Z') }),
    ).toBe(false);
  });
});

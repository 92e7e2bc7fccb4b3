/**
 * Quizzes: question types, grading, seeded shuffling, grade aggregation, the time limit and what
 * a trainee may see when. Pure rules shared by the API (which decides) and the web app (which
 * tells beforehand). Grading happens on the server only; the web app never holds correct answers
 * before the review policy allows them.
 */
import { normalizeForSearch } from './search';

export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'short_answer',
  'numeric',
  'matching',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** When a trainee sees correct answers, per-question scores and feedback of a submitted attempt. */
export const QUIZ_REVIEW_POLICIES = [
  'immediately',
  'after_last_attempt',
  'after_due',
  'never',
] as const;
export type QuizReviewPolicy = (typeof QUIZ_REVIEW_POLICIES)[number];

/** How a trainee's submitted attempts make one grade. */
export const QUIZ_GRADING_METHODS = ['highest', 'last', 'average'] as const;
export type QuizGradingMethod = (typeof QUIZ_GRADING_METHODS)[number];

export const QUIZ_LIMITS = {
  questionTextMaxLength: 2_000,
  feedbackMaxLength: 2_000,
  optionTextMaxLength: 500,
  optionsMin: 2,
  optionsMax: 10,
  pairsMin: 2,
  pairsMax: 10,
  acceptedAnswersMax: 10,
  acceptedAnswerMaxLength: 200,
  shortAnswerMaxLength: 500,
  tagsMax: 10,
  tagMaxLength: 40,
  pointsMax: 100,
  attemptsMax: 20,
  timeLimitMinutesMax: 600,
  drawCountMax: 200,
  questionsPerCourseMax: 1_000,
  /** Answers sent up to this long after the deadline still count (network latency). */
  graceSeconds: 30,
} as const;

export interface ChoiceOption {
  id: string;
  text: string;
}

export interface MatchingPair {
  id: string;
  left: string;
  right: string;
}

/** What makes an answer right, per type (stored with the question, never sent before review). */
export type QuestionKey =
  | { type: 'single_choice'; options: ChoiceOption[]; correctOptionId: string }
  | { type: 'multiple_choice'; options: ChoiceOption[]; correctOptionIds: string[] }
  | { type: 'true_false'; correct: boolean }
  | { type: 'short_answer'; acceptedAnswers: string[] }
  | { type: 'numeric'; value: number; tolerance: number }
  | { type: 'matching'; pairs: MatchingPair[] };

/** A trainee's response to one question. Matching: each left item (pair id) to a right item (pair id). */
export type QuestionResponse =
  | { type: 'single_choice'; optionId: string | null }
  | { type: 'multiple_choice'; optionIds: string[] }
  | { type: 'true_false'; value: boolean | null }
  | { type: 'short_answer'; text: string }
  | { type: 'numeric'; value: number | null }
  | { type: 'matching'; matches: { leftId: string; rightId: string }[] };

/** Rounded to hundredths, as scores are stored. */
export const roundScore = (value: number): number => Math.round(value * 100) / 100;

/** Short answers compare as the search does: case, accents, punctuation and spacing aside. */
export const normalizeShortAnswer = (text: string): string => normalizeForSearch(text);

/**
 * The share of the points (0..1) a response earns.
 * - single choice, true/false, short answer, numeric: all or nothing.
 * - multiple choice (partial credit): each correct option chosen earns 1/k (k correct options),
 *   each wrong option chosen takes 1/k away; never below 0. Exactly the correct set earns 1.
 * - matching (partial credit): the share of left items matched to their own right item; an item
 *   used twice counts as wrong.
 * A response of another type than the question earns 0.
 */
export function responseFraction(key: QuestionKey, response: QuestionResponse | null): number {
  if (!response || response.type !== key.type) return 0;
  switch (key.type) {
    case 'single_choice':
      return (response as { optionId: string | null }).optionId === key.correctOptionId ? 1 : 0;
    case 'true_false':
      return (response as { value: boolean | null }).value === key.correct ? 1 : 0;
    case 'short_answer': {
      const given = normalizeShortAnswer((response as { text: string }).text);
      return given !== '' && key.acceptedAnswers.some((a) => normalizeShortAnswer(a) === given)
        ? 1
        : 0;
    }
    case 'numeric': {
      const value = (response as { value: number | null }).value;
      if (value === null || !Number.isFinite(value)) return 0;
      // A tiny epsilon so that 0.1 + 0.2 within a tolerance of 0 of 0.3 is right.
      return Math.abs(value - key.value) <= key.tolerance + 1e-9 ? 1 : 0;
    }
    case 'multiple_choice': {
      const correct = new Set(key.correctOptionIds);
      if (correct.size === 0) return 0;
      const chosen = new Set((response as { optionIds: string[] }).optionIds);
      let hits = 0;
      let misses = 0;
      for (const id of chosen) {
        if (correct.has(id)) hits += 1;
        else misses += 1;
      }
      return Math.max(0, (hits - misses) / correct.size);
    }
    case 'matching': {
      if (key.pairs.length === 0) return 0;
      const pairIds = new Set(key.pairs.map((pair) => pair.id));
      const { matches } = response as { matches: { leftId: string; rightId: string }[] };
      // A left or right item used twice counts as wrong: sending every combination earns nothing.
      const uses = new Map<string, number>();
      for (const { leftId, rightId } of matches) {
        uses.set(`l:${leftId}`, (uses.get(`l:${leftId}`) ?? 0) + 1);
        uses.set(`r:${rightId}`, (uses.get(`r:${rightId}`) ?? 0) + 1);
      }
      const right = matches.filter(
        ({ leftId, rightId }) =>
          leftId === rightId &&
          pairIds.has(leftId) &&
          uses.get(`l:${leftId}`) === 1 &&
          uses.get(`r:${rightId}`) === 1,
      );
      return right.length / key.pairs.length;
    }
  }
}

/** The points a response earns, between 0 and `points`, rounded to hundredths. */
export const gradeResponse = (
  key: QuestionKey,
  points: number,
  response: QuestionResponse | null,
): number => roundScore(points * Math.min(1, Math.max(0, responseFraction(key, response))));

/** A response that earns every point (what "correct answer" means, per type). */
export function correctResponse(key: QuestionKey): QuestionResponse {
  switch (key.type) {
    case 'single_choice':
      return { type: key.type, optionId: key.correctOptionId };
    case 'multiple_choice':
      return { type: key.type, optionIds: [...key.correctOptionIds] };
    case 'true_false':
      return { type: key.type, value: key.correct };
    case 'short_answer':
      return { type: key.type, text: key.acceptedAnswers[0] ?? '' };
    case 'numeric':
      return { type: key.type, value: key.value };
    case 'matching':
      return {
        type: key.type,
        matches: key.pairs.map((pair) => ({ leftId: pair.id, rightId: pair.id })),
      };
  }
}

/** Why a question's key cannot be graded, or null when it can. */
export function keyProblem(key: QuestionKey): string | null {
  const unique = (ids: string[]) => new Set(ids).size === ids.length;
  switch (key.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const ids = key.options.map((option) => option.id);
      if (!unique(ids)) return 'option ids must be unique';
      const correct = key.type === 'single_choice' ? [key.correctOptionId] : key.correctOptionIds;
      if (correct.length === 0) return 'at least one option must be correct';
      if (!unique(correct)) return 'correct options must be unique';
      if (correct.some((id) => !ids.includes(id))) return 'a correct option is not an option';
      return null;
    }
    case 'matching':
      return unique(key.pairs.map((pair) => pair.id)) ? null : 'pair ids must be unique';
    case 'short_answer':
      return key.acceptedAnswers.some((answer) => normalizeShortAnswer(answer) !== '')
        ? null
        : 'at least one accepted answer must have letters or digits';
    case 'numeric':
      return Number.isFinite(key.value) && Number.isFinite(key.tolerance) && key.tolerance >= 0
        ? null
        : 'value and tolerance must be finite, tolerance not negative';
    case 'true_false':
      return null;
  }
}

// --- Seeded shuffling -------------------------------------------------------------------------

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 32-bit hash of a string (FNV-1a), to derive one seed per question from the attempt's seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A new array: `items` shuffled (Fisher–Yates) by the seed's sequence. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}

export interface DrawableQuestion {
  id: string;
  tags: readonly string[];
  /** Option ids (choices) or pair ids (matching's right column); empty for other types. */
  itemIds: readonly string[];
}

export interface DrawSettings {
  /** Null: every question of the pool. */
  drawCount: number | null;
  /** Empty: the whole bank; otherwise questions carrying at least one of these tags. */
  drawTags: readonly string[];
  shuffleOptions: boolean;
}

export interface DrawnQuestion {
  questionId: string;
  /** The order the trainee sees the options (or matching's right items) in. */
  itemOrder: string[];
}

/** The questions a draw takes from: those with one of the tags (all when no tag), by id. */
export const drawPool = (
  bank: readonly DrawableQuestion[],
  drawTags: readonly string[],
): DrawableQuestion[] =>
  bank
    .filter((q) => drawTags.length === 0 || q.tags.some((tag) => drawTags.includes(tag)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The questions of an attempt and their option order, from its seed: deterministic (the bank
 * order does not matter), so an attempt is frozen by storing the result with the seed. Questions
 * are always in a random order; options only when `shuffleOptions` (matching's right column is
 * always shuffled, or the answer would be given).
 */
export function drawQuestions(
  bank: readonly DrawableQuestion[],
  settings: DrawSettings,
  seed: number,
  types: ReadonlyMap<string, QuestionType> = new Map(),
): DrawnQuestion[] {
  const pool = drawPool(bank, settings.drawTags);
  const count =
    settings.drawCount === null ? pool.length : Math.min(settings.drawCount, pool.length);
  return seededShuffle(pool, seed)
    .slice(0, count)
    .map((question) => ({
      questionId: question.id,
      itemOrder:
        settings.shuffleOptions || types.get(question.id) === 'matching'
          ? seededShuffle(question.itemIds, (seed ^ hashString(question.id)) >>> 0)
          : [...question.itemIds],
    }));
}

// --- Grades -----------------------------------------------------------------------------------

/** A submitted attempt's result in percent (0..100, hundredths); 0 when there is nothing to earn. */
export const attemptPercent = (score: number, maxScore: number): number =>
  maxScore <= 0 ? 0 : roundScore((Math.min(score, maxScore) * 100) / maxScore);

/** One grade from the submitted attempts' percents, oldest first; null before any submission. */
export function aggregateGrade(
  method: QuizGradingMethod,
  percents: readonly number[],
): number | null {
  if (percents.length === 0) return null;
  switch (method) {
    case 'highest':
      return Math.max(...percents);
    case 'last':
      return percents[percents.length - 1];
    case 'average':
      return roundScore(percents.reduce((sum, p) => sum + p, 0) / percents.length);
  }
}

export const isPassingGrade = (grade: number | null, passMarkPercent: number): boolean =>
  grade !== null && grade >= passMarkPercent;

// --- Time limit -------------------------------------------------------------------------------

/** When an attempt's time is up, or null without a time limit. */
export const attemptDeadline = (startedAt: Date, timeLimitMinutes: number | null): Date | null =>
  timeLimitMinutes === null ? null : new Date(startedAt.getTime() + timeLimitMinutes * 60_000);

/** Whether an answer (or the submission) arriving at `now` still counts: before deadline + grace. */
export const acceptsAnswers = (deadline: Date | null, now: Date): boolean =>
  deadline === null || now.getTime() <= deadline.getTime() + QUIZ_LIMITS.graceSeconds * 1_000;

/** Seconds left before the deadline (0 once passed), or null without a time limit. */
export const secondsLeft = (deadline: Date | null, now: Date): number | null =>
  deadline === null ? null : Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1_000));

// --- What a trainee may see -------------------------------------------------------------------

export interface ReviewContext {
  policy: QuizReviewPolicy;
  attemptSubmitted: boolean;
  attemptsUsed: number;
  attemptsAllowed: number;
  /** The quiz's closing instant, or null when it has none. */
  closesAt: Date | null;
  now: Date;
}

/**
 * Whether correct answers, per-question scores and feedback of a submitted attempt may be shown.
 * Never for an attempt in progress. `after_last_attempt`: once no attempt is left (or the quiz
 * has closed); `after_due`: once the quiz has closed.
 */
export function reviewVisible(context: ReviewContext): boolean {
  if (!context.attemptSubmitted) return false;
  const closed = context.closesAt !== null && context.now.getTime() >= context.closesAt.getTime();
  switch (context.policy) {
    case 'never':
      return false;
    case 'immediately':
      return true;
    case 'after_last_attempt':
      return context.attemptsUsed >= context.attemptsAllowed || closed;
    case 'after_due':
      return closed;
  }
}

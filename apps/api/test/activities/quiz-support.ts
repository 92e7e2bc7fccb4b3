import type { Session } from '../identity/support/identity-client';
import { client } from '../catalogue/catalogue-client';
import type { TestApp } from '../support/test-app';

/** One question of each type, all worth their points when answered as `rightAnswer` says. */
export const QUESTIONS = {
  single: {
    type: 'single_choice',
    text: 'Quelle loi encadre les coopératives ?',
    feedback: 'La loi 112-12.',
    tags: ['bases'],
    points: 1,
    options: [
      { text: 'Loi 112-12', correct: true },
      { text: 'Loi 5-96', correct: false },
      { text: 'Loi 31-08', correct: false },
    ],
  },
  multiple: {
    type: 'multiple_choice',
    text: 'Quels principes de l’ESS ?',
    tags: ['bases'],
    points: 2,
    options: [
      { text: 'Gouvernance démocratique', correct: true },
      { text: 'Lucrativité limitée', correct: true },
      { text: 'Aucun bénéfice', correct: false },
      { text: 'Actionnaire unique', correct: false },
    ],
  },
  trueFalse: {
    type: 'true_false',
    text: 'Une entreprise sociale peut faire des bénéfices.',
    tags: ['bases'],
    points: 1,
    correct: true,
  },
  short: {
    type: 'short_answer',
    text: 'Le sigle de l’économie sociale et solidaire ?',
    tags: ['vocabulaire'],
    points: 1,
    acceptedAnswers: ['ESS', 'Économie sociale et solidaire'],
  },
  numeric: {
    type: 'numeric',
    text: 'Année de la loi 112-12 ?',
    tags: ['vocabulaire'],
    points: 1,
    value: 2014,
    tolerance: 0.5,
  },
  matching: {
    type: 'matching',
    text: 'Associez.',
    tags: ['vocabulaire'],
    points: 3,
    pairs: [
      { left: 'Coopérative', right: 'Un membre, une voix' },
      { left: 'Association', right: 'But non lucratif' },
      { left: 'Fondation', right: 'Patrimoine affecté' },
    ],
  },
} as const;

export const settingsBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Quiz du module',
  drawCount: null,
  drawTags: [],
  shuffleOptions: true,
  attemptsAllowed: 2,
  timeLimitMinutes: null,
  passMarkPercent: 60,
  reviewPolicy: 'immediately',
  gradingMethod: 'highest',
  closesAt: null,
  requiredForCompletion: false,
  ...overrides,
});

export interface BankQuestion {
  id: string;
  type: string;
  options: { id: string; correct: boolean }[];
  pairs: { id: string }[];
  acceptedAnswers: string[];
  value: number | null;
  correct: boolean | null;
}

/** Adds questions to a course's bank; returns them as the API answered. */
export async function addQuestions(
  api: TestApp,
  trainer: Session,
  courseId: string,
  bodies: object[],
): Promise<BankQuestion[]> {
  const http = client(api).as(trainer);
  const added: BankQuestion[] = [];
  for (const body of bodies) {
    const response = await http.post(`/api/v1/courses/${courseId}/questions`, body);
    if (response.status !== 201) {
      throw new Error(`question refused: ${response.status} ${JSON.stringify(response.body)}`);
    }
    added.push(response.body);
  }
  return added;
}

/** The answer body that earns every point of a bank question. */
export function rightAnswer(question: BankQuestion): Record<string, unknown> {
  switch (question.type) {
    case 'single_choice':
      return { optionId: question.options.find((o) => o.correct)?.id };
    case 'multiple_choice':
      return { optionIds: question.options.filter((o) => o.correct).map((o) => o.id) };
    case 'true_false':
      return { booleanValue: question.correct };
    case 'short_answer':
      return { text: 'économie SOCIALE et solidaire ' };
    case 'numeric':
      return { numericValue: (question.value as number) + 0.5 };
    default:
      return { matches: question.pairs.map((p) => ({ leftId: p.id, rightId: p.id })) };
  }
}

/** An answer body that earns nothing. */
export function wrongAnswer(question: BankQuestion): Record<string, unknown> {
  switch (question.type) {
    case 'single_choice':
      return { optionId: question.options.find((o) => !o.correct)?.id };
    case 'multiple_choice':
      return { optionIds: question.options.filter((o) => !o.correct).map((o) => o.id) };
    case 'true_false':
      return { booleanValue: !question.correct };
    case 'short_answer':
      return { text: 'SARL' };
    case 'numeric':
      return { numericValue: (question.value as number) + 1 };
    default: {
      const ids = question.pairs.map((p) => p.id);
      const rotated = [...ids.slice(1), ids[0]];
      return { matches: ids.map((leftId, i) => ({ leftId, rightId: rotated[i] })) };
    }
  }
}

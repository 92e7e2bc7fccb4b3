import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@oris/api/platform';
import { attemptDeadline, drawQuestions, responseFraction } from '@oris/shared/domain';
import type { QuestionResponse } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { gradeAttempt, questionsOf } from '../attempts/attempt-grading';
import { itemIdsOf } from '../bank/question-key';
import { QuestionBank } from '../bank/question-bank.service';
import type { QuestionInputDto } from '../dto/question.dto';
import { QuizAnswer } from '../entities/quiz-answer.entity';
import { QuizAttempt } from '../entities/quiz-attempt.entity';
import { QuizQuestion } from '../entities/quiz-question.entity';
import { Quiz } from '../entities/quiz.entity';
import { QuizSettings } from '../quiz/quiz-settings.service';

export interface DemoQuizOptions {
  /** The demo trainer, an owner of ES-101. */
  trainerId: string;
  /** ES-101's past cohort (its completed enrollments attempted the quiz). */
  pastSessionId: string;
}

export interface DemoQuizResult {
  lines: string[];
}

const QUESTIONS: QuestionInputDto[] = [
  {
    type: 'single_choice',
    text: 'Quelle forme juridique est la plus courante pour une coopérative au Maroc ?',
    feedback: 'La loi 112-12 encadre les coopératives marocaines.',
    tags: ['bases'],
    points: 1,
    options: [
      { text: 'La coopérative (loi 112-12)', correct: true },
      { text: 'La société anonyme', correct: false },
      { text: 'L’auto-entreprise', correct: false },
    ],
  },
  {
    type: 'multiple_choice',
    text: 'Quels principes caractérisent l’économie sociale et solidaire ?',
    feedback: 'Gouvernance démocratique et lucrativité limitée ; le profit n’est pas exclu.',
    tags: ['bases'],
    points: 2,
    options: [
      { text: 'Une gouvernance démocratique', correct: true },
      { text: 'Une lucrativité limitée', correct: true },
      { text: 'L’interdiction de tout bénéfice', correct: false },
    ],
  },
  {
    type: 'true_false',
    text: 'Une entreprise sociale peut réaliser des bénéfices.',
    feedback: 'Oui : ils servent d’abord sa mission sociale.',
    tags: ['bases'],
    points: 1,
    correct: true,
  },
  {
    type: 'short_answer',
    text: 'Quel sigle désigne l’économie sociale et solidaire ?',
    feedback: 'ESS.',
    tags: ['vocabulaire'],
    points: 1,
    acceptedAnswers: ['ESS', 'économie sociale et solidaire'],
  },
  {
    type: 'numeric',
    text: 'En quelle année la loi 112-12 sur les coopératives a-t-elle été promulguée ?',
    feedback: '2014.',
    tags: ['vocabulaire'],
    points: 1,
    value: 2014,
    tolerance: 0,
  },
  {
    type: 'matching',
    text: 'Associez chaque structure à sa description.',
    feedback: '',
    tags: ['vocabulaire'],
    points: 3,
    pairs: [
      { left: 'Coopérative', right: 'Propriété des membres, un membre une voix' },
      { left: 'Association', right: 'But non lucratif, loi sur les associations' },
      { left: 'Fondation', right: 'Patrimoine affecté à une cause' },
    ],
  },
];

/**
 * The demo's quiz: ES-101's first module gets a question bank and a quiz (two attempts, the
 * highest counts, answers shown after the last attempt), and the past cohort's completers have
 * attempted it — graded by the feature's own grading. Idempotent: nothing happens when the
 * module already has a quiz.
 */
@Injectable()
export class DemoQuiz {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bank: QuestionBank,
    private readonly settings: QuizSettings,
  ) {}

  async seed(options: DemoQuizOptions): Promise<DemoQuizResult> {
    const [module]: { id: string; courseId: string }[] = await this.dataSource.query(
      `SELECT m.id, m.course_id AS "courseId" FROM course_module m
         JOIN course_session s ON s.course_id = m.course_id
        WHERE s.id = $1 AND m.status = 'published' ORDER BY m.position LIMIT 1`,
      [options.pastSessionId],
    );
    if (!module) return { lines: ['Quiz: no published module in ES-101, skipped.'] };
    if (await this.dataSource.manager.exists(Quiz, { where: { moduleId: module.id } })) {
      return { lines: ['Quiz: ES-101’s first module already has its quiz.'] };
    }
    const trainer: AuthenticatedUser = {
      id: options.trainerId,
      email: 'demo',
      roles: ['trainer'],
    } as AuthenticatedUser;
    for (const question of QUESTIONS) await this.bank.create(trainer, module.courseId, question);
    const quiz = await this.settings.put(trainer, module.id, {
      title: 'Quiz : les bases de l’ESS',
      drawCount: 5,
      drawTags: [],
      shuffleOptions: true,
      attemptsAllowed: 2,
      timeLimitMinutes: 15,
      passMarkPercent: 60,
      reviewPolicy: 'after_last_attempt',
      gradingMethod: 'highest',
      closesAt: null,
      requiredForCompletion: false,
    });
    const completers: { id: string; userId: string; endsOn: string }[] =
      await this.dataSource.query(
        `SELECT e.id, e.user_id AS "userId", s.ends_on::text AS "endsOn"
           FROM enrollment e JOIN course_session s ON s.id = e.session_id
          WHERE e.session_id = $1 AND e.status = 'completed' ORDER BY e.enrolled_at, e.id`,
        [options.pastSessionId],
      );
    const bank = await this.dataSource.manager.find(QuizQuestion, {
      where: { courseId: module.courseId },
    });
    let attempts = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const [index, enrollment] of completers.entries()) {
        // The first ones tried twice; every other answer is wrong for the odd ones.
        const tries = index < 2 ? 2 : 1;
        for (let number = 1; number <= tries; number += 1) {
          const startedAt = new Date(`${enrollment.endsOn}T10:00:00+01:00`);
          startedAt.setUTCMinutes(startedAt.getUTCMinutes() + number * 30);
          const seed = (index * 7919 + number * 104_729) >>> 0;
          const drawn = drawQuestions(
            bank.map((q) => ({ id: q.id, tags: q.tags, itemIds: itemIdsOf(q.key) })),
            { drawCount: quiz.drawCount, drawTags: quiz.drawTags, shuffleOptions: true },
            seed,
            new Map(bank.map((q) => [q.id, q.type])),
          );
          const attempt = await manager.save(
            manager.create(QuizAttempt, {
              quizId: quiz.id,
              enrollmentId: enrollment.id,
              userId: enrollment.userId,
              number,
              seed,
              drawn,
              startedAt,
              deadlineAt: attemptDeadline(startedAt, quiz.timeLimitMinutes),
              submittedAt: null,
              closedBy: null,
            }),
          );
          const questions = await questionsOf(manager, attempt);
          for (const [position, { questionId }] of drawn.entries()) {
            const question = questions.get(questionId) as QuizQuestion;
            const right = (position + index + number) % 3 !== 0;
            await manager.insert(QuizAnswer, {
              attemptId: attempt.id,
              questionId,
              response: demoResponse(question, right),
              savedAt: new Date(startedAt.getTime() + (position + 1) * 60_000),
            });
          }
          // Handed in after nine minutes, graded as a submission is.
          attempt.submittedAt = new Date(startedAt.getTime() + 9 * 60_000);
          attempt.closedBy = 'trainee';
          await gradeAttempt(manager, attempt, questions);
          attempts += 1;
        }
      }
    });
    return {
      lines: [
        `Quiz: "${quiz.title}" in ES-101 (${QUESTIONS.length} questions), ${attempts} attempts by its past cohort.`,
      ],
    };
  }
}

/** A right answer, or a wrong one, to a demo question. */
function demoResponse(question: QuizQuestion, right: boolean): QuestionResponse {
  const key = question.key;
  switch (key.type) {
    case 'single_choice': {
      const wrong = key.options.find((o) => o.id !== key.correctOptionId)?.id ?? null;
      return { type: key.type, optionId: right ? key.correctOptionId : wrong };
    }
    case 'multiple_choice':
      return {
        type: key.type,
        optionIds: right ? key.correctOptionIds : key.correctOptionIds.slice(0, 1),
      };
    case 'true_false':
      return { type: key.type, value: right ? key.correct : !key.correct };
    case 'short_answer':
      return { type: key.type, text: right ? 'ess' : 'économie sociale' };
    case 'numeric':
      return { type: key.type, value: right ? key.value : key.value + 2 };
    case 'matching': {
      const ids = key.pairs.map((p) => p.id);
      const rights = right ? ids : [ids[1], ids[0], ...ids.slice(2)];
      const response: QuestionResponse = {
        type: key.type,
        matches: ids.map((leftId, i) => ({ leftId, rightId: rights[i] })),
      };
      // Keeps the demo honest: a "right" answer is right by the rules themselves.
      if (right && responseFraction(key, response) !== 1) throw new Error('demo answer not right');
      return response;
    }
  }
}

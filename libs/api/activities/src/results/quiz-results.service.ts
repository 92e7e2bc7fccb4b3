import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { aggregateGrade, isPassingGrade } from '@oris/shared/domain';
import { DataSource, IsNull, Not } from 'typeorm';
import { gradeAttempt } from '../attempts/attempt-grading';
import { summaryOf } from '../attempts/attempt-view';
import { QuizAccess } from '../common/quiz-access';
import { QuizClock } from '../common/quiz-clock';
import { QuizResultsDto, RegradeResultDto } from '../dto/results.dto';
import { QuizAttempt } from '../entities/quiz-attempt.entity';
import { QuizQuestion } from '../entities/quiz-question.entity';
import { quizDto } from '../quiz/quiz-settings.service';

/** A quiz's results for the course's trainers and administrators, and its regrade. */
@Injectable()
export class QuizResults {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
    private readonly clock: QuizClock,
    private readonly audit: AuditLog,
  ) {}

  async results(user: AuthenticatedUser, quizId: string): Promise<QuizResultsDto> {
    const manager = this.dataSource.manager;
    const quiz = await this.access.quizForEditor(manager, user, quizId);
    const questions: {
      questionId: string;
      type: QuizQuestion['type'];
      text: string;
      points: number;
      graded: number;
      correct: number;
      averageScore: string | null;
    }[] = await manager.query(
      `SELECT q.id AS "questionId", q.type, q.text, q.points,
              count(a.attempt_id)::int AS graded,
              count(a.attempt_id) FILTER (WHERE a.score >= a.max_score)::int AS correct,
              round(avg(a.score), 2) AS "averageScore"
         FROM quiz_question q
         JOIN quiz_answer a ON a.question_id = q.id
         JOIN quiz_attempt t ON t.id = a.attempt_id AND t.quiz_id = $1 AND t.submitted_at IS NOT NULL
        GROUP BY q.id
        ORDER BY q.created_at, q.id`,
      [quizId],
    );
    const people: { userId: string; fullName: string; enrollmentId: string; sessionId: string }[] =
      await manager.query(
        `SELECT DISTINCT u.id AS "userId", u.full_name AS "fullName", e.id AS "enrollmentId",
                e.session_id AS "sessionId"
           FROM quiz_attempt t
           JOIN enrollment e ON e.id = t.enrollment_id
           JOIN users u ON u.id = t.user_id
          WHERE t.quiz_id = $1
          ORDER BY "fullName", "enrollmentId"`,
        [quizId],
      );
    const attempts = await manager.find(QuizAttempt, {
      where: { quizId },
      order: { number: 'ASC' },
    });
    const now = this.clock.now();
    return {
      quiz: await quizDto(manager, quiz),
      questions: questions.map((row) => ({
        ...row,
        percentCorrect: row.graded ? Math.floor((row.correct * 100) / row.graded) : null,
        averageScore: row.averageScore === null ? null : Number(row.averageScore),
      })),
      trainees: people.map((person) => {
        const own = attempts.filter((a) => a.enrollmentId === person.enrollmentId);
        const grade = aggregateGrade(
          quiz.gradingMethod,
          own.filter((a) => a.percent !== null).map((a) => a.percent as number),
        );
        return {
          ...person,
          attempts: own.map((a) => summaryOf(a, now)),
          grade,
          passed: isPassingGrade(grade, quiz.passMarkPercent),
        };
      }),
    };
  }

  /** Grades every submitted attempt again with the questions as they are now; audited. */
  async regrade(user: AuthenticatedUser, quizId: string): Promise<RegradeResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const quiz = await this.access.quizForEditor(manager, user, quizId);
      const attempts = await manager.find(QuizAttempt, {
        where: { quizId, submittedAt: Not(IsNull()) },
        lock: { mode: 'pessimistic_write' },
      });
      const questions = new Map(
        (await manager.find(QuizQuestion, { where: { courseId: quiz.courseId } })).map((q) => [
          q.id,
          q,
        ]),
      );
      // An erased account's short answers lost their text: its attempts keep the scores given.
      const erased = new Set(
        (
          (await manager.query(
            `SELECT DISTINCT a.user_id AS "userId" FROM quiz_attempt a
               JOIN users u ON u.id = a.user_id
              WHERE a.quiz_id = $1 AND u.erased_at IS NOT NULL`,
            [quizId],
          )) as { userId: string }[]
        ).map((row) => row.userId),
      );
      let changed = 0;
      for (const attempt of attempts) {
        if (erased.has(attempt.userId)) continue;
        if (await gradeAttempt(manager, attempt, questions)) changed += 1;
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'quiz.regraded',
        subjectType: 'quiz',
        subjectId: quiz.id,
        data: { courseId: quiz.courseId, attempts: attempts.length, changed },
      });
      return { attempts: attempts.length, changed };
    });
  }
}

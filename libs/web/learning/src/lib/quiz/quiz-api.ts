import { inject, Injectable } from '@angular/core';
import { type components, unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';

type Schemas = components['schemas'];
export type LearnerQuiz = Schemas['LearnerQuizDto'];
export type QuizAttempt = Schemas['AttemptDto'];
export type AttemptQuestion = Schemas['AttemptQuestionDto'];
export type QuizAnswer = Schemas['AnswerInputDto'];
export type SavedAnswer = Schemas['SavedAnswerDto'];

/** The trainee's side of a module's quiz. The server draws, times and grades. */
@Injectable({ providedIn: 'root' })
export class LearnerQuizApi {
  private readonly api = inject(ORIS_API);

  overview(id: string, moduleId: string): Promise<LearnerQuiz> {
    return unwrap(
      this.api.GET('/api/v1/enrollments/{id}/modules/{moduleId}/quiz', {
        params: { path: { id, moduleId } },
      }),
    );
  }

  /** Starts an attempt, or resumes the one in progress. */
  start(id: string, moduleId: string): Promise<QuizAttempt> {
    return unwrap(
      this.api.POST('/api/v1/enrollments/{id}/modules/{moduleId}/quiz/attempts', {
        params: { path: { id, moduleId } },
      }),
    );
  }

  attempt(attemptId: string): Promise<QuizAttempt> {
    return unwrap(
      this.api.GET('/api/v1/quiz-attempts/{attemptId}', { params: { path: { attemptId } } }),
    );
  }

  save(attemptId: string, questionId: string, body: QuizAnswer): Promise<SavedAnswer> {
    return unwrap(
      this.api.PUT('/api/v1/quiz-attempts/{attemptId}/answers/{questionId}', {
        params: { path: { attemptId, questionId } },
        body,
      }),
    );
  }

  submit(attemptId: string): Promise<QuizAttempt> {
    return unwrap(
      this.api.POST('/api/v1/quiz-attempts/{attemptId}/submit', {
        params: { path: { attemptId } },
      }),
    );
  }
}

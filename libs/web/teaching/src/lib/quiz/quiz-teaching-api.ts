import { inject, Injectable } from '@angular/core';
import { type components, unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';

type Schemas = components['schemas'];
export type BankQuestion = Schemas['QuestionDto'];
export type QuestionBank = Schemas['QuestionBankDto'];
export type QuestionInput = Schemas['QuestionInputDto'];
export type QuizSettings = Schemas['QuizDto'];
export type QuizSettingsInput = Schemas['QuizSettingsInputDto'];
export type QuizResults = Schemas['QuizResultsDto'];
export type RegradeResult = Schemas['RegradeResultDto'];

/** A course's question bank, a module's quiz and its results, for trainers and administrators. */
@Injectable({ providedIn: 'root' })
export class QuizTeachingApi {
  private readonly api = inject(ORIS_API);

  bank(courseId: string): Promise<QuestionBank> {
    return unwrap(
      this.api.GET('/api/v1/courses/{courseId}/questions', { params: { path: { courseId } } }),
    );
  }

  addQuestion(courseId: string, body: QuestionInput): Promise<BankQuestion> {
    return unwrap(
      this.api.POST('/api/v1/courses/{courseId}/questions', {
        params: { path: { courseId } },
        body,
      }),
    );
  }

  updateQuestion(courseId: string, questionId: string, body: QuestionInput): Promise<BankQuestion> {
    return unwrap(
      this.api.PUT('/api/v1/courses/{courseId}/questions/{questionId}', {
        params: { path: { courseId, questionId } },
        body,
      }),
    );
  }

  async removeQuestion(courseId: string, questionId: string): Promise<void> {
    await unwrap(
      this.api.DELETE('/api/v1/courses/{courseId}/questions/{questionId}', {
        params: { path: { courseId, questionId } },
      }),
    );
  }

  quiz(moduleId: string): Promise<QuizSettings> {
    return unwrap(
      this.api.GET('/api/v1/modules/{moduleId}/quiz', { params: { path: { moduleId } } }),
    );
  }

  saveQuiz(moduleId: string, body: QuizSettingsInput): Promise<QuizSettings> {
    return unwrap(
      this.api.PUT('/api/v1/modules/{moduleId}/quiz', { params: { path: { moduleId } }, body }),
    );
  }

  results(quizId: string): Promise<QuizResults> {
    return unwrap(
      this.api.GET('/api/v1/quizzes/{quizId}/results', { params: { path: { quizId } } }),
    );
  }

  regrade(quizId: string): Promise<RegradeResult> {
    return unwrap(
      this.api.POST('/api/v1/quizzes/{quizId}/regrade', { params: { path: { quizId } } }),
    );
  }
}

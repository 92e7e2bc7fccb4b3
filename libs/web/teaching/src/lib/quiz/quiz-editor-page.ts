import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  QUIZ_GRADING_METHODS,
  QUIZ_LIMITS as LIMITS,
  type QuizGradingMethod,
  type QuizReviewPolicy,
} from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges, Confirmation } from '@oris/web/ui/dialogs';
import { QuestionForm } from './question-form';
import {
  QuizTeachingApi,
  type BankQuestion,
  type QuizSettings,
  type QuizSettingsInput,
} from './quiz-teaching-api';

/** Review policies the form offers: `after_due` needs a closing time, set through the API. */
const REVIEW_POLICIES: QuizReviewPolicy[] = ['immediately', 'after_last_attempt', 'never'];

/**
 * A module's quiz for its trainers: the settings, and the course's question bank (every quiz of
 * the course draws from it) with a form per question type and a preview of each question.
 */
@Component({
  selector: 'oris-quiz-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ProblemAlert,
    QuestionForm,
  ],
  templateUrl: './quiz-editor-page.html',
  styleUrl: './quiz-editor-page.scss',
})
export class QuizEditorPage implements HasUnsavedChanges {
  private readonly quizzes = inject(QuizTeachingApi);
  private readonly confirmation = inject(Confirmation);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly courseId = signal('');
  protected readonly moduleId = signal('');
  protected readonly quiz = signal<QuizSettings | null>(null);
  protected readonly questions = signal<BankQuestion[]>([]);
  protected readonly tags = signal<string[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly bankProblem = signal<ApiError | null>(null);
  protected readonly saved = signal(false);
  /** The question being edited: its id, 'new', or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly tagFilter = signal('');
  protected readonly shown = computed(() => {
    const tag = this.tagFilter();
    return tag ? this.questions().filter((q) => q.tags.includes(tag)) : this.questions();
  });

  protected readonly reviewPolicies = REVIEW_POLICIES;
  protected readonly gradingMethods = QUIZ_GRADING_METHODS;
  protected readonly limits = LIMITS;
  protected readonly submission = formSubmission();
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    drawCount: [null as number | null, [Validators.min(1), Validators.max(LIMITS.drawCountMax)]],
    drawTags: [''],
    shuffleOptions: [true],
    attemptsAllowed: [
      1,
      [Validators.required, Validators.min(1), Validators.max(LIMITS.attemptsMax)],
    ],
    timeLimitMinutes: [
      null as number | null,
      [Validators.min(1), Validators.max(LIMITS.timeLimitMinutesMax)],
    ],
    passMarkPercent: [60, [Validators.required, Validators.min(0), Validators.max(100)]],
    reviewPolicy: ['after_last_attempt' as QuizReviewPolicy],
    gradingMethod: ['highest' as QuizGradingMethod],
    requiredForCompletion: [false],
  });
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.courseId.set(params.get('courseId') ?? '');
        this.moduleId.set(params.get('moduleId') ?? '');
        void this.load();
      });
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      await this.loadBank();
      const quiz = await this.quizzes.quiz(this.moduleId()).catch((error: unknown) => {
        // No quiz yet: the form starts empty.
        if (ApiError.from(error).status === 404) return null;
        throw error;
      });
      this.quiz.set(quiz);
      if (quiz) {
        this.form.reset({
          title: quiz.title,
          drawCount: quiz.drawCount,
          drawTags: quiz.drawTags.join(', '),
          shuffleOptions: quiz.shuffleOptions,
          attemptsAllowed: quiz.attemptsAllowed,
          timeLimitMinutes: quiz.timeLimitMinutes,
          passMarkPercent: quiz.passMarkPercent,
          reviewPolicy: quiz.reviewPolicy,
          gradingMethod: quiz.gradingMethod,
          requiredForCompletion: quiz.requiredForCompletion,
        });
      }
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async saveSettings(): Promise<void> {
    this.saved.set(false);
    const value = this.form.getRawValue();
    const body: QuizSettingsInput = {
      ...value,
      drawCount: value.drawCount || null,
      timeLimitMinutes: value.timeLimitMinutes || null,
      drawTags: value.drawTags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      closesAt: this.quiz()?.closesAt ?? null,
    };
    const done = await this.submission.run(this.form, async () => {
      this.quiz.set(await this.quizzes.saveQuiz(this.moduleId(), body));
    });
    if (done) {
      this.form.markAsPristine();
      this.saved.set(true);
    }
  }

  protected async questionSaved(): Promise<void> {
    this.editing.set(null);
    await this.loadBank();
    if (this.quiz()) this.quiz.set(await this.quizzes.quiz(this.moduleId()));
  }

  protected async remove(question: BankQuestion): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'quiz.editor.remove.title',
      textKey: 'quiz.editor.remove.text',
      confirmKey: 'quiz.editor.remove.confirm',
      destructive: true,
    });
    if (!confirmed) return;
    this.bankProblem.set(null);
    try {
      await this.quizzes.removeQuestion(this.courseId(), question.id);
      await this.loadBank();
    } catch (error) {
      this.bankProblem.set(ApiError.from(error));
    }
  }

  private async loadBank(): Promise<void> {
    const bank = await this.quizzes.bank(this.courseId());
    this.questions.set(bank.items);
    this.tags.set(bank.tags);
  }
}

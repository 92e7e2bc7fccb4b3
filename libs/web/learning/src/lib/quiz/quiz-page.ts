import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { latestLoad } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { quizMessageKeys } from './quiz-problem-keys';
import { LearnerQuizApi, type LearnerQuiz, type QuizAnswer, type QuizAttempt } from './quiz-api';
import { QuizQuestion } from './quiz-question';
import { QuizTimer } from './quiz-timer';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';
/** Typing is saved once the trainee pauses; choices are saved at once. */
const TYPING_PAUSE_MS = 700;

/**
 * A module's quiz for its trainee: the rules and past attempts, then an attempt taken one
 * question at a time (or all at once), saved as it is answered, timed by the server, submitted
 * after a confirmation, and its result as the quiz's review policy allows.
 */
@Component({
  selector: 'oris-quiz-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    ProblemAlert,
    QuizQuestion,
    QuizTimer,
  ],
  templateUrl: './quiz-page.html',
  styleUrl: './quiz-page.scss',
})
export class QuizPage {
  private readonly quizzes = inject(LearnerQuizApi);
  private readonly confirmation = inject(Confirmation);
  protected readonly messageKeys = quizMessageKeys;

  protected readonly enrollmentId = signal('');
  protected readonly moduleId = signal('');
  private readonly loaded = latestLoad<LearnerQuiz>({ loading: true, clearProblemOnStart: true });
  protected readonly quiz = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;

  protected readonly attempt = signal<QuizAttempt | null>(null);
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  protected readonly saveState = signal<SaveState>('idle');
  protected readonly showAll = signal(false);
  protected readonly index = signal(0);

  protected readonly inProgress = computed(() => this.attempt()?.status === 'in_progress');
  protected readonly questions = computed(() => this.attempt()?.questions ?? []);
  protected readonly current = computed(() => this.questions()[this.index()] ?? null);
  protected readonly answeredCount = computed(
    () => this.questions().filter((q) => q.answer !== null).length,
  );

  private readonly pending = new Map<string, QuizAnswer>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private saving: Promise<void> = Promise.resolve();

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.enrollmentId.set(params.get('enrollmentId') ?? '');
        this.moduleId.set(params.get('moduleId') ?? '');
        void this.open();
      });
    inject(DestroyRef).onDestroy(() => this.timers.forEach((timer) => clearTimeout(timer)));
  }

  /** The quiz, and straight back into the attempt in progress (after a reload, a lost connection). */
  private async open(): Promise<void> {
    this.attempt.set(null);
    await this.loaded.load(() => this.quizzes.overview(this.enrollmentId(), this.moduleId()));
    if (this.quiz()?.inProgressAttemptId) await this.start();
  }

  protected retry(): void {
    void this.open();
  }

  protected async start(): Promise<void> {
    await this.act(async () => {
      const attempt = await this.quizzes.start(this.enrollmentId(), this.moduleId());
      this.attempt.set(attempt);
      const firstOpen = attempt.questions.findIndex((q) => q.answer === null);
      this.index.set(Math.max(0, firstOpen));
      this.saveState.set('idle');
    });
  }

  protected answer(questionId: string, body: QuizAnswer): void {
    // Shown at once; saved in the background.
    this.attempt.update(
      (attempt) =>
        attempt && {
          ...attempt,
          questions: attempt.questions.map((q) =>
            q.questionId === questionId ? { ...q, answer: answerShown(body) } : q,
          ),
        },
    );
    this.pending.set(questionId, body);
    clearTimeout(this.timers.get(questionId));
    const typed = body.text !== undefined || body.numericValue !== undefined;
    this.timers.set(
      questionId,
      setTimeout(() => void this.flush(), typed ? TYPING_PAUSE_MS : 0),
    );
  }

  /** Saves what is pending, one request at a time; a failure keeps it for "try again". */
  protected flush(): Promise<void> {
    this.saving = this.saving.then(async () => {
      const attempt = this.attempt();
      if (!attempt || this.pending.size === 0) return;
      this.saveState.set('saving');
      for (const [questionId, body] of [...this.pending]) {
        try {
          await this.quizzes.save(attempt.id, questionId, body);
          if (this.pending.get(questionId) === body) this.pending.delete(questionId);
        } catch (error) {
          const problem = ApiError.from(error);
          if (problem.code === 'attempt_time_up' || problem.code === 'attempt_submitted') {
            this.pending.clear();
            await this.reloadAttempt();
            this.actionProblem.set(problem);
            return;
          }
          this.saveState.set('failed');
          return;
        }
      }
      this.saveState.set(this.pending.size ? 'saving' : 'saved');
    });
    return this.saving;
  }

  protected async submit(): Promise<void> {
    const attempt = this.attempt();
    if (!attempt) return;
    const unanswered = attempt.questions.length - this.answeredCount();
    const confirmed = await this.confirmation.ask({
      titleKey: 'quiz.submit.title',
      textKey: unanswered ? 'quiz.submit.unanswered' : 'quiz.submit.text',
      confirmKey: 'quiz.submit.confirm',
      cancelKey: 'quiz.submit.cancel',
      params: { count: unanswered },
    });
    if (!confirmed) return;
    await this.act(async () => {
      await this.flush();
      if (this.saveState() === 'failed') throw new Error('unsaved answers');
      this.attempt.set(await this.quizzes.submit(attempt.id));
      await this.refreshOverview();
    });
  }

  /** Time is up: what was answered is submitted (the server takes it within its grace). */
  protected async timeUp(): Promise<void> {
    const attempt = this.attempt();
    if (!attempt || attempt.status !== 'in_progress') return;
    await this.act(async () => {
      await this.flush();
      this.attempt.set(await this.quizzes.submit(attempt.id));
      await this.refreshOverview();
    });
    // Submitted by then, or closed by the server at its deadline: either way, show it.
    if (this.attempt()?.status === 'in_progress') await this.reloadAttempt();
  }

  protected backToQuiz(): void {
    this.attempt.set(null);
  }

  protected go(step: number): void {
    this.index.update((i) => Math.min(this.questions().length - 1, Math.max(0, i + step)));
  }

  private async reloadAttempt(): Promise<void> {
    const attempt = this.attempt();
    if (!attempt) return;
    await this.act(async () => {
      this.attempt.set(await this.quizzes.attempt(attempt.id));
      await this.refreshOverview();
    });
  }

  private async refreshOverview(): Promise<void> {
    await this.loaded.load(() => this.quizzes.overview(this.enrollmentId(), this.moduleId()));
  }

  private async act(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionProblem.set(null);
    try {
      await work();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.busy.set(false);
    }
  }
}

/** The answer as shown: a cleared one (no option, empty text) counts as unanswered. */
function answerShown(body: QuizAnswer): QuizAttempt['questions'][number]['answer'] {
  const empty =
    body.optionId === null ||
    body.booleanValue === null ||
    body.numericValue === null ||
    (body.text !== undefined && body.text.trim() === '') ||
    (body.optionIds !== undefined && body.optionIds.length === 0) ||
    (body.matches !== undefined && body.matches.length === 0);
  return empty ? null : { ...body };
}

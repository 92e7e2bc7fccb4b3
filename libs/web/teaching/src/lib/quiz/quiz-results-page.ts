import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { toCsv } from '@oris/shared/domain';
import { latestLoad } from '@oris/web/core';
import { ProblemAlert, saveFile } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { QuizTeachingApi, type QuizResults, type RegradeResult } from './quiz-teaching-api';

/** A quiz's results: per question (% right), per trainee (attempts and grade), CSV, regrade. */
@Component({
  selector: 'oris-quiz-results-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, ProblemAlert],
  templateUrl: './quiz-results-page.html',
  styleUrl: './quiz-results-page.scss',
})
export class QuizResultsPage {
  private readonly quizzes = inject(QuizTeachingApi);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  protected readonly quizId = signal('');
  private readonly loaded = latestLoad<QuizResults>({ loading: true, clearProblemOnStart: true });
  protected readonly results = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;
  protected readonly regraded = signal<RegradeResult | null>(null);
  protected readonly regradeProblem = signal<ApiError | null>(null);
  protected readonly regrading = signal(false);

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.quizId.set(params.get('quizId') ?? '');
        void this.load();
      });
  }

  protected load(): Promise<unknown> {
    return this.loaded.load(() => this.quizzes.results(this.quizId()));
  }

  protected async regrade(): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'quiz.results.regrade.title',
      textKey: 'quiz.results.regrade.text',
      confirmKey: 'quiz.results.regrade.confirm',
    });
    if (!confirmed || this.regrading()) return;
    this.regrading.set(true);
    this.regradeProblem.set(null);
    try {
      this.regraded.set(await this.quizzes.regrade(this.quizId()));
      await this.load();
    } catch (error) {
      this.regradeProblem.set(ApiError.from(error));
    } finally {
      this.regrading.set(false);
    }
  }

  /** One row per trainee and attempt, through the project's CSV writer (formulas neutralised). */
  protected exportCsv(): void {
    const results = this.results();
    if (!results) return;
    const t = (key: string) => this.transloco.translate(`quiz.results.csv.${key}`);
    const rows: (string | number | null)[][] = [
      [t('trainee'), t('attempt'), t('submittedAt'), t('percent'), t('grade'), t('passed')],
    ];
    for (const trainee of results.trainees) {
      for (const attempt of trainee.attempts) {
        rows.push([
          trainee.fullName,
          attempt.number,
          attempt.submittedAt,
          attempt.percent,
          trainee.grade,
          trainee.passed ? t('yes') : t('no'),
        ]);
      }
    }
    saveFile(
      new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }),
      `quiz-${results.quiz.id.slice(0, 8)}-results.csv`,
      this.document,
    );
  }
}

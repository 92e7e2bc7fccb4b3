import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { latestLoad } from '@oris/web/core';
import { Pager, ProblemAlert, saveFile } from '@oris/web/ui';
import {
  AssignmentTeachingApi,
  type Gradebook,
  type GradingQueue,
  type QueueState,
} from './assignment-teaching-api';

const STATES: QueueState[] = ['to_grade', 'returned', 'graded'];

/**
 * A session's grading queue (to grade / returned / graded, oldest first, late ones flagged) and
 * its gradebook (trainees × quizzes and assignments) with the CSV and XLSX exports.
 */
@Component({
  selector: 'oris-grading-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, ProblemAlert, Pager],
  templateUrl: './grading-queue-page.html',
  styleUrl: './assignment-teaching.scss',
})
export class GradingQueuePage {
  private readonly assignments = inject(AssignmentTeachingApi);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly states = STATES;

  protected readonly sessionId = signal('');
  protected readonly state = signal<QueueState>('to_grade');
  private readonly queueLoad = latestLoad<GradingQueue>({ loading: true });
  protected readonly queue = this.queueLoad.value;
  protected readonly loading = this.queueLoad.loading;
  protected readonly problem = this.queueLoad.problem;
  private readonly bookLoad = latestLoad<Gradebook>({ loading: true });
  protected readonly book = this.bookLoad.value;
  protected readonly exportProblem = signal<ApiError | null>(null);

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.sessionId.set(params.get('sessionId') ?? '');
        void this.show('to_grade');
        void this.showBookPage(1);
      });
  }

  /** The first page of the submissions in `state` (or another page of them). */
  protected async show(state: QueueState, page = 1): Promise<void> {
    this.state.set(state);
    await this.queueLoad.load(() => this.assignments.queue(this.sessionId(), state, page));
  }

  protected async showBookPage(page: number): Promise<void> {
    await this.bookLoad.load(() => this.assignments.gradebook(this.sessionId(), page));
  }

  protected async export(format: 'csv' | 'xlsx'): Promise<void> {
    this.exportProblem.set(null);
    const lang = this.transloco.getActiveLang() as 'fr' | 'ar' | 'en';
    try {
      const blob = await this.assignments.export(this.sessionId(), format, lang);
      saveFile(blob, `oris-gradebook.${format}`, this.document);
    } catch (error) {
      this.exportProblem.set(ApiError.from(error));
    }
  }
}

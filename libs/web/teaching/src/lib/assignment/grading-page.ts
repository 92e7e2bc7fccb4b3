import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { percentOfPoints, runningTotal } from '@oris/shared/domain';
import { latestLoad } from '@oris/web/core';
import { FileDropZone, ProblemAlert, saveFile } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import {
  AssignmentTeachingApi,
  type GradingSubmission,
  type SubmittedFile,
} from './assignment-teaching-api';

/**
 * One submission to grade: the trainee's text and files, the rubric with a level to choose per
 * criterion (the running total computed as they are chosen) or a mark, feedback text and files,
 * then "return for resubmission" or "publish". The server checks and computes the grade again.
 * Leaving with levels, a mark or feedback not yet sent asks first.
 */
@Component({
  selector: 'oris-grading-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FileDropZone,
    ProblemAlert,
  ],
  templateUrl: './grading-page.html',
  styleUrl: './assignment-teaching.scss',
})
export class GradingPage implements HasUnsavedChanges {
  private readonly assignments = inject(AssignmentTeachingApi);
  private readonly document = inject(DOCUMENT);

  protected readonly submissionId = signal('');
  private readonly loaded = latestLoad<GradingSubmission>({ loading: true });
  protected readonly submission = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  protected readonly done = signal<'returned' | 'graded' | null>(null);

  protected readonly levels = signal<Record<string, string>>({});
  protected readonly mark = signal<number | null>(null);
  protected readonly feedback = signal('');
  /** The grade as the trainer has it now, and as it was last read or sent. */
  private readonly draft = computed(() =>
    JSON.stringify([this.levels(), this.mark(), this.feedback()]),
  );
  private readonly sent = signal(this.draft());
  readonly hasUnsavedChanges = unsavedChanges(() => this.draft() !== this.sent());

  protected readonly rubric = computed(() => this.submission()?.assignment.rubric ?? null);
  protected readonly maxPoints = computed(() => this.submission()?.assignment.maxPoints ?? 0);
  protected readonly total = computed(() => {
    const rubric = this.rubric();
    return rubric ? runningTotal(rubric, this.levels()) : (this.mark() ?? 0);
  });
  protected readonly percent = computed(() => percentOfPoints(this.total(), this.maxPoints()));
  protected readonly complete = computed(() => {
    const rubric = this.rubric();
    if (!rubric) {
      const mark = this.mark();
      return mark !== null && mark >= 0 && mark <= this.maxPoints();
    }
    return rubric.criteria.every((criterion) => this.levels()[criterion.id] !== undefined);
  });
  protected readonly gradable = computed(() => {
    const status = this.submission()?.status;
    return status === 'submitted' || status === 'graded';
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.submissionId.set(params.get('submissionId') ?? '');
        void this.open();
      });
  }

  private async open(): Promise<void> {
    await this.loaded.load(() => this.assignments.submission(this.submissionId()));
    const submission = this.submission();
    if (!submission) return;
    this.levels.set({ ...(submission.rubricLevels ?? {}) });
    this.mark.set(submission.assignment.rubric ? null : submission.points);
    this.feedback.set(submission.feedback);
    this.sent.set(this.draft());
  }

  protected choose(criterionId: string, levelId: string): void {
    this.levels.update((levels) => ({ ...levels, [criterionId]: levelId }));
  }

  protected criterionMax(levels: readonly { points: number }[]): number {
    return Math.max(0, ...levels.map((level) => level.points));
  }

  protected async addFeedbackFile(file: File): Promise<void> {
    await this.act(async () => {
      this.loaded.set(await this.assignments.addFeedbackFile(this.submissionId(), file));
    });
  }

  protected async download(file: SubmittedFile): Promise<void> {
    await this.act(async () =>
      saveFile(await this.assignments.download(file.id), file.name, this.document),
    );
  }

  protected async decide(decision: 'publish' | 'return'): Promise<void> {
    await this.act(async () => {
      const rubric = this.rubric();
      const graded = await this.assignments.grade(this.submissionId(), {
        ...(rubric ? { rubricLevels: this.levels() } : { mark: this.mark() ?? 0 }),
        feedback: this.feedback(),
        decision,
      });
      this.loaded.set(graded);
      this.sent.set(this.draft());
      this.done.set(graded.status === 'returned' ? 'returned' : 'graded');
    });
  }

  private async act(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionProblem.set(null);
    this.done.set(null);
    try {
      await work();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.busy.set(false);
    }
  }
}

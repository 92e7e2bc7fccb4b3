import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { SUBMISSION_FILE_KINDS, type SubmissionFileKind } from '@oris/shared/domain';
import { latestLoad } from '@oris/web/core';
import { FileDropZone, MarkdownView, ProblemAlert, saveFile } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import {
  LearnerAssignmentApi,
  type AssignmentFile,
  type LearnerAssignment,
} from './assignment-api';
import { assignmentMessageKeys } from './assignment-problem-keys';

/**
 * A module's assignment for its trainee: the instructions, the due date and the limits in words,
 * a draft (text and files) saved on demand, the submission after a confirmation, and the
 * trainer's feedback (rubric levels, grade, files) once returned or published.
 */
@Component({
  selector: 'oris-assignment-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FileDropZone,
    ProblemAlert,
    MarkdownView,
  ],
  templateUrl: './assignment-page.html',
  styleUrl: './assignment-page.scss',
})
export class AssignmentPage {
  private readonly assignments = inject(LearnerAssignmentApi);
  private readonly confirmation = inject(Confirmation);
  private readonly document = inject(DOCUMENT);
  protected readonly messageKeys = assignmentMessageKeys;

  protected readonly enrollmentId = signal('');
  protected readonly moduleId = signal('');
  private readonly loaded = latestLoad<LearnerAssignment>({
    loading: true,
    clearProblemOnStart: true,
  });
  protected readonly view = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly text = signal('');

  protected readonly submission = computed(() => this.view()?.submission ?? null);
  protected readonly feedbackShown = computed(() => {
    const status = this.submission()?.status;
    return status === 'returned' || status === 'graded';
  });
  /** The accepted kinds, as a browser's file picker filters them. */
  protected readonly accept = computed(() =>
    (this.view()?.assignment.fileKinds ?? [])
      .map((kind) => `.${SUBMISSION_FILE_KINDS[kind as SubmissionFileKind].extension}`)
      .join(','),
  );
  protected readonly megabytes = computed(
    () => Math.round(((this.view()?.assignment.maxFileBytes ?? 0) / 1024 / 1024) * 10) / 10,
  );
  /** Each criterion with the level the trainer chose. */
  protected readonly rubricLines = computed(() => {
    const view = this.view();
    const chosen = view?.submission?.rubricLevels ?? null;
    if (!view?.assignment.rubric || !chosen) return [];
    return view.assignment.rubric.criteria.map((criterion) => ({
      criterion,
      level: criterion.levels.find((level) => level.id === chosen[criterion.id]) ?? null,
      max: Math.max(...criterion.levels.map((level) => level.points)),
    }));
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.enrollmentId.set(params.get('enrollmentId') ?? '');
        this.moduleId.set(params.get('moduleId') ?? '');
        void this.open();
      });
  }

  private async open(): Promise<void> {
    await this.loaded.load(() => this.assignments.overview(this.enrollmentId(), this.moduleId()));
    this.text.set(this.view()?.submission?.text ?? '');
  }

  protected retry(): void {
    void this.open();
  }

  protected async saveText(): Promise<void> {
    await this.act(async () => {
      this.loaded.set(
        await this.assignments.saveText(this.enrollmentId(), this.moduleId(), this.text()),
      );
      this.saved.set(true);
    });
  }

  protected async addFile(file: File): Promise<void> {
    await this.act(async () => {
      this.loaded.set(await this.assignments.addFile(this.enrollmentId(), this.moduleId(), file));
    });
  }

  protected async removeFile(file: AssignmentFile): Promise<void> {
    await this.act(async () => {
      this.loaded.set(
        await this.assignments.removeFile(this.enrollmentId(), this.moduleId(), file.id),
      );
    });
  }

  protected async download(file: AssignmentFile): Promise<void> {
    await this.act(async () => {
      saveFile(await this.assignments.download(file.id), file.name, this.document);
    });
  }

  protected async submit(): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'assignments.submit.title',
      textKey: 'assignments.submit.text',
      confirmKey: 'assignments.submit.confirm',
      cancelKey: 'assignments.submit.cancel',
    });
    if (!confirmed) return;
    await this.act(async () => {
      const view = this.view();
      // The text as typed goes with the submission, saved first.
      if (view?.assignment.acceptsText && this.text() !== (view.submission?.text ?? '')) {
        await this.assignments.saveText(this.enrollmentId(), this.moduleId(), this.text());
      }
      this.loaded.set(await this.assignments.submit(this.enrollmentId(), this.moduleId()));
    });
  }

  private async act(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.saved.set(false);
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

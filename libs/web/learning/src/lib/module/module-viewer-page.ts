import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { latestLoad } from '@oris/web/core';
import { Icon, MarkdownView, ProblemAlert } from '@oris/web/ui';
import { LearningApi } from '../learning-api';
import { CourseProgress } from '../shared/course-progress';
import type { LearnerModule } from '../shared/learning-types';
import { learningMessageKeys } from '../shared/problem-keys';
import { ProgressMeter } from '../shared/progress-meter';
import { demoteHeadings } from './demote-headings';
import { neighbours } from './neighbours';
import { AssignmentEntry } from '../assignment/assignment-entry';
import { QuizEntry } from '../quiz/quiz-entry';
import { ModuleMaterial } from '../material/module-material';

/** One module of the trainee's course: its content, resources, "done", and the way on. */
@Component({
  selector: 'oris-module-viewer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    Icon,
    ProblemAlert,
    MarkdownView,
    ProgressMeter,
    QuizEntry,
    ModuleMaterial,
    AssignmentEntry,
  ],
  templateUrl: './module-viewer-page.html',
  styleUrl: './module-viewer-page.scss',
})
export class ModuleViewerPage {
  private readonly learning = inject(LearningApi);
  private readonly injector = inject(Injector);
  protected readonly course = inject(CourseProgress);
  protected readonly messageKeys = learningMessageKeys;

  protected readonly enrollmentId = signal('');
  private readonly moduleId = signal('');
  private readonly loaded = latestLoad<LearnerModule>({
    loading: true,
    clearProblemOnStart: true,
    forgetOnFailure: true,
  });
  protected readonly module = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;
  protected readonly marking = signal(false);
  protected readonly markProblem = signal<ApiError | null>(null);
  /** Set once marked here, so that the confirmation is announced and not merely shown. */
  protected readonly justMarked = signal(false);

  /** Done as the outline knows it, which marking updates at once. */
  protected readonly done = computed(() => {
    const id = this.moduleId();
    return this.course.modules().find((module) => module.id === id)?.done ?? !!this.module()?.done;
  });
  /** The content's headings go under the module's title, the page's only h1. */
  protected readonly contentHtml = computed(() => demoteHeadings(this.module()?.contentHtml ?? ''));
  protected readonly place = computed(() => neighbours(this.course.modules(), this.moduleId()));
  private readonly doneNotice = viewChild<ElementRef<HTMLElement>>('doneNotice');

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.enrollmentId.set(params.get('enrollmentId') ?? '');
        this.moduleId.set(params.get('moduleId') ?? '');
        void this.course.open(this.enrollmentId());
        void this.loadModule();
      });
  }

  protected async markDone(): Promise<void> {
    if (this.marking()) return;
    this.marking.set(true);
    this.markProblem.set(null);
    try {
      await this.course.markDone(this.moduleId());
      this.justMarked.set(true);
      // The button is replaced by the confirmation, which takes the focus.
      afterNextRender(() => this.doneNotice()?.nativeElement.focus(), {
        injector: this.injector,
      });
    } catch (error) {
      this.markProblem.set(ApiError.from(error));
    } finally {
      this.marking.set(false);
    }
  }

  protected retry(): void {
    void this.loadModule();
  }

  private async loadModule(): Promise<void> {
    this.markProblem.set(null);
    this.justMarked.set(false);
    await this.loaded.load(() => this.learning.module(this.enrollmentId(), this.moduleId()));
  }
}

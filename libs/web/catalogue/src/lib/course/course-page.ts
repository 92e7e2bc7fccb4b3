import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type Type,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  AuthSession,
  type Course,
  ENROLL_ACTION,
  LanguageService,
  latestLoad,
  pageTitleFrom,
  RegionsService,
} from '@oris/web/core';
import { DayPipe, DayRangePipe, Icon, MarkdownView, ProblemAlert, StatusChip } from '@oris/web/ui';
import { map } from 'rxjs';
import { CatalogueApi } from '../catalogue-api';
import { completionRuleLines } from './completion-rule';

@Component({
  selector: 'oris-course-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgComponentOutlet,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    Icon,
    ProblemAlert,
    StatusChip,
    MarkdownView,
    DayPipe,
    DayRangePipe,
  ],
  templateUrl: './course-page.html',
  styleUrl: './course-page.scss',
})
export class CoursePage {
  private readonly catalogue = inject(CatalogueApi);
  private readonly loadEnrollAction = inject(ENROLL_ACTION, { optional: true });
  protected readonly session = inject(AuthSession);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  protected readonly courseId = signal('');
  // An id that is not even a UUID is as missing as an unknown one.
  private readonly loaded = latestLoad<Course>({
    loading: true,
    clearProblemOnStart: true,
    forgetOnFailure: true,
    problemOf: (error) => {
      const problem = ApiError.from(error);
      return problem.kind === 'validation' ? toNotFound(problem) : problem;
    },
  });
  protected readonly course = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;
  protected readonly notFound = computed(() => this.problem()?.kind === 'not-found');
  protected readonly enrollAction = signal<Type<unknown> | null>(null);
  protected readonly completionLines = computed(() => {
    const course = this.course();
    return course ? completionRuleLines(course.completionRule) : [];
  });
  protected readonly returnUrl = computed(() => `/catalogue/${this.courseId()}`);

  constructor() {
    // The browser's tab says which course this is, not just "Course".
    pageTitleFrom(() => this.course()?.title);
    this.regions.load().catch(() => undefined);
    this.loadEnrollAction?.().then(
      (component) => this.enrollAction.set(component),
      // Without its control the page still informs; enrolling stays possible elsewhere.
      () => undefined,
    );
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => params.get('courseId') ?? ''),
        takeUntilDestroyed(),
      )
      .subscribe((id) => {
        this.courseId.set(id);
        void this.loadCourse();
      });
  }

  protected retry(): void {
    void this.loadCourse();
  }

  private async loadCourse(): Promise<void> {
    await this.loaded.load(() => this.catalogue.course(this.courseId()));
  }
}

function toNotFound(problem: ApiError): ApiError {
  return new ApiError(404, { title: problem.title });
}

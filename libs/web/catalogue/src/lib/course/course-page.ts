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
import { AuthSession, LanguageService, RegionsService } from '@oris/web/core';
import { Icon, ProblemAlert } from '@oris/web/ui';
import { map } from 'rxjs';
import { CatalogueApi } from '../catalogue-api';
import type { Course } from '../shared/catalogue-types';
import { DayPipe, DayRangePipe } from '../shared/date-pipes';
import { ENROLL_ACTION } from '../shared/enroll-action';
import { MarkdownView } from '../shared/markdown-view';
import { StatusChip } from '../shared/status-chip';
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
  protected readonly course = signal<Course | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly notFound = computed(() => this.problem()?.kind === 'not-found');
  protected readonly enrollAction = signal<Type<unknown> | null>(null);
  protected readonly completionLines = computed(() => {
    const course = this.course();
    return course ? completionRuleLines(course.completionRule) : [];
  });
  protected readonly returnUrl = computed(() => `/catalogue/${this.courseId()}`);
  private latestRequest = 0;

  constructor() {
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
    const request = ++this.latestRequest;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const course = await this.catalogue.course(this.courseId());
      if (request === this.latestRequest) this.course.set(course);
    } catch (error) {
      if (request === this.latestRequest) {
        this.course.set(null);
        // An id that is not even a UUID is as missing as an unknown one.
        const problem = ApiError.from(error);
        this.problem.set(problem.kind === 'validation' ? toNotFound(problem) : problem);
      }
    } finally {
      if (request === this.latestRequest) this.loading.set(false);
    }
  }
}

function toNotFound(problem: ApiError): ApiError {
  return new ApiError(404, { title: problem.title });
}

import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
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
  pageMeta,
  RegionsService,
  structuredData,
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
  private readonly meta = pageMeta();
  private readonly jsonLd = structuredData();
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
    // The tab, link previews and search engines say which course this is, not just "Course".
    effect(() => {
      const course = this.course();
      if (course) this.describe(course);
    });
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

  private describe(course: Course): void {
    this.meta.describe({ title: course.title, description: course.summary });
    this.jsonLd.describe({
      '@context': 'https://schema.org',
      '@type': 'Course',
      '@id': this.meta.canonicalUrl(),
      url: this.meta.canonicalUrl(),
      name: course.title,
      description: course.summary,
      courseCode: course.code,
      inLanguage: course.languages,
      timeRequired: `PT${course.durationHours}H`,
      provider: { '@type': 'Organization', name: 'ORIS' },
    });
  }

  private async loadCourse(): Promise<void> {
    await this.loaded.load(() => this.catalogue.course(this.courseId()));
  }
}

function toNotFound(problem: ApiError): ApiError {
  return new ApiError(404, { title: problem.title });
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { COURSE_STATUSES, type CourseStatus } from '@oris/shared/domain';
import { AuthSession, LanguageService } from '@oris/web/core';
import {
  CatalogueIcon,
  type CourseSummary,
  DayPipe,
  type PageOf,
  Pager,
  StatusChip,
} from '@oris/web/catalogue';
import { ProblemAlert } from '@oris/web/ui';
import { TeachingApi } from '../teaching-api';

const PAGE_SIZE = 20;

@Component({
  selector: 'oris-my-courses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ProblemAlert,
    CatalogueIcon,
    DayPipe,
    Pager,
    StatusChip,
  ],
  templateUrl: './my-courses-page.html',
  styleUrl: './my-courses-page.scss',
})
export class MyCoursesPage {
  private readonly teaching = inject(TeachingApi);
  protected readonly language = inject(LanguageService).language;
  /** Only trainers own courses; an administrator reaches the others from the catalogue. */
  protected readonly ownsCourses = inject(AuthSession).hasAnyRole(['trainer']);

  protected readonly statuses = COURSE_STATUSES;
  protected readonly statusFilter = new FormControl<CourseStatus | null>(null);
  protected readonly result = signal<PageOf<CourseSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiError | null>(null);
  private page = 1;
  private latestRequest = 0;

  constructor() {
    this.statusFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.page = 1;
      void this.loadCourses();
    });
    if (this.ownsCourses) void this.loadCourses();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.loadCourses();
  }

  private async loadCourses(): Promise<void> {
    const request = ++this.latestRequest;
    const status = this.statusFilter.value;
    this.loading.set(true);
    try {
      const page = await this.teaching.myCourses({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(status && { status }),
      });
      if (request === this.latestRequest) {
        this.result.set(page);
        this.problem.set(null);
      }
    } catch (error) {
      if (request === this.latestRequest) this.problem.set(ApiError.from(error));
    } finally {
      if (request === this.latestRequest) this.loading.set(false);
    }
  }
}

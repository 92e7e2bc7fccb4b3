import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { COURSE_STATUSES, type CourseStatus } from '@oris/shared/domain';
import {
  AuthSession,
  type CourseSummary,
  LanguageService,
  latestLoad,
  type PageOf,
} from '@oris/web/core';
import { DayPipe, Icon, Pager, ProblemAlert, StatusChip } from '@oris/web/ui';
import { debounceTime } from 'rxjs';
import type { AdminCourseSummary } from '../shared/teaching-types';
import { TeachingApi } from '../teaching-api';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

/** Whose courses the page lists: one's own, or (administrators) every course. */
export type CourseScope = 'mine' | 'all';

type Listed = CourseSummary & Partial<Pick<AdminCourseSummary, 'owners'>>;

@Component({
  selector: 'oris-my-courses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ProblemAlert,
    Icon,
    DayPipe,
    Pager,
    StatusChip,
  ],
  templateUrl: './my-courses-page.html',
  styleUrl: './my-courses-page.scss',
})
export class MyCoursesPage {
  private readonly teaching = inject(TeachingApi);
  private readonly auth = inject(AuthSession);
  protected readonly language = inject(LanguageService).language;
  /** Only trainers own courses. */
  protected readonly ownsCourses = this.auth.hasAnyRole(['trainer']);
  protected readonly admin = this.auth.hasAnyRole(['admin']);

  protected readonly statuses = COURSE_STATUSES;
  protected readonly statusFilter = new FormControl<CourseStatus | null>(null);
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly scope = signal<CourseScope>(this.ownsCourses || !this.admin ? 'mine' : 'all');
  private readonly courses = latestLoad<PageOf<Listed>>();
  protected readonly result = this.courses.value;
  protected readonly loading = this.courses.loading;
  protected readonly problem = this.courses.problem;
  private page = 1;

  constructor() {
    this.statusFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
    this.search.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.reload());
    if (this.listed()) void this.loadCourses();
  }

  /** Whether there is anything to list: one's own courses, or every course for an administrator. */
  protected listed(): boolean {
    return this.scope() === 'all' ? this.admin : this.ownsCourses;
  }

  protected showScope(scope: CourseScope): void {
    if (scope === this.scope()) return;
    this.scope.set(scope);
    this.courses.set(null);
    this.search.setValue('', { emitEvent: false });
    this.page = 1;
    if (this.listed()) void this.loadCourses();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.loadCourses();
  }

  private reload(): void {
    this.page = 1;
    void this.loadCourses();
  }

  private async loadCourses(): Promise<void> {
    const status = this.statusFilter.value;
    const q = this.search.value.trim();
    const query = {
      page: this.page,
      pageSize: PAGE_SIZE,
      ...(status && { status }),
      ...(q && { q }),
    };
    await this.courses.load(() =>
      this.scope() === 'all' ? this.teaching.allCourses(query) : this.teaching.myCourses(query),
    );
  }
}

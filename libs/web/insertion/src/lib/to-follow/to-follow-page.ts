import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import type { RegionCode } from '@oris/shared/domain';
import { LanguageService, latestLoad, RegionsService } from '@oris/web/core';
import { Chip, DayPipe, Pager, ProblemAlert } from '@oris/web/ui';
import { InsertionApi } from '../insertion-api';
import type { CourseSummary, PageOf, PersonToFollow, Session } from '../shared/insertion-types';
import { InsertionTabs } from '../shared/insertion-tabs';
import { insertionMessageKeys } from '../shared/problem-keys';
import { PhoneLink } from '../shared/phone-link';

const PAGE_SIZE = 20;

/**
 * Trainees to follow: people who completed a training and have no validated situation yet,
 * latest completers first. Each opens the person's situation, where it is recorded.
 */
@Component({
  selector: 'oris-to-follow-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    Pager,
    Chip,
    ProblemAlert,
    InsertionTabs,
    PhoneLink,
  ],
  templateUrl: './to-follow-page.html',
  styleUrl: '../shared/list-page.scss',
})
export class ToFollowPage {
  private readonly insertion = inject(InsertionApi);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = insertionMessageKeys;

  protected readonly region = new FormControl<RegionCode | null>(null);
  protected readonly course = new FormControl<string | null>(null);
  protected readonly session = new FormControl<string | null>(null);

  protected readonly courses = signal<CourseSummary[]>([]);
  protected readonly sessions = signal<Session[]>([]);
  private readonly people = latestLoad<PageOf<PersonToFollow>>();
  protected readonly result = this.people.value;
  protected readonly loading = this.people.loading;
  /** A problem loading what the filters offer (regions, courses, sessions). */
  private readonly filterProblem = signal<ApiError | null>(null);
  protected readonly problem = computed(() => this.filterProblem() ?? this.people.problem());
  private page = 1;

  constructor() {
    void this.regions
      .load()
      .catch((error: unknown) => this.filterProblem.set(ApiError.from(error)));
    void this.loadCourses();
    this.region.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.showFirstPage());
    this.course.valueChanges.pipe(takeUntilDestroyed()).subscribe((courseId) => {
      this.sessions.set([]);
      // Resetting the session reloads the list, once, with the new course.
      if (this.session.value) this.session.setValue(null);
      else this.showFirstPage();
      if (courseId) void this.loadSessions(courseId);
    });
    this.session.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.showFirstPage());
    void this.load();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private showFirstPage(): void {
    this.page = 1;
    void this.load();
  }

  private async loadCourses(): Promise<void> {
    try {
      this.courses.set(await this.insertion.courses());
    } catch (error) {
      this.filterProblem.set(ApiError.from(error));
    }
  }

  private async loadSessions(courseId: string): Promise<void> {
    try {
      const sessions = await this.insertion.sessions(courseId);
      if (this.course.value === courseId) this.sessions.set(sessions);
    } catch (error) {
      this.filterProblem.set(ApiError.from(error));
    }
  }

  private async load(): Promise<void> {
    const region = this.region.value;
    const course = this.course.value;
    const session = this.session.value;
    const landed = await this.people.load(() =>
      this.insertion.toFollow({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(region ? { region } : {}),
        ...(course ? { course } : {}),
        ...(session ? { session } : {}),
      }),
    );
    if (landed) this.filterProblem.set(null);
  }
}

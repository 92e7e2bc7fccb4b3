import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { type EnrollmentStatus, holdsSeat, isOpenEnrollment } from '@oris/shared/domain';
import {
  AnnouncementsApi,
  LanguageService,
  latestLoad,
  type PageOf,
  RegionsService,
} from '@oris/web/core';
import { DayPipe, DayRangePipe, EnrollmentStatusChip, Pager, ProblemAlert } from '@oris/web/ui';
import { LearningApi } from '../learning-api';
import { WithdrawalConfirmation } from '../shared/confirm-withdrawal';
import { canWithdraw, opensModules } from '../shared/enrollment-rules';
import type { Enrollment } from '../shared/learning-types';
import { MyEnrollments } from '../shared/my-enrollments';
import { learningMessageKeys } from '../shared/problem-keys';
import { ProgressMeter } from '../shared/progress-meter';
import { TimetableSection } from '../shared/timetable';
import { AnnouncementEmailSwitch } from '../announcements/announcement-email-switch';
import { CalendarFeedCard } from './calendar-feed-card';

const PAGE_SIZE = 20;

@Component({
  selector: 'oris-my-learning-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    ProblemAlert,
    DayPipe,
    DayRangePipe,
    Pager,
    EnrollmentStatusChip,
    ProgressMeter,
    TimetableSection,
    CalendarFeedCard,
    AnnouncementEmailSwitch,
  ],
  templateUrl: './my-learning-page.html',
  styleUrl: './my-learning-page.scss',
})
export class MyLearningPage {
  private readonly learning = inject(LearningApi);
  private readonly myEnrollments = inject(MyEnrollments);
  private readonly confirmation = inject(WithdrawalConfirmation);
  private readonly injector = inject(Injector);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  private readonly enrollments = latestLoad<PageOf<Enrollment>>({ loading: true });
  protected readonly result = this.enrollments.value;
  protected readonly loading = this.enrollments.loading;
  protected readonly problem = this.enrollments.problem;
  protected readonly withdrawProblem = signal<ApiError | null>(null);
  protected readonly withdrawing = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly messageKeys = learningMessageKeys;
  protected readonly opensModules = opensModules;
  protected readonly canWithdraw = canWithdraw;
  /** Meetings matter while the person waits or takes part, not once the outcome is recorded. */
  protected readonly showsTimetable = (status: EnrollmentStatus): boolean =>
    isOpenEnrollment(status);
  protected readonly holdsSeat = holdsSeat;
  /** The sessions whose announcements the person gets in the app only; null until known. */
  protected readonly mutedSessions = signal<string[] | null>(null);
  private readonly noticeElement = viewChild<ElementRef<HTMLElement>>('noticeText');
  private readonly withdrawProblemElement =
    viewChild<ElementRef<HTMLElement>>('withdrawProblemBox');
  private page = 1;

  constructor() {
    this.regions.load().catch(() => undefined);
    inject(AnnouncementsApi)
      .mutedSessions()
      .then(
        (sessions) => this.mutedSessions.set(sessions),
        () => undefined,
      );
    void this.load();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  protected retry(): void {
    void this.load();
  }

  protected async withdraw(enrollment: Enrollment): Promise<void> {
    const confirmed = await this.confirmation.ask({
      course: enrollment.session.course.title,
      session: enrollment.session.title,
      holdsSeat: holdsSeat(enrollment.status),
    });
    if (!confirmed) return;
    this.withdrawing.set(enrollment.id);
    this.withdrawProblem.set(null);
    this.notice.set(null);
    try {
      await this.learning.withdraw(enrollment.id);
      this.myEnrollments.forget();
      this.notice.set(enrollment.session.course.title);
      await this.load();
    } catch (error) {
      this.withdrawProblem.set(ApiError.from(error));
    } finally {
      this.withdrawing.set(null);
    }
    // The button that had the focus is gone (or the dialog gave it back to nothing useful):
    // the outcome, success or problem, takes it.
    afterNextRender(
      () => (this.noticeElement() ?? this.withdrawProblemElement())?.nativeElement.focus(),
      { injector: this.injector },
    );
  }

  private async load(): Promise<void> {
    await this.enrollments.load(() =>
      this.learning.myEnrollments({ page: this.page, pageSize: PAGE_SIZE }),
    );
  }
}

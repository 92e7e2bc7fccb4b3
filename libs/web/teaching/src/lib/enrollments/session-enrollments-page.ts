import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { dayInMorocco, ENROLLMENT_STATUSES, type EnrollmentStatus } from '@oris/shared/domain';
import {
  AuthSession,
  type CompletionRule,
  LanguageService,
  latestLoad,
  type PageOf,
  RegionsService,
  type Session,
} from '@oris/web/core';
import {
  DayPipe,
  DayRangePipe,
  EnrollmentStatusChip,
  Pager,
  ProblemAlert,
  StatusChip,
  transientText,
} from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import type { CompletionAttestation, Enrollment } from '../shared/teaching-types';
import { TeachingApi } from '../teaching-api';
import { type CompletionRefusal, CompletionValidation } from './completion-validation';
import {
  completionReadiness,
  type CompletionReadiness,
  countsAfter,
  displayName,
  type EnrollmentAction,
  enrollmentActions,
  lastMeetingStart,
  PercentPipe,
  promotesFromWaitlist,
  type SessionCounts,
} from './enrollment-rules';
import { ENROLLMENTS_PAGE_SIZE, EnrollmentsApi } from './enrollments-api';

/**
 * A session's enrollments for its staff (`/teaching/sessions/:sessionId/enrollments`): the seats
 * and queues, the approval queue, and each trainee's progress, attendance and outcome.
 */
@Component({
  selector: 'oris-session-enrollments-page',
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
    DayPipe,
    DayRangePipe,
    Pager,
    StatusChip,
    EnrollmentStatusChip,
    PercentPipe,
  ],
  providers: [CompletionValidation],
  templateUrl: './session-enrollments-page.html',
  styleUrl: './session-enrollments-page.scss',
})
export class SessionEnrollmentsPage {
  private readonly enrollments = inject(EnrollmentsApi);
  private readonly teaching = inject(TeachingApi);
  private readonly confirmation = inject(Confirmation);
  protected readonly completion = inject(CompletionValidation);
  private readonly transloco = inject(TranslocoService);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly admin = inject(AuthSession).hasAnyRole(['admin']);

  protected readonly statuses = ENROLLMENT_STATUSES;
  protected readonly statusFilter = new FormControl<EnrollmentStatus | null>(null);
  protected readonly session = signal<Session | null>(null);
  protected readonly counts = signal<SessionCounts | null>(null);
  private readonly list = latestLoad<PageOf<Enrollment>>();
  protected readonly result = this.list.value;
  protected readonly pending = signal<Enrollment[]>([]);
  protected readonly attendance = signal<ReadonlyMap<string, number>>(new Map());
  /** Meetings attended and held per enrollment, from the attendance sheet. */
  private readonly attendanceCounts = signal<
    ReadonlyMap<string, { attended: number; held: number }>
  >(new Map());
  private readonly rule = signal<CompletionRule | null>(null);
  private readonly lastMeetingStartsAt = computed(() =>
    lastMeetingStart(this.session()?.meetings ?? []),
  );
  /** The Moroccan day of the last meeting, for the sentence above the list. */
  protected readonly lastMeetingDay = computed(() => {
    const last = this.lastMeetingStartsAt();
    return last ? dayInMorocco(new Date(last)) : null;
  });
  /** Who meets the course's rule now, and who does not, shown before anyone clicks "validate". */
  protected readonly readiness = computed(() => {
    const now = new Date();
    const rows = new Map<string, CompletionReadiness | null>();
    for (const enrollment of this.result()?.items ?? []) {
      rows.set(
        enrollment.id,
        completionReadiness(
          enrollment,
          this.rule(),
          this.attendanceCounts().get(enrollment.id),
          this.lastMeetingStartsAt(),
          now,
        ),
      );
    }
    return rows;
  });
  /** How many on this page meet the rule and how many do not yet; null when none is to validate. */
  protected readonly readinessSummary = computed(() => {
    const all = [...this.readiness().values()].filter((row) => row !== null);
    if (all.length === 0) return null;
    const met = all.filter((row) => row.met).length;
    return { met, unmet: all.length - met, early: all.some((row) => row.early) };
  });
  protected readonly loading = signal(true);
  protected readonly listLoading = this.list.loading;
  protected readonly loadProblem = signal<ApiError | null>(null);
  /** An action's problem, else the list's. */
  private readonly actionProblem = signal<ApiError | null>(null);
  protected readonly problem = computed(() => this.actionProblem() ?? this.list.problem());
  protected readonly refusal = signal<CompletionRefusal | null>(null);
  protected readonly announcement = transientText();
  protected readonly busy = signal<string | null>(null);
  protected readonly manage = computed(() => this.session()?.canManage ?? false);

  private sessionId = '';
  private page = 1;

  constructor() {
    this.regions.load().catch(() => undefined);
    this.statusFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.page = 1;
      void this.loadList();
    });
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.sessionId = params.get('sessionId') ?? '';
        void this.loadAll();
      });
  }

  protected name(enrollment: Enrollment): string {
    return displayName(enrollment.person, this.language());
  }

  protected attesterName(attestation: CompletionAttestation): string {
    return displayName(attestation.by, this.language());
  }

  protected actionsOf(enrollment: Enrollment): EnrollmentAction[] {
    return this.manage() ? enrollmentActions(enrollment.status, this.admin) : [];
  }

  protected actionLabel(action: EnrollmentAction, enrollment: Enrollment): string {
    return this.transloco.translate(`teaching.enrollments.actions.${action}Named`, {
      name: this.name(enrollment),
    });
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.loadList();
  }

  protected async act(action: EnrollmentAction, enrollment: Enrollment): Promise<void> {
    if (action === 'complete') {
      await this.complete(enrollment);
      return;
    }
    const confirmed = await this.confirmation.ask({
      titleKey: `teaching.enrollments.confirm.${action}.title`,
      textKey: `teaching.enrollments.confirm.${action}.text`,
      confirmKey: `teaching.enrollments.actions.${action}`,
      cancelKey: 'teaching.confirm.cancel',
      params: { name: this.name(enrollment) },
      destructive: action !== 'approve',
    });
    if (!confirmed) return;
    await this.run(enrollment, () => {
      switch (action) {
        case 'approve':
          return this.enrollments.approve(enrollment.id);
        case 'reject':
          return this.enrollments.reject(enrollment.id);
        case 'notCompleted':
          return this.enrollments.markNotCompleted(enrollment.id);
        default:
          return this.enrollments.withdraw(enrollment.id);
      }
    });
  }

  private async complete(enrollment: Enrollment): Promise<void> {
    const session = this.session();
    if (!session) return;
    const answer = await this.completion.ask({
      name: this.name(enrollment),
      session,
      administrator: this.admin,
      lastMeetingStartsAt: this.lastMeetingStartsAt(),
    });
    if (!answer) return;
    await this.run(enrollment, () => this.enrollments.complete(enrollment.id, answer));
  }

  /** One action on one row: the row, the queue and the counts follow its answer. */
  private async run(before: Enrollment, call: () => Promise<Enrollment>): Promise<void> {
    this.actionProblem.set(null);
    this.refusal.set(null);
    this.busy.set(before.id);
    try {
      const after = await call();
      const counts = this.counts();
      const promoted =
        !!counts && after.status === 'withdrawn' && promotesFromWaitlist(counts, before.status);
      if (counts) this.counts.set(countsAfter(counts, before.status, after.status));
      this.replaceRow(after);
      this.announcement.set(
        this.transloco.translate(`teaching.enrollments.done.${after.status}`, {
          name: this.name(after),
        }),
      );
      // Someone else moved from the waitlist to the freed seat: their row changed too.
      if (promoted) await this.loadList();
    } catch (error) {
      const problem = ApiError.from(error);
      if (this.completion.refusedByRule(problem)) {
        this.refusal.set(await this.completion.explainRefusal(before, problem, this.rule));
        this.announcement.set('');
      } else {
        this.actionProblem.set(problem);
      }
    } finally {
      this.busy.set(null);
    }
  }

  private replaceRow(after: Enrollment): void {
    const page = this.result();
    if (page) {
      this.list.set({
        ...page,
        items: page.items.map((item) => (item.id === after.id ? after : item)),
      });
    }
    this.pending.update((queue) =>
      after.status === 'pending'
        ? queue.map((item) => (item.id === after.id ? after : item))
        : queue.filter((item) => item.id !== after.id),
    );
  }

  private async loadAll(): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      const [session, pending, waitlisted] = await Promise.all([
        this.teaching.session(this.sessionId),
        this.enrollments.list(this.sessionId, {
          page: 1,
          pageSize: ENROLLMENTS_PAGE_SIZE,
          status: 'pending',
        }),
        this.enrollments.list(this.sessionId, { page: 1, pageSize: 1, status: 'waitlisted' }),
      ]);
      this.session.set(session);
      this.pending.set(pending.items);
      this.counts.set({
        seats: session.confirmedCount,
        capacity: session.capacity,
        waitlisted: waitlisted.total,
        pending: pending.total,
      });
      await Promise.all([this.loadList(), this.loadAttendance(), this.loadRule(session)]);
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }

  private async loadList(): Promise<void> {
    const status = this.statusFilter.value;
    const landed = await this.list.load(() =>
      this.enrollments.list(this.sessionId, {
        page: this.page,
        pageSize: ENROLLMENTS_PAGE_SIZE,
        ...(status && { status }),
      }),
    );
    if (landed) this.actionProblem.set(null);
  }

  // The attendance and the rule complete the table; without them it still works.
  private async loadAttendance(): Promise<void> {
    try {
      const sheet = await this.enrollments.attendance(this.sessionId);
      this.attendance.set(new Map(sheet.rows.map((row) => [row.enrollmentId, row.percent])));
      this.attendanceCounts.set(
        new Map(
          sheet.rows.map((row) => [
            row.enrollmentId,
            { attended: row.attended, held: sheet.meetingsHeld },
          ]),
        ),
      );
    } catch {
      this.attendance.set(new Map());
      this.attendanceCounts.set(new Map());
    }
  }

  private async loadRule(session: Session): Promise<void> {
    try {
      this.rule.set((await this.teaching.course(session.course.id)).completionRule);
    } catch {
      this.rule.set(null);
    }
  }
}

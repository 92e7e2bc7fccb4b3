import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LanguageService, type Session } from '@oris/web/core';
import { ProblemAlert, TimeRangePipe, transientText } from '@oris/web/ui';
import type { AttendanceMeeting, AttendanceRow, AttendanceSheet } from '../shared/teaching-types';
import { TeachingApi } from '../teaching-api';
import { attendanceEntries, defaultMeeting, marksAt } from './attendance-marks';
import { displayName, PercentPipe } from './enrollment-rules';
import { EnrollmentsApi } from './enrollments-api';

/**
 * The attendance sheet of a session (`/teaching/sessions/:sessionId/attendance`): one meeting at
 * a time, a tick for each trainee holding a seat, and each one's attendance so far.
 */
@Component({
  selector: 'oris-attendance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ProblemAlert,
    TimeRangePipe,
    PercentPipe,
  ],
  templateUrl: './attendance-page.html',
  styleUrl: './attendance-page.scss',
})
export class AttendancePage {
  private readonly enrollments = inject(EnrollmentsApi);
  private readonly teaching = inject(TeachingApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService).language;

  protected readonly session = signal<Session | null>(null);
  protected readonly sheet = signal<AttendanceSheet | null>(null);
  protected readonly meetingId = signal<string | null>(null);
  protected readonly present = signal<Record<string, boolean>>({});
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly announcement = transientText();
  protected readonly meeting = computed(
    () => this.sheet()?.meetings.find((meeting) => meeting.id === this.meetingId()) ?? null,
  );
  protected readonly presentCount = computed(
    () => Object.values(this.present()).filter(Boolean).length,
  );

  protected sessionId = '';
  private readonly timeRange = new TimeRangePipe();

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.sessionId = params.get('sessionId') ?? '';
        void this.load();
      });
  }

  protected name(row: AttendanceRow): string {
    return displayName(row.person, this.language());
  }

  protected meetingName(meeting: AttendanceMeeting, index: number): string {
    const when = this.timeRange.transform(meeting.startsAt, meeting.endsAt, this.language());
    return this.transloco.translate(
      meeting.held ? 'teaching.attendance.meetingHeld' : 'teaching.attendance.meetingUpcoming',
      { number: index + 1, when },
    );
  }

  protected chooseMeeting(meetingId: string): void {
    const sheet = this.sheet();
    if (!sheet) return;
    this.meetingId.set(meetingId);
    this.present.set(marksAt(sheet, meetingId));
    this.problem.set(null);
    this.announcement.set('');
  }

  protected mark(enrollmentId: string, present: boolean): void {
    this.present.update((marks) => ({ ...marks, [enrollmentId]: present }));
  }

  protected markEveryone(present: boolean): void {
    const sheet = this.sheet();
    if (!sheet) return;
    this.present.set(Object.fromEntries(sheet.rows.map((row) => [row.enrollmentId, present])));
  }

  protected async saveAttendance(): Promise<void> {
    const sheet = this.sheet();
    const meeting = this.meeting();
    if (!sheet || !meeting || !sheet.rows.length) return;
    this.saving.set(true);
    this.problem.set(null);
    this.announcement.set('');
    try {
      const saved = await this.enrollments.recordAttendance(
        this.sessionId,
        meeting.id,
        attendanceEntries(sheet, this.present()),
      );
      this.sheet.set(saved);
      this.present.set(marksAt(saved, meeting.id));
      this.announcement.set(
        this.transloco.translate('teaching.attendance.saved', {
          present: this.presentCount(),
          total: saved.rows.length,
        }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.saving.set(false);
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      const [session, sheet] = await Promise.all([
        this.teaching.session(this.sessionId),
        this.enrollments.attendance(this.sessionId),
      ]);
      this.session.set(session);
      this.sheet.set(sheet);
      const first = defaultMeeting(sheet.meetings);
      if (first) this.chooseMeeting(first.id);
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }
}

import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  CATALOGUE_LIMITS as LIMITS,
  isoToMoroccoTime,
  moroccoTimeToIso,
  type RegionCode,
  type SessionStatus,
} from '@oris/shared/domain';
import {
  type Course,
  formSubmission,
  LanguageService,
  type Meeting,
  RegionsService,
  type Session,
  timeOfDay,
} from '@oris/web/core';
import {
  catalogueMessageKeys,
  DayRangePipe,
  ProblemAlert,
  StatusChip,
  transientText,
} from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges, Confirmation } from '@oris/web/ui/dialogs';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { controlPaths } from '../shared/control-paths';
import { sessionActions, type StatusAction } from '../shared/status-actions';
import type { CreateSessionRequest } from '../shared/teaching-types';
import { webAddress } from '../shared/web-address';
import { TeachingApi } from '../teaching-api';
import { type MeetingForm, MeetingsEditor } from './meetings-editor';

const DEFAULT_MEETING = { startsAt: '09:00', endsAt: '12:00' };

/** Plans a session (`/teaching/courses/:courseId/sessions/new`) or runs one (`/teaching/sessions/:id`). */
@Component({
  selector: 'oris-session-editor-page',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
    MeetingsEditor,
    DayRangePipe,
    StatusChip,
  ],
  templateUrl: './session-editor-page.html',
  styleUrl: './session-editor-page.scss',
})
export class SessionEditorPage implements HasUnsavedChanges {
  private readonly teaching = inject(TeachingApi);
  private readonly router = inject(Router);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  protected readonly limits = LIMITS;
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(LIMITS.titleMaxLength)]],
    startsOn: ['', Validators.required],
    endsOn: ['', Validators.required],
    regionCode: [null as RegionCode | null, Validators.required],
    venue: ['', Validators.maxLength(LIMITS.venueMaxLength)],
    onlineUrl: ['', [Validators.maxLength(LIMITS.urlMaxLength), webAddress]],
    capacity: [
      null as number | null,
      [Validators.required, Validators.min(LIMITS.capacityMin), Validators.max(LIMITS.capacityMax)],
    ],
    opensOn: [''],
    closesOn: [''],
    approvalRequired: [false],
    meetings: this.fb.array<MeetingForm>([]),
  });
  /** Typed but not saved: leaving asks first (route guard, tab close). */
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  protected readonly submission = formSubmission();
  protected readonly fields = signal<string[]>([]);
  protected readonly messageKeys = computed(() => catalogueMessageKeys(this.submission.problem()));

  protected readonly course = signal<Pick<Course, 'id' | 'title' | 'code'> | null>(null);
  protected readonly session = signal<Session | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly statusProblemKeys = computed(() => catalogueMessageKeys(this.problem()));
  protected readonly saved = signal(false);
  protected readonly announcement = transientText();
  protected readonly readOnly = computed(() => {
    const session = this.session();
    return (
      !!session &&
      (!session.canManage || session.status === 'completed' || session.status === 'cancelled')
    );
  });
  protected readonly actions = computed(() => {
    const session = this.session();
    return session?.canManage ? sessionActions(session.status) : [];
  });

  constructor() {
    this.regions.load().catch(() => undefined);
    this.fields.set(controlPaths(this.form));
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.saved.set(false));
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        const sessionId = params.get('sessionId');
        void (sessionId
          ? this.loadSession(sessionId)
          : this.loadCourse(params.get('courseId') ?? ''));
      });
  }

  protected get meetings() {
    return this.form.controls.meetings;
  }

  protected addMeeting(): void {
    const previous = this.meetings.at(this.meetings.length - 1)?.getRawValue();
    this.meetings.push(
      this.meetingGroup({
        id: null,
        day: previous?.day ?? this.form.controls.startsOn.value,
        ...DEFAULT_MEETING,
        label: '',
      }),
    );
    this.fields.set(controlPaths(this.form));
    this.focusAfterRender(`#meeting-day-${this.meetings.length - 1}`);
  }

  protected removeMeeting(index: number): void {
    this.meetings.removeAt(index);
    this.meetings.markAsDirty();
    this.fields.set(controlPaths(this.form));
    this.focusAfterRender(
      this.meetings.length
        ? `#meeting-day-${Math.min(index, this.meetings.length - 1)}`
        : '#add-meeting',
    );
  }

  protected async saveSession(): Promise<void> {
    const current = this.session();
    const course = this.course();
    const result: { created?: Session } = {};
    const ok = await this.submission.run(this.form, async () => {
      if (current) {
        this.showSession(await this.teaching.updateSession(current.id, this.request()));
      } else if (course) {
        result.created = await this.teaching.createSession(course.id, this.request());
      }
    });
    if (result.created) {
      this.form.markAsPristine();
      await this.router.navigate(['/teaching/sessions', result.created.id], {
        replaceUrl: true,
      });
    } else {
      this.saved.set(ok && !!current);
    }
  }

  protected async moveSession(action: StatusAction<SessionStatus>): Promise<void> {
    const session = this.session();
    if (!session) return;
    const confirmed = await this.confirmation.ask({
      titleKey: `teaching.confirm.session.${action.to}.title`,
      textKey: `teaching.confirm.session.${action.to}.text`,
      confirmKey: action.labelKey,
      cancelKey: 'teaching.confirm.cancel',
      params: { title: session.title },
      destructive: action.destructive,
    });
    if (!confirmed) return;
    this.problem.set(null);
    try {
      this.showSession(await this.teaching.moveSession(session.id, action.to));
      this.announcement.set(
        this.transloco.translate(`teaching.sessionEditor.moved.${action.to}`, {
          title: session.title,
        }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }

  private async loadCourse(courseId: string): Promise<void> {
    await this.load(async () => this.course.set(await this.teaching.course(courseId)));
  }

  private async loadSession(sessionId: string): Promise<void> {
    await this.load(async () => {
      const session = await this.teaching.session(sessionId);
      this.course.set(session.course);
      this.showSession(session);
    });
  }

  private async load(task: () => Promise<void>): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      await task();
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }

  private showSession(session: Session): void {
    this.session.set(session);
    this.meetings.clear({ emitEvent: false });
    for (const meeting of session.meetings) {
      this.meetings.push(this.meetingGroup(meetingValue(meeting)), { emitEvent: false });
    }
    this.form.reset({
      title: session.title,
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      regionCode: session.regionCode,
      venue: session.venue ?? '',
      onlineUrl: session.onlineUrl ?? '',
      capacity: session.capacity,
      opensOn: session.opensOn,
      closesOn: session.closesOn,
      approvalRequired: session.approvalRequired,
      meetings: session.meetings.map(meetingValue),
    });
    this.fields.set(controlPaths(this.form));
    if (this.readOnly()) this.form.disable({ emitEvent: false });
  }

  private request(): CreateSessionRequest {
    // The form is valid here, so the required choices are made.
    const session = this.form.getRawValue();
    return {
      title: session.title.trim(),
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      regionCode: session.regionCode as RegionCode,
      venue: session.venue.trim() || null,
      onlineUrl: session.onlineUrl.trim() || null,
      capacity: Number(session.capacity),
      ...(session.opensOn && { opensOn: session.opensOn }),
      ...(session.closesOn && { closesOn: session.closesOn }),
      approvalRequired: session.approvalRequired,
      meetings: session.meetings.map((meeting) => ({
        ...(meeting.id && { id: meeting.id }),
        startsAt: moroccoTimeToIso(meeting.day, meeting.startsAt),
        endsAt: moroccoTimeToIso(meeting.day, meeting.endsAt),
        label: meeting.label.trim() || null,
      })),
    };
  }

  private meetingGroup(meeting: ReturnType<typeof meetingValue>): MeetingForm {
    return this.fb.group({
      id: this.fb.control<string | null>(meeting.id),
      day: [meeting.day, Validators.required],
      startsAt: [meeting.startsAt, [Validators.required, timeOfDay]],
      endsAt: [meeting.endsAt, [Validators.required, timeOfDay]],
      label: [meeting.label, Validators.maxLength(LIMITS.meetingLabelMaxLength)],
    });
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}

/** A meeting as the form holds it: its day and times on a Moroccan clock. */
function meetingValue(meeting: Meeting) {
  const start = isoToMoroccoTime(meeting.startsAt);
  return {
    id: meeting.id as string | null,
    day: start.day,
    startsAt: start.time,
    endsAt: isoToMoroccoTime(meeting.endsAt).time,
    label: meeting.label ?? '',
  };
}

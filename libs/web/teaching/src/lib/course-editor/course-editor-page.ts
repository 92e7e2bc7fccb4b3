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
import {
  type FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  CATALOGUE_LIMITS as LIMITS,
  COURSE_THEMES,
  type CourseTheme,
  DELIVERY_MODES,
  type DeliveryMode,
  type Locale,
  LOCALES,
} from '@oris/shared/domain';
import { type Course, formSubmission } from '@oris/web/core';
import { catalogueMessageKeys, Icon, ProblemAlert, StatusChip } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { map } from 'rxjs';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { controlPaths } from '../shared/control-paths';
import { courseCode } from '../shared/course-code';
import type { CreateCourseRequest } from '../shared/teaching-types';
import { TeachingApi } from '../teaching-api';

/** Creates a course (`/teaching/courses/new`) or edits one (`…/:courseId/edit`). */
@Component({
  selector: 'oris-course-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
    Icon,
    StatusChip,
    MarkdownEditor,
  ],
  templateUrl: './course-editor-page.html',
  styleUrl: './course-editor-page.scss',
})
export class CourseEditorPage implements HasUnsavedChanges {
  private readonly teaching = inject(TeachingApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly limits = LIMITS;
  protected readonly themes = COURSE_THEMES;
  protected readonly modes = DELIVERY_MODES;
  protected readonly locales = LOCALES;
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.maxLength(LIMITS.codeMaxLength), courseCode]],
    title: ['', [Validators.required, Validators.maxLength(LIMITS.titleMaxLength)]],
    summary: ['', [Validators.required, Validators.maxLength(LIMITS.summaryMaxLength)]],
    description: ['', Validators.maxLength(LIMITS.descriptionMaxLength)],
    theme: [null as CourseTheme | null, Validators.required],
    languages: [[] as Locale[], Validators.required],
    deliveryMode: [null as DeliveryMode | null, Validators.required],
    durationHours: [
      null as number | null,
      [Validators.required, Validators.min(1), Validators.max(LIMITS.durationHoursMax)],
    ],
    learningOutcomes: this.fb.array<FormControl<string>>([]),
    completionRule: this.fb.group({
      requiredModules: [true],
      minAttendancePercent: [null as number | null, [Validators.min(0), Validators.max(100)]],
      trainerValidation: [false],
    }),
    baselineVisibleToTrainers: [false],
  });
  /** Typed but not saved: leaving asks first (route guard, tab close). */
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  protected readonly submission = formSubmission();

  protected readonly courseId = signal<string | null>(null);
  protected readonly course = signal<Course | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly saved = signal(false);
  protected readonly readOnly = computed(() => {
    const course = this.course();
    return !!course && (course.status === 'archived' || !course.canEdit);
  });
  protected readonly messageKeys = computed(() => catalogueMessageKeys(this.submission.problem()));
  protected readonly fields = signal<string[]>([]);

  constructor() {
    this.fields.set(controlPaths(this.form));
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.saved.set(false));
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => params.get('courseId')),
        takeUntilDestroyed(),
      )
      .subscribe((id) => {
        this.courseId.set(id);
        if (id) void this.loadCourse(id);
      });
  }

  protected get outcomes() {
    return this.form.controls.learningOutcomes;
  }

  protected addOutcome(): void {
    this.outcomes.push(this.outcomeControl(''));
    this.outcomes.markAsDirty();
    this.fields.set(controlPaths(this.form));
    this.focusOutcome(this.outcomes.length - 1);
  }

  protected removeOutcome(index: number): void {
    this.outcomes.removeAt(index);
    this.outcomes.markAsDirty();
    this.fields.set(controlPaths(this.form));
    if (this.outcomes.length) {
      this.focusOutcome(Math.min(index, this.outcomes.length - 1));
    } else {
      this.focusAfterRender('#add-outcome');
    }
  }

  protected outcomeLabel(index: number): string {
    return this.transloco.translate('teaching.courseEditor.outcome', { number: index + 1 });
  }

  protected async saveCourse(): Promise<void> {
    const id = this.courseId();
    const result: { created?: Course } = {};
    const ok = await this.submission.run(this.form, async () => {
      if (id) {
        this.showCourse(await this.teaching.updateCourse(id, this.request()));
      } else {
        result.created = await this.teaching.createCourse(this.request());
      }
    });
    if (result.created) {
      this.form.markAsPristine();
      await this.router.navigate(['/teaching/courses', result.created.id], {
        state: { notice: 'teaching.workspace.created' },
      });
    } else {
      this.saved.set(ok && !!id);
    }
  }

  private async loadCourse(id: string): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      this.showCourse(await this.teaching.course(id));
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }

  private showCourse(course: Course): void {
    this.course.set(course);
    this.outcomes.clear({ emitEvent: false });
    for (const outcome of course.learningOutcomes) {
      this.outcomes.push(this.outcomeControl(outcome), { emitEvent: false });
    }
    this.form.reset({
      code: course.code,
      title: course.title,
      summary: course.summary,
      description: course.description,
      theme: course.theme,
      languages: course.languages,
      deliveryMode: course.deliveryMode,
      durationHours: course.durationHours,
      learningOutcomes: course.learningOutcomes,
      completionRule: course.completionRule,
      baselineVisibleToTrainers: course.baselineVisibleToTrainers,
    });
    this.fields.set(controlPaths(this.form));
    if (this.readOnly()) this.form.disable({ emitEvent: false });
  }

  private request(): CreateCourseRequest {
    // The form is valid here, so the required choices are made.
    const course = this.form.getRawValue();
    const attendance = course.completionRule.minAttendancePercent;
    return {
      code: course.code.trim().toUpperCase(),
      title: course.title.trim(),
      summary: course.summary.trim(),
      description: course.description,
      theme: course.theme as CourseTheme,
      languages: course.languages,
      deliveryMode: course.deliveryMode as DeliveryMode,
      durationHours: Number(course.durationHours),
      learningOutcomes: course.learningOutcomes.map((outcome) => outcome.trim()).filter(Boolean),
      completionRule: {
        requiredModules: course.completionRule.requiredModules,
        minAttendancePercent: attendance === null ? null : Number(attendance),
        trainerValidation: course.completionRule.trainerValidation,
      },
      baselineVisibleToTrainers: course.baselineVisibleToTrainers,
    };
  }

  private outcomeControl(text: string): FormControl<string> {
    return this.fb.control(text, [
      Validators.required,
      Validators.maxLength(LIMITS.learningOutcomeMaxLength),
    ]);
  }

  private focusOutcome(index: number): void {
    this.focusAfterRender(`#outcome-${index}`);
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}

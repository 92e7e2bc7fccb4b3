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
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { CATALOGUE_LIMITS as LIMITS } from '@oris/shared/domain';
import { type Course, formSubmission } from '@oris/web/core';
import { catalogueMessageKeys, Icon, ProblemAlert, StatusChip } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { MaterialEditor } from '../material/material-editor';
import { controlPaths } from '../shared/control-paths';
import type { CourseModule, CreateModuleRequest, ResourceLink } from '../shared/teaching-types';
import { webAddress } from '../shared/web-address';
import { TeachingApi } from '../teaching-api';

type ResourceForm = FormGroup<{ title: FormControl<string>; url: FormControl<string> }>;

/** Adds a module to a course (`…/modules/new`) or edits and publishes one (`…/modules/:id`). */
@Component({
  selector: 'oris-module-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MaterialEditor,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
    Icon,
    StatusChip,
    MarkdownEditor,
  ],
  templateUrl: './module-editor-page.html',
  styleUrl: './module-editor-page.scss',
})
export class ModuleEditorPage implements HasUnsavedChanges {
  private readonly teaching = inject(TeachingApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly limits = LIMITS;
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(LIMITS.titleMaxLength)]],
    content: ['', Validators.maxLength(LIMITS.moduleContentMaxLength)],
    estimatedMinutes: [
      null as number | null,
      [Validators.required, Validators.min(1), Validators.max(LIMITS.estimatedMinutesMax)],
    ],
    required: [true],
    resources: this.fb.array<ResourceForm>([]),
  });
  /** Typed but not saved: leaving asks first (route guard, tab close). */
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  protected readonly submission = formSubmission();
  protected readonly fields = signal<string[]>([]);
  protected readonly messageKeys = computed(() => catalogueMessageKeys(this.submission.problem()));

  protected readonly courseId = signal('');
  protected readonly course = signal<Course | null>(null);
  protected readonly module = signal<CourseModule | null>(null);
  protected readonly isNew = signal(true);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly saved = signal(false);
  protected readonly readOnly = computed(() => {
    const course = this.course();
    return !!course && (course.status === 'archived' || !course.canEdit);
  });

  constructor() {
    this.fields.set(controlPaths(this.form));
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.saved.set(false));
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.courseId.set(params.get('courseId') ?? '');
        const moduleId = params.get('moduleId');
        this.isNew.set(!moduleId);
        void this.loadModule(moduleId);
      });
  }

  protected get resources() {
    return this.form.controls.resources;
  }

  protected addResource(): void {
    this.resources.push(this.resourceGroup());
    this.resources.markAsDirty();
    this.fields.set(controlPaths(this.form));
    this.focusAfterRender(`#resource-title-${this.resources.length - 1}`);
  }

  protected removeResource(index: number): void {
    this.resources.removeAt(index);
    this.resources.markAsDirty();
    this.fields.set(controlPaths(this.form));
    this.focusAfterRender(
      this.resources.length
        ? `#resource-title-${Math.min(index, this.resources.length - 1)}`
        : '#add-resource',
    );
  }

  protected resourceLabel(key: string, index: number): string {
    return this.transloco.translate(key, { number: index + 1 });
  }

  protected async saveModule(): Promise<void> {
    const saved = await this.save();
    if (saved && this.isNew()) {
      await this.router.navigate(['/teaching/courses', this.courseId(), 'modules', saved.id], {
        replaceUrl: true,
      });
    } else {
      this.saved.set(!!saved);
    }
  }

  /** Publishes what is on screen: unsaved changes are saved first. */
  protected async publishModule(): Promise<void> {
    const module = this.form.dirty ? await this.save() : this.module();
    if (!module) return;
    await this.submission.run(this.form, async () => {
      this.showModule(await this.teaching.publishModule(module.id));
    });
  }

  private async save(): Promise<CourseModule | null> {
    const current = this.module();
    const result: { module?: CourseModule } = {};
    await this.submission.run(this.form, async () => {
      result.module = current
        ? await this.teaching.updateModule(current.id, this.request())
        : await this.teaching.createModule(this.courseId(), this.request());
      this.showModule(result.module);
    });
    return result.module ?? null;
  }

  private async loadModule(moduleId: string | null): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      const [course, modules] = await Promise.all([
        this.teaching.course(this.courseId()),
        moduleId ? this.teaching.modules(this.courseId()) : Promise.resolve([]),
      ]);
      this.course.set(course);
      const module = modules.find((m) => m.id === moduleId);
      if (moduleId && !module) {
        this.loadProblem.set(new ApiError(404, { code: 'module_not_found' }));
      } else if (module) {
        this.showModule(module);
      }
      if (this.readOnly()) this.form.disable({ emitEvent: false });
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }

  private showModule(module: CourseModule): void {
    this.module.set(module);
    this.resources.clear({ emitEvent: false });
    for (const resource of module.resources) {
      this.resources.push(this.resourceGroup(resource), { emitEvent: false });
    }
    this.form.reset({
      title: module.title,
      content: module.content,
      estimatedMinutes: module.estimatedMinutes,
      required: module.required,
      resources: module.resources,
    });
    this.fields.set(controlPaths(this.form));
  }

  private request(): CreateModuleRequest {
    const module = this.form.getRawValue();
    return {
      title: module.title.trim(),
      content: module.content,
      estimatedMinutes: Number(module.estimatedMinutes),
      required: module.required,
      resources: module.resources.map((resource) => ({
        title: resource.title.trim(),
        url: resource.url.trim(),
      })),
    };
  }

  private resourceGroup(resource: ResourceLink = { title: '', url: '' }): ResourceForm {
    return this.fb.group({
      title: [resource.title, [Validators.required, Validators.maxLength(LIMITS.titleMaxLength)]],
      url: [
        resource.url,
        [Validators.required, Validators.maxLength(LIMITS.urlMaxLength), webAddress],
      ],
    });
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}

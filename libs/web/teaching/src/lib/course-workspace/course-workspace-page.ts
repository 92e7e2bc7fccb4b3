import { Location } from '@angular/common';
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
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import type { CourseStatus } from '@oris/shared/domain';
import { type Course, LanguageService, RegionsService, type Session } from '@oris/web/core';
import {
  catalogueMessageKeys,
  DayRangePipe,
  Icon,
  ProblemAlert,
  StatusChip,
  transientText,
} from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { firstValueFrom, map } from 'rxjs';
import { courseActions, type StatusAction } from '../shared/status-actions';
import type { CourseModule } from '../shared/teaching-types';
import { TeachingApi } from '../teaching-api';
import { DuplicateCourseDialog, type DuplicateCourseRequest } from './duplicate-course-dialog';
import { moveItem } from './module-order';

/** A course as its trainers run it: status, modules in order, sessions. */
@Component({
  selector: 'oris-course-workspace-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    Icon,
    ProblemAlert,
    DayRangePipe,
    StatusChip,
  ],
  templateUrl: './course-workspace-page.html',
  styleUrl: './course-workspace-page.scss',
})
export class CourseWorkspacePage {
  private readonly teaching = inject(TeachingApi);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  protected readonly courseId = signal('');
  protected readonly course = signal<Course | null>(null);
  protected readonly modules = signal<readonly CourseModule[]>([]);
  protected readonly sessions = signal<readonly Session[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly messageKeys = computed(() => catalogueMessageKeys(this.problem()));
  /** Said by screen readers after an action (a module moved, the course published). */
  protected readonly announcement = transientText();
  protected readonly actions = computed(() => {
    const course = this.course();
    return course?.canEdit ? courseActions(course.status) : [];
  });
  protected readonly editable = computed(() => {
    const course = this.course();
    return !!course && course.canEdit && course.status !== 'archived';
  });
  // Reorders are sent one after the other, each with the order as it stands after the last move.
  private reorders: Promise<unknown> = Promise.resolve();

  constructor() {
    this.regions.load().catch(() => undefined);
    const notice = (inject(Location).getState() as { notice?: unknown } | null)?.notice;
    if (typeof notice === 'string') this.announcement.set(this.transloco.translate(notice));
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => params.get('courseId') ?? ''),
        takeUntilDestroyed(),
      )
      .subscribe((id) => {
        this.courseId.set(id);
        void this.loadAll();
      });
  }

  protected retry(): void {
    void this.loadAll();
  }

  /** A new edition: asks for its code, then opens the copy (a draft) with a notice. */
  protected async duplicateCourse(): Promise<void> {
    const course = this.course();
    if (!course) return;
    const ref = this.dialog.open<DuplicateCourseDialog, DuplicateCourseRequest, Course>(
      DuplicateCourseDialog,
      { data: { id: course.id, code: course.code, title: course.title }, maxWidth: '520px' },
    );
    const copy = await firstValueFrom(ref.afterClosed());
    if (!copy) return;
    await this.router.navigate(['/teaching/courses', copy.id], {
      state: { notice: 'material.duplicate.done' },
    });
  }

  protected async moveCourse(action: StatusAction<CourseStatus>): Promise<void> {
    const course = this.course();
    if (!course) return;
    const confirmed = await this.confirmation.ask({
      titleKey: `teaching.confirm.course.${action.to}.title`,
      textKey: `teaching.confirm.course.${action.to}.text`,
      confirmKey: action.labelKey,
      cancelKey: 'teaching.confirm.cancel',
      params: { title: course.title },
      destructive: action.destructive,
    });
    if (!confirmed) return;
    await this.act(async () => {
      this.course.set(await this.teaching.moveCourse(course.id, action.to));
      this.announce(`teaching.workspace.course.${action.to}`, { title: course.title });
    });
  }

  protected async publishModule(module: CourseModule): Promise<void> {
    await this.act(async () => {
      const published = await this.teaching.publishModule(module.id);
      this.modules.update((modules) => modules.map((m) => (m.id === published.id ? published : m)));
      this.announce('teaching.workspace.modulePublished', { title: module.title });
      // The button is gone: keep the keyboard on the module's row.
      this.focusAfterRender(`#module-${module.id} a`);
    });
  }

  protected moveModule(index: number, offset: -1 | 1): void {
    const before = this.modules();
    const after = moveItem(before, index, offset);
    if (after === before) return;
    const module = before[index];
    this.modules.set(after);
    this.announce('teaching.workspace.moduleMoved', {
      title: module.title,
      position: index + offset + 1,
      count: after.length,
    });
    this.keepFocusOnMove(module.id, offset);
    const courseId = this.courseId();
    const order = after.map((m) => m.id);
    this.reorders = this.reorders.then(() =>
      this.act(async () => {
        try {
          await this.teaching.reorderModules(courseId, order);
        } catch (error) {
          // Back to the order the server holds, whatever happened.
          this.modules.set(await this.teaching.modules(courseId).catch(() => before));
          throw error;
        }
      }),
    );
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.problem.set(null);
    try {
      await action();
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }

  private announce(key: string, params: Record<string, unknown>): void {
    this.announcement.set(this.transloco.translate(key, params));
  }

  /**
   * The moved row's DOM node moves too, which takes the focus away from the pressed button:
   * put it back, or on the other arrow when this one just became disabled at the end.
   */
  private keepFocusOnMove(moduleId: string, offset: -1 | 1): void {
    const here = offset < 0 ? 'up' : 'down';
    const other = offset < 0 ? 'down' : 'up';
    afterNextRender(
      () => {
        const find = (direction: string) =>
          this.host.nativeElement.querySelector<HTMLButtonElement>(
            `#module-${moduleId}-${direction}`,
          );
        const button = find(here);
        (button && !button.disabled ? button : find(other))?.focus();
      },
      { injector: this.injector },
    );
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private async loadAll(): Promise<void> {
    const id = this.courseId();
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      const [course, modules, sessions] = await Promise.all([
        this.teaching.course(id),
        this.teaching.modules(id),
        this.teaching.sessions(id),
      ]);
      this.course.set(course);
      this.modules.set(modules);
      this.sessions.set(sessions.items);
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }
}

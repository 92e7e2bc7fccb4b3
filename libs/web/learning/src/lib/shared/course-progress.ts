import { computed, inject, Injectable, signal } from '@angular/core';
import { AuthSession, latestLoad } from '@oris/web/core';
import { LearningApi } from '../learning-api';
import type { EnrollmentDetail, EnrollmentModules, LearnerModuleOutline } from './learning-types';
import { MyEnrollments } from './my-enrollments';

interface Opened {
  enrollment: EnrollmentDetail;
  outline: EnrollmentModules;
}

/**
 * One enrollment's outline and progress, shared by the outline page and the module viewer, so
 * that marking a module done moves every progress bar at once and moving between modules does
 * not fetch the outline again.
 */
@Injectable({ providedIn: 'root' })
export class CourseProgress {
  private readonly learning = inject(LearningApi);
  private readonly myEnrollments = inject(MyEnrollments);
  private readonly auth = inject(AuthSession);

  private readonly openedId = signal<string | null>(null);
  private openedBy: string | null = null;
  private readonly opened = latestLoad<Opened>({ clearProblemOnStart: true });

  readonly enrollment = computed(() => this.opened.value()?.enrollment ?? null);
  readonly outline = computed(() => this.opened.value()?.outline ?? null);
  readonly loading = this.opened.loading;
  readonly problem = this.opened.problem;
  readonly modules = computed<readonly LearnerModuleOutline[]>(() => this.outline()?.modules ?? []);
  /** Where the trainee is likely to go on: the first module not done yet. */
  readonly nextToStudy = computed(() => this.modules().find((module) => !module.done) ?? null);

  /**
   * Loads the enrollment unless it is the one already held for this person; `reload` asks the
   * API again anyway (the outline page does, as a trainer may have published a module since).
   */
  async open(enrollmentId: string, options: { reload?: boolean } = {}): Promise<void> {
    const person = this.auth.user()?.id ?? null;
    const held = this.openedId() === enrollmentId && this.openedBy === person;
    if (held && !options.reload && (this.outline() || this.loading())) return;
    if (!held) this.opened.set(null);
    this.openedId.set(enrollmentId);
    this.openedBy = person;
    await this.opened.load(async () => {
      const [enrollment, outline] = await Promise.all([
        this.learning.enrollment(enrollmentId),
        this.learning.modules(enrollmentId),
      ]);
      return { enrollment, outline };
    });
  }

  /** Marks a module done (again is harmless) and takes the API's new progress. */
  async markDone(moduleId: string): Promise<void> {
    const enrollmentId = this.openedId();
    if (!enrollmentId) return;
    const result = await this.learning.completeModule(enrollmentId, moduleId);
    this.myEnrollments.forget();
    if (this.openedId() !== enrollmentId) return;
    const opened = this.opened.value();
    if (!opened) return;
    this.opened.set({
      enrollment: { ...opened.enrollment, progress: result.progress },
      outline: {
        ...opened.outline,
        progress: result.progress,
        modules: opened.outline.modules.map((module) =>
          module.id === moduleId
            ? { ...module, done: true, completedAt: result.completedAt }
            : module,
        ),
      },
    });
  }
}

import { computed, inject, Injectable, signal } from '@angular/core';
import { ApiError } from '@oris/shared/api-client';
import { AuthSession } from '@oris/web/core';
import { LearningApi } from '../learning-api';
import type { EnrollmentDetail, EnrollmentModules, LearnerModuleOutline } from './learning-types';
import { MyEnrollments } from './my-enrollments';

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
  private latestRequest = 0;

  readonly enrollment = signal<EnrollmentDetail | null>(null);
  readonly outline = signal<EnrollmentModules | null>(null);
  readonly loading = signal(false);
  readonly problem = signal<ApiError | null>(null);
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
    if (!held) {
      this.enrollment.set(null);
      this.outline.set(null);
    }
    this.openedId.set(enrollmentId);
    this.openedBy = person;
    const request = ++this.latestRequest;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const [enrollment, outline] = await Promise.all([
        this.learning.enrollment(enrollmentId),
        this.learning.modules(enrollmentId),
      ]);
      if (request !== this.latestRequest) return;
      this.enrollment.set(enrollment);
      this.outline.set(outline);
    } catch (error) {
      if (request === this.latestRequest) this.problem.set(ApiError.from(error));
    } finally {
      if (request === this.latestRequest) this.loading.set(false);
    }
  }

  /** Marks a module done (again is harmless) and takes the API's new progress. */
  async markDone(moduleId: string): Promise<void> {
    const enrollmentId = this.openedId();
    if (!enrollmentId) return;
    const result = await this.learning.completeModule(enrollmentId, moduleId);
    this.myEnrollments.forget();
    if (this.openedId() !== enrollmentId) return;
    this.outline.update(
      (outline) =>
        outline && {
          ...outline,
          progress: result.progress,
          modules: outline.modules.map((module) =>
            module.id === moduleId
              ? { ...module, done: true, completedAt: result.completedAt }
              : module,
          ),
        },
    );
    this.enrollment.update(
      (enrollment) => enrollment && { ...enrollment, progress: result.progress },
    );
  }
}

import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LearnerAssignmentApi, type LearnerAssignment } from './assignment-api';

/** The module's assignment, when it has one: its title, the trainee's status and the way in. */
@Component({
  selector: 'oris-assignment-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslocoPipe],
  template: `
    @if (assignment(); as a) {
      <section class="oris-card" aria-labelledby="assignment-entry-heading">
        <h2 id="assignment-entry-heading">{{ 'assignments.entry.heading' | transloco }}</h2>
        <p dir="auto">{{ a.assignment.title }}</p>
        <p>{{ 'assignments.status.' + (a.submission?.status ?? 'none') | transloco }}</p>
        @if (a.assignment.requiredForCompletion) {
          <p>{{ 'assignments.rules.requiredForCompletion' | transloco }}</p>
        }
        <a
          mat-flat-button
          [routerLink]="['/learning', enrollmentId(), 'modules', moduleId(), 'assignment']"
        >
          {{ 'assignments.entry.open' | transloco }}
        </a>
      </section>
    }
  `,
})
export class AssignmentEntry {
  private readonly assignments = inject(LearnerAssignmentApi);
  readonly enrollmentId = input.required<string>();
  readonly moduleId = input.required<string>();
  protected readonly assignment = signal<LearnerAssignment | null>(null);

  constructor() {
    effect(() => {
      const [id, moduleId] = [this.enrollmentId(), this.moduleId()];
      this.assignment.set(null);
      // A module without an assignment answers 404: nothing to show.
      this.assignments.overview(id, moduleId).then(
        (assignment) => this.assignment.set(assignment),
        () => this.assignment.set(null),
      );
    });
  }
}

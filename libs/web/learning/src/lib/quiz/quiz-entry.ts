import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LearnerQuizApi, type LearnerQuiz } from './quiz-api';

/** The module's quiz, when it has one: its title, the trainee's state and the way in. */
@Component({
  selector: 'oris-quiz-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslocoPipe],
  template: `
    @if (quiz(); as z) {
      <section class="oris-card" aria-labelledby="quiz-entry-heading">
        <h2 id="quiz-entry-heading">{{ 'quiz.entry.heading' | transloco }}</h2>
        <p dir="auto">{{ z.title }}</p>
        @if (z.grade !== null) {
          <p>
            {{
              (z.passed ? 'quiz.rules.gradePassed' : 'quiz.rules.gradeNotPassed')
                | transloco: { grade: z.grade }
            }}
          </p>
        }
        @if (z.requiredForCompletion) {
          <p>{{ 'quiz.rules.requiredForCompletion' | transloco }}</p>
        }
        <a
          mat-flat-button
          [routerLink]="['/learning', enrollmentId(), 'modules', moduleId(), 'quiz']"
        >
          {{ 'quiz.entry.open' | transloco }}
        </a>
      </section>
    }
  `,
})
export class QuizEntry {
  private readonly quizzes = inject(LearnerQuizApi);
  readonly enrollmentId = input.required<string>();
  readonly moduleId = input.required<string>();
  protected readonly quiz = signal<LearnerQuiz | null>(null);

  constructor() {
    effect(() => {
      const [id, moduleId] = [this.enrollmentId(), this.moduleId()];
      this.quiz.set(null);
      // A module without a quiz answers 404: nothing to show.
      this.quizzes.overview(id, moduleId).then(
        (quiz) => this.quiz.set(quiz),
        () => this.quiz.set(null),
      );
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Announced once each, as the time runs out (seconds left). */
const MILESTONES = [600, 300, 60, 0];

/**
 * The time left of an attempt, counted down from what the server said. The visible clock is not
 * read out every second; a polite status announces 10 and 5 minutes, 1 minute and the end.
 */
@Component({
  selector: 'oris-quiz-timer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <p class="timer" role="timer" [class.low]="left() <= 60">
      <span class="label">{{ 'quiz.timer.label' | transloco }}</span>
      <span class="clock" dir="ltr" aria-hidden="true">{{ clock() }}</span>
      <span class="oris-visually-hidden">{{
        'quiz.timer.minutesLeft' | transloco: { minutes: minutesLeft() }
      }}</span>
    </p>
    <p class="oris-visually-hidden" role="status">
      @if (milestone(); as m) {
        {{
          (m.seconds === 0 ? 'quiz.timer.ended' : 'quiz.timer.announce')
            | transloco: { minutes: m.seconds / 60 }
        }}
      }
    </p>
  `,
  styles: `
    .timer {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      margin: 0;
      font-weight: 500;
    }
    .clock {
      font-variant-numeric: tabular-nums;
      font-size: 1.25rem;
    }
    .low .clock {
      color: var(--mat-sys-error);
    }
  `,
})
export class QuizTimer {
  /** Seconds left when the attempt was loaded, by the server's clock. */
  readonly secondsLeft = input.required<number>();
  readonly timeUp = output<void>();

  private readonly now = signal(Date.now());
  private loadedAt = Date.now();
  protected readonly left = computed(() =>
    Math.max(0, this.secondsLeft() - Math.floor((this.now() - this.loadedAt) / 1000)),
  );
  protected readonly clock = computed(() => {
    const left = this.left();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(Math.floor(left / 60))}:${pad(left % 60)}`;
  });
  protected readonly minutesLeft = computed(() => Math.ceil(this.left() / 60));
  protected readonly milestone = signal<{ seconds: number } | null>(null);

  constructor() {
    const tick = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(tick));
    effect(() => {
      this.secondsLeft();
      this.loadedAt = Date.now();
    });
    let announced = Number.POSITIVE_INFINITY;
    effect(() => {
      const left = this.left();
      const reached = MILESTONES.find((m) => left <= m && m < announced);
      if (reached === undefined) return;
      // Only milestones crossed while on the page are announced (not all at load).
      if (announced !== Number.POSITIVE_INFINITY || reached === 0) {
        this.milestone.set({ seconds: reached });
      }
      announced = Math.min(...MILESTONES.filter((m) => left <= m));
      if (reached === 0) this.timeUp.emit();
    });
  }
}

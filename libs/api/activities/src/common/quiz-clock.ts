import { Injectable } from '@nestjs/common';

/**
 * The quizzes' clock: deadlines and closing times are checked against it. Tests move it
 * (`set`) instead of sleeping; in production it is the system clock.
 */
@Injectable()
export class QuizClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Tests only: shifts the clock forward (or back) by `ms` from real time. */
  set(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}

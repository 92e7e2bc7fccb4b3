import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AttemptQuestion, QuizAnswer } from './quiz-api';

/**
 * One question of an attempt, answered in place: each change is emitted as the answer body the
 * API takes (the page saves it). In review, the correct answer, the score and the feedback the
 * server sent are shown under it.
 */
@Component({
  selector: 'oris-quiz-question',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatRadioModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  templateUrl: './quiz-question.html',
  styleUrl: './quiz-question.scss',
})
export class QuizQuestion {
  readonly question = input.required<AttemptQuestion>();
  readonly count = input.required<number>();
  readonly readonly = input(false);
  readonly answered = output<QuizAnswer>();

  protected readonly id = computed(() => `q-${this.question().questionId}`);
  protected readonly answer = computed(() => this.question().answer ?? null);
  protected readonly chosen = computed(() => new Set(this.answer()?.optionIds ?? []));
  protected readonly matchOf = computed(
    () => new Map((this.answer()?.matches ?? []).map((m) => [m.leftId, m.rightId])),
  );
  private readonly matches = new Map<string, string>();

  protected chooseOne(optionId: string): void {
    this.answered.emit({ optionId });
  }

  protected toggle(optionId: string, checked: boolean): void {
    const ids = new Set(this.chosen());
    if (checked) ids.add(optionId);
    else ids.delete(optionId);
    this.answered.emit({ optionIds: [...ids] });
  }

  protected chooseBoolean(value: boolean): void {
    this.answered.emit({ booleanValue: value });
  }

  protected typeText(text: string): void {
    this.answered.emit({ text });
  }

  /** A comma is a decimal separator too (fr, ar); what is not a number clears the answer. */
  protected typeNumber(text: string): void {
    const normalized = text.trim().replace(',', '.').replace('٫', '.');
    const value = normalized === '' ? null : Number(normalized);
    this.answered.emit({ numericValue: value === null || Number.isNaN(value) ? null : value });
  }

  protected match(leftId: string, rightId: string): void {
    if (this.matches.size === 0) {
      for (const [left, right] of this.matchOf()) this.matches.set(left, right);
    }
    if (rightId) this.matches.set(leftId, rightId);
    else this.matches.delete(leftId);
    // Each right item once: choosing it elsewhere takes it from the other left item.
    for (const [left, right] of this.matches) {
      if (left !== leftId && right === rightId) this.matches.delete(left);
    }
    this.answered.emit({
      matches: [...this.matches].map(([left, right]) => ({ leftId: left, rightId: right })),
    });
  }

  protected optionText(id: string | null | undefined): string {
    const question = this.question();
    return (
      question.options.find((o) => o.id === id)?.text ??
      question.matchRights.find((r) => r.id === id)?.text ??
      ''
    );
  }

  protected leftText(id: string): string {
    return this.question().matchLefts.find((l) => l.id === id)?.text ?? '';
  }
}

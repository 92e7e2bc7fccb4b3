import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  output,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
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
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { QUESTION_TYPES, QUIZ_LIMITS as LIMITS, type QuestionType } from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { QuizTeachingApi, type BankQuestion, type QuestionInput } from './quiz-teaching-api';

type OptionForm = FormGroup<{
  id: FormControl<string>;
  text: FormControl<string>;
  correct: FormControl<boolean>;
}>;
type PairForm = FormGroup<{
  id: FormControl<string>;
  left: FormControl<string>;
  right: FormControl<string>;
}>;

/** Adds a question to the course's bank or fixes one: the fields follow the question's type. */
@Component({
  selector: 'oris-question-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    ProblemAlert,
  ],
  templateUrl: './question-form.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: center;
    }
    .wide {
      inline-size: 100%;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 0.75rem;
    }
    legend {
      font-weight: 500;
      margin-block-end: 0.5rem;
    }
  `,
})
export class QuestionForm implements OnInit {
  private readonly quizzes = inject(QuizTeachingApi);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly courseId = input.required<string>();
  readonly question = input<BankQuestion | null>(null);
  readonly saved = output<BankQuestion>();
  readonly cancelled = output<void>();

  protected readonly types = QUESTION_TYPES;
  protected readonly limits = LIMITS;
  protected readonly submission = formSubmission();
  protected readonly form = this.fb.group({
    type: ['single_choice' as QuestionType],
    text: ['', [Validators.required, Validators.maxLength(LIMITS.questionTextMaxLength)]],
    feedback: ['', Validators.maxLength(LIMITS.feedbackMaxLength)],
    tags: [''],
    points: [1, [Validators.required, Validators.min(1), Validators.max(LIMITS.pointsMax)]],
    options: this.fb.array<OptionForm>([]),
    correct: [true],
    acceptedAnswers: [''],
    value: [null as number | null],
    tolerance: [0],
    pairs: this.fb.array<PairForm>([]),
  });
  protected readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.form.controls.type.value,
  });
  protected readonly hasOptions = computed(
    () => this.type() === 'single_choice' || this.type() === 'multiple_choice',
  );

  ngOnInit(): void {
    const question = this.question();
    if (!question) {
      for (let i = 0; i < 3; i += 1) this.addOption();
      for (let i = 0; i < 3; i += 1) this.addPair();
      return;
    }
    this.form.patchValue({
      type: question.type,
      text: question.text,
      feedback: question.feedback,
      tags: question.tags.join(', '),
      points: question.points,
      correct: question.correct ?? true,
      acceptedAnswers: question.acceptedAnswers.join('\n'),
      value: question.value,
      tolerance: question.tolerance ?? 0,
    });
    for (const option of question.options) this.addOption(option);
    for (const pair of question.pairs) this.addPair(pair);
    if (!question.options.length) for (let i = 0; i < 3; i += 1) this.addOption();
    if (!question.pairs.length) for (let i = 0; i < 3; i += 1) this.addPair();
  }

  protected get options() {
    return this.form.controls.options;
  }

  protected get pairs() {
    return this.form.controls.pairs;
  }

  protected addOption(option?: { id: string; text: string; correct: boolean }): void {
    this.options.push(
      this.fb.group({
        id: [option?.id ?? ''],
        text: [option?.text ?? '', Validators.maxLength(LIMITS.optionTextMaxLength)],
        correct: [option?.correct ?? false],
      }),
    );
  }

  protected addPair(pair?: { id: string; left: string; right: string }): void {
    this.pairs.push(
      this.fb.group({
        id: [pair?.id ?? ''],
        left: [pair?.left ?? '', Validators.maxLength(LIMITS.optionTextMaxLength)],
        right: [pair?.right ?? '', Validators.maxLength(LIMITS.optionTextMaxLength)],
      }),
    );
  }

  protected chooseSingle(index: number): void {
    this.options.controls.forEach((option, i) => option.controls.correct.setValue(i === index));
  }

  protected async save(): Promise<void> {
    const body = this.body();
    const existing = this.question();
    await this.submission.run(this.form, async () => {
      const saved = existing
        ? await this.quizzes.updateQuestion(this.courseId(), existing.id, body)
        : await this.quizzes.addQuestion(this.courseId(), body);
      this.form.markAsPristine();
      this.saved.emit(saved);
    });
  }

  /** The body of the type chosen: blank options and pairs are left out; ids kept. */
  private body(): QuestionInput {
    const value = this.form.getRawValue();
    const base = {
      type: value.type,
      text: value.text,
      feedback: value.feedback,
      tags: value.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      points: value.points,
    };
    const withId = <T extends { id: string }>(item: T) =>
      item.id ? item : { ...item, id: undefined };
    switch (value.type) {
      case 'single_choice':
      case 'multiple_choice':
        return {
          ...base,
          options: value.options.filter((o) => o.text.trim()).map(withId),
        };
      case 'true_false':
        return { ...base, correct: value.correct };
      case 'short_answer':
        return {
          ...base,
          acceptedAnswers: value.acceptedAnswers
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        };
      case 'numeric':
        return { ...base, value: value.value ?? Number.NaN, tolerance: value.tolerance };
      case 'matching':
        return {
          ...base,
          pairs: value.pairs.filter((p) => p.left.trim() || p.right.trim()).map(withId),
        };
    }
  }
}

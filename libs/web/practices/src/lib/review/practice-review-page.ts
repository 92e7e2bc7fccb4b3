import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  LOCALES,
  PRACTICE_EVIDENCE_LEVELS,
  PRACTICE_LIMITS,
  PRACTICE_TEXT_FIELDS,
  type PracticeEvidenceLevel,
} from '@oris/shared/domain';
import { LanguageService, latestLoad, RegionsService } from '@oris/web/core';
import { DayPipe, Icon, ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges, Confirmation } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { PracticesApi } from '../practices-api';
import { FieldComments } from '../shared/field-comments';
import {
  textsOf,
  type CommentInput,
  type Practice,
  type PracticeComment,
} from '../shared/practice-types';
import { practiceMessageKeys } from '../shared/problem-keys';
import { CommentForm } from './comment-form';

const justification = () =>
  new FormControl('', {
    nonNullable: true,
    validators: Validators.maxLength(PRACTICE_LIMITS.justificationMax),
  });

/**
 * A sheet as its reviewer reads it, field by field in each language, with a comment box under each
 * field; the reviewer (an editor who is not an author, or an administrator) sets the evidence
 * level with its justification and publishes, or returns the sheet to its authors. Authors see
 * the open comments and resolve them.
 */
@Component({
  selector: 'oris-practice-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DayPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
    FieldError,
    Icon,
    ProblemAlert,
    CommentForm,
    FieldComments,
  ],
  templateUrl: './practice-review-page.html',
  styleUrl: '../shared/practices.scss',
})
export class PracticeReviewPage implements HasUnsavedChanges {
  private readonly api = inject(PracticesApi);
  private readonly confirmation = inject(Confirmation);
  protected readonly regions = inject(RegionsService);
  protected readonly lang = inject(LanguageService).language;
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly fields = PRACTICE_TEXT_FIELDS;
  protected readonly levels = PRACTICE_EVIDENCE_LEVELS;
  protected readonly languages = LOCALES;
  protected readonly justificationMax = PRACTICE_LIMITS.justificationMax;
  protected readonly messageKeys = practiceMessageKeys;

  private readonly loader = latestLoad<Practice>({ loading: true });
  protected readonly practice = this.loader.value;
  protected readonly loading = this.loader.loading;
  protected readonly problem = this.loader.problem;
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly pending = signal(false);

  protected readonly evidence = new FormGroup({
    level: new FormControl<PracticeEvidenceLevel | null>(null, Validators.required),
    justification: new FormGroup({ fr: justification(), ar: justification(), en: justification() }),
  });
  /** What the reviewer asks of the authors when returning the sheet to draft. */
  protected readonly returnNote = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(PRACTICE_LIMITS.commentMax)],
  });
  protected readonly commentMax = PRACTICE_LIMITS.commentMax;
  protected readonly comments = signal<PracticeComment[]>([]);
  protected readonly textsOf = textsOf;
  readonly hasUnsavedChanges = unsavedChanges(() => this.evidence.dirty || this.returnNote.dirty);
  protected readonly justificationMissing = signal(false);

  /** The languages the sheet is written in, the original first. */
  protected readonly writtenIn = computed(() => {
    const practice = this.practice();
    if (!practice) return [];
    return [
      practice.originalLanguage,
      ...LOCALES.filter(
        (language) => language !== practice.originalLanguage && textsOf(practice)[language],
      ),
    ];
  });
  /** The API says who may review: an editor or administrator who did not write the sheet. */
  protected readonly canReview = computed(() => {
    const practice = this.practice();
    return practice?.status === 'in_review' && !!practice.mayReview;
  });

  constructor() {
    void this.regions.load().catch(() => undefined);
    void this.load();
  }

  protected authorNames(sheet: Practice): string {
    return (sheet.authors ?? []).map((author) => author.fullName).join(', ');
  }

  protected async comment(input: CommentInput): Promise<void> {
    const added = await this.attempt(() => this.api.addComment(this.id, input));
    if (added) this.comments.update((all) => [...all, added]);
  }

  protected async resolve(commentId: string): Promise<void> {
    const resolved = await this.attempt(() => this.api.resolveComment(this.id, commentId));
    if (resolved)
      this.comments.update((all) => all.map((c) => (c.id === resolved.id ? resolved : c)));
  }

  protected async submit(): Promise<void> {
    await this.act(() => this.api.submit(this.id));
  }

  /** Records the evidence level and its justification, then publishes. */
  protected async publish(): Promise<void> {
    const practice = this.practice();
    if (!practice) return;
    const value = this.evidence.getRawValue();
    const missing = !value.justification[practice.originalLanguage].trim();
    this.justificationMissing.set(missing);
    this.evidence.markAllAsTouched();
    if (missing || this.evidence.invalid || !value.level) return;
    const texts = Object.fromEntries(
      Object.entries(value.justification)
        .map(([language, text]) => [language, text.trim()])
        .filter(([, text]) => text),
    );
    const level = value.level;
    const done = await this.act(async () => {
      await this.api.review(this.id, {
        decision: 'assess',
        evidenceLevel: level,
        evidenceJustification: texts,
      });
      return this.api.publish(this.id);
    });
    if (done) this.evidence.markAsPristine();
  }

  /** Back to the authors as a draft, with what to change (a comment on the whole sheet). */
  protected async returnToDraft(): Promise<void> {
    const body = this.returnNote.value.trim();
    this.returnNote.markAsTouched();
    if (!body) {
      this.returnNote.setErrors({ required: true });
      return;
    }
    const done = await this.act(() =>
      this.api.review(this.id, {
        decision: 'return',
        comments: [{ field: 'general', language: null, body }],
      }),
    );
    if (!done) return;
    this.returnNote.reset();
    this.comments.set(await this.api.comments(this.id).catch(() => this.comments()));
  }

  protected async archive(): Promise<void> {
    const sure = await this.confirmation.ask({
      titleKey: 'practices.review.archiveTitle',
      textKey: 'practices.review.archiveText',
      confirmKey: 'practices.review.archive',
      destructive: true,
    });
    if (sure) await this.act(() => this.api.archive(this.id));
  }

  protected async reopen(): Promise<void> {
    await this.act(() => this.api.reopen(this.id));
  }

  private async act(action: () => Promise<Practice>): Promise<boolean> {
    const practice = await this.attempt(action);
    if (practice) this.loader.set(practice);
    return !!practice;
  }

  /** Runs one action at a time; a failure is shown above the sheet. */
  private async attempt<T>(action: () => Promise<T>): Promise<T | null> {
    if (this.pending()) return null;
    this.pending.set(true);
    this.actionProblem.set(null);
    try {
      return await action();
    } catch (thrown) {
      this.actionProblem.set(ApiError.from(thrown));
      return null;
    } finally {
      this.pending.set(false);
    }
  }

  private async load(): Promise<void> {
    const ok = await this.loader.load(() => this.api.get(this.id));
    const practice = this.practice();
    if (!ok || !practice) return;
    this.comments.set(await this.api.comments(this.id).catch(() => []));
    this.evidence.reset({
      level: practice.evidenceLevel,
      justification: {
        fr: practice.evidenceJustification['fr'] ?? '',
        ar: practice.evidenceJustification['ar'] ?? '',
        en: practice.evidenceJustification['en'] ?? '',
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  LOCALES,
  PRACTICE_POPULATIONS,
  PRACTICE_REQUIRED_FIELDS,
  PRACTICE_TEXT_FIELDS,
  PRACTICE_THEMES,
  type Locale,
  type PracticeTextField,
} from '@oris/shared/domain';
import { formSubmission, LanguageService, latestLoad, RegionsService } from '@oris/web/core';
import { Icon, ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges, Confirmation } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { PracticesApi } from '../practices-api';
import { FieldComments } from '../shared/field-comments';
import {
  LINK_FIELDS,
  LINK_KINDS,
  type LinkKind,
  type Practice,
  type PracticeComment,
  namedLinks,
  type PracticeLinkedItem,
} from '../shared/practice-types';
import { isConflict, practiceMessageKeys } from '../shared/problem-keys';
import { AttachmentsPanel } from './attachments-panel';
import { ContactsEditor } from './contacts-editor';
import { FiguresEditor } from './figures-editor';
import { LinkPicker } from './link-picker';
import {
  contentOf,
  fillForm,
  FIRST_YEAR,
  lastYear,
  limitOf,
  missingForSubmission,
  practiceForm,
} from './practice-form';

/**
 * Writes a practice sheet or edits a draft: one tab per language (the original marked, the others
 * labelled as translations), every text in reading order with its count and limit, the facets,
 * costs, years, figures, contacts, links and attachments. Saving sends the version the editor
 * started from, so that another editor's save is never overwritten silently.
 */
@Component({
  selector: 'oris-practice-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTabsModule,
    TranslocoPipe,
    FieldError,
    Icon,
    ProblemAlert,
    AttachmentsPanel,
    ContactsEditor,
    FieldComments,
    FiguresEditor,
    LinkPicker,
  ],
  templateUrl: './practice-form-page.html',
  styleUrl: '../shared/practices.scss',
})
export class PracticeFormPage implements HasUnsavedChanges {
  private readonly api = inject(PracticesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly confirmation = inject(Confirmation);
  protected readonly regions = inject(RegionsService);
  protected readonly lang = inject(LanguageService).language;
  protected readonly id = this.route.snapshot.paramMap.get('id');
  protected readonly submission = formSubmission();
  protected readonly messageKeys = practiceMessageKeys;
  protected readonly isConflict = isConflict;
  protected readonly languages = LOCALES;
  protected readonly fields = PRACTICE_TEXT_FIELDS;
  protected readonly themes = PRACTICE_THEMES;
  protected readonly populations = PRACTICE_POPULATIONS;
  protected readonly linkKinds = LINK_KINDS;
  protected readonly linkFields = LINK_FIELDS;
  protected readonly limitOf = limitOf;
  protected readonly firstYear = FIRST_YEAR;
  protected readonly lastYear = lastYear();

  protected readonly form = practiceForm();
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  private readonly loader = latestLoad<Practice>();
  protected readonly practice = this.loader.value;
  protected readonly problem = this.loader.problem;
  /** Required fields still empty when the editor asked to submit. */
  protected readonly missing = signal<PracticeTextField[]>([]);
  protected readonly submitProblem = signal<ApiError | null>(null);
  protected readonly comments = signal<PracticeComment[]>([]);
  /** What the sheet links to, named by the API with the sheet. */
  private readonly linked = computed<PracticeLinkedItem[]>(() => {
    const practice = this.practice();
    return practice ? namedLinks(practice, this.lang()) : [];
  });

  constructor() {
    void this.regions.load().catch(() => undefined);
    if (this.id) void this.reload();
  }

  protected isRequired(field: PracticeTextField, language: Locale): boolean {
    return (
      language === this.form.controls.originalLanguage.value &&
      PRACTICE_REQUIRED_FIELDS.includes(field)
    );
  }

  protected textControl(language: Locale, field: PracticeTextField) {
    return this.form.controls.texts.controls[language].controls[field];
  }

  protected linkControl(kind: LinkKind) {
    return this.form.controls.links.controls[LINK_FIELDS[kind]];
  }

  protected knownLinks(kind: LinkKind) {
    return this.linked().filter((item) => item.kind === kind);
  }

  /** Saves; the original language's title is the one text a draft needs. */
  protected async save(): Promise<Practice | null> {
    const original = this.form.controls.originalLanguage.value;
    const title = this.textControl(original, 'title');
    if (!title.value.trim()) title.setErrors({ required: true });
    const current = this.practice();
    const content = contentOf(this.form, current);
    let saved: Practice | null = null;
    const ok = await this.submission.run(this.form, async () => {
      saved = current
        ? await this.api.change(current.id, content, current.version)
        : await this.api.create(content);
    });
    if (!ok || !saved) return null;
    const practice: Practice = saved;
    this.loader.set(practice);
    this.form.markAsPristine();
    if (!current) {
      await this.router.navigate(['..', practice.id, 'edit'], { relativeTo: this.route });
    }
    return practice;
  }

  /** Saves, checks the required fields of the original language, then sends it for review. */
  protected async submitForReview(): Promise<void> {
    this.submitProblem.set(null);
    const missing = missingForSubmission(contentOf(this.form, this.practice()));
    this.missing.set(missing);
    if (missing.length) return;
    const saved = this.form.dirty ? await this.save() : this.practice();
    if (!saved) return;
    try {
      this.loader.set(await this.api.submit(saved.id));
      // To the sheet's page (`:id`), as its reviewer reads it.
      await this.router.navigate(['..'], { relativeTo: this.route });
    } catch (thrown) {
      this.submitProblem.set(ApiError.from(thrown));
    }
  }

  /** After a conflict: the latest saved version replaces what was typed (after asking). */
  protected async reloadLatest(): Promise<void> {
    if (this.form.dirty) {
      const sure = await this.confirmation.ask({
        titleKey: 'practices.conflict.reloadTitle',
        textKey: 'practices.conflict.reloadText',
        confirmKey: 'practices.conflict.reloadConfirm',
        destructive: true,
      });
      if (!sure) return;
    }
    this.submission.clearProblem();
    await this.reload();
  }

  protected async resolveComment(commentId: string): Promise<void> {
    const current = this.practice();
    if (!current) return;
    try {
      const resolved = await this.api.resolveComment(current.id, commentId);
      this.comments.update((all) => all.map((c) => (c.id === resolved.id ? resolved : c)));
    } catch (thrown) {
      this.submitProblem.set(ApiError.from(thrown));
    }
  }

  protected attachmentsChanged(practice: Practice): void {
    const current = this.practice();
    if (current) {
      this.loader.set({
        ...current,
        attachments: practice.attachments,
        version: practice.version,
        status: practice.status,
      });
    }
  }

  private async reload(): Promise<void> {
    const id = this.id;
    if (!id) return;
    const ok = await this.loader.load(() => this.api.get(id));
    const practice = this.practice();
    if (!ok || !practice) return;
    fillForm(this.form, practice);
    this.comments.set(await this.api.comments(practice.id).catch(() => []));
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LOCALES,
  ORIS_TOOL_ROLES,
  TOOL_KINDS,
  TOOL_PURPOSES,
  type Locale,
  type OrisToolRole,
  type ToolKind,
  type ToolPurpose,
} from '@oris/shared/domain';
import { formSubmission, latestLoad } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { toolMessageKeys } from '../shared/problem-keys';
import { LICENCE_CHOICES, type Tool, type ToolInput } from '../shared/tool-types';
import { ToolsApi } from '../tools-api';

const TITLE_MAX = 300;
const DESCRIPTION_MAX = 4000;

const textControl = (max: number) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max)] });

/** Records a tool or corrects one: titles and descriptions in fr/ar/en, the facts, the licence. */
@Component({
  selector: 'oris-tool-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './tool-form-page.html',
  styleUrl: '../shared/tools.scss',
})
export class ToolFormPage implements HasUnsavedChanges {
  private readonly api = inject(ToolsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly id = this.route.snapshot.paramMap.get('id');
  protected readonly submission = formSubmission();
  protected readonly messageKeys = toolMessageKeys;
  protected readonly languages = LOCALES;
  protected readonly kinds = TOOL_KINDS;
  protected readonly purposes = TOOL_PURPOSES;
  protected readonly roles = ORIS_TOOL_ROLES;
  protected readonly licences = LICENCE_CHOICES;
  protected readonly titleMax = TITLE_MAX;
  protected readonly descriptionMax = DESCRIPTION_MAX;

  protected readonly form = new FormGroup({
    titles: new FormGroup({
      fr: textControl(TITLE_MAX),
      ar: textControl(TITLE_MAX),
      en: textControl(TITLE_MAX),
    }),
    descriptions: new FormGroup({
      fr: textControl(DESCRIPTION_MAX),
      ar: textControl(DESCRIPTION_MAX),
      en: textControl(DESCRIPTION_MAX),
    }),
    originalLanguage: new FormControl<Locale>('fr', {
      nonNullable: true,
      validators: Validators.required,
    }),
    kind: new FormControl<ToolKind | null>(null, Validators.required),
    purpose: new FormControl<ToolPurpose | null>(null, Validators.required),
    orisRole: new FormControl<OrisToolRole | null>(null, Validators.required),
    licence: new FormControl<string | null>(null),
  });
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  private readonly loader = latestLoad<Tool>();
  protected readonly problem = this.loader.problem;
  /** A licence the tool has that the short list does not offer (kept as is). */
  protected extraLicence: string | null = null;

  constructor() {
    if (this.id) {
      const id = this.id;
      void this.loader.load(() => this.api.get(id)).then(() => this.fill(this.loader.value()));
    }
  }

  /** The original language's title is required: the others are optional. */
  protected originalTitleMissing(): boolean {
    const value = this.form.getRawValue();
    return !value.titles[value.originalLanguage].trim();
  }

  protected async save(): Promise<void> {
    if (this.originalTitleMissing()) {
      this.form.controls.titles.controls[this.form.controls.originalLanguage.value].setErrors({
        required: true,
      });
    }
    const value = this.form.getRawValue();
    const pick = (texts: Record<Locale, string>) =>
      Object.fromEntries(
        Object.entries(texts)
          .map(([language, text]) => [language, text.trim()])
          .filter(([, text]) => text),
      );
    const input: ToolInput = {
      titles: pick(value.titles),
      descriptions: pick(value.descriptions),
      originalLanguage: value.originalLanguage,
      kind: value.kind as ToolKind,
      purpose: value.purpose as ToolPurpose,
      orisRole: value.orisRole as OrisToolRole,
      licence: value.licence,
    };
    let saved: Tool | null = null;
    const ok = await this.submission.run(this.form, async () => {
      saved = this.id ? await this.api.change(this.id, input) : await this.api.create(input);
    });
    if (!ok || !saved) return;
    this.form.markAsPristine();
    const tool: Tool = saved;
    await this.router.navigate(this.id ? ['..'] : ['..', tool.id], { relativeTo: this.route });
  }

  private fill(tool: Tool | null): void {
    if (!tool) return;
    const text = (texts: Record<string, string>, language: Locale) => texts[language] ?? '';
    this.extraLicence =
      tool.licence && !(LICENCE_CHOICES as readonly string[]).includes(tool.licence)
        ? tool.licence
        : null;
    this.form.reset({
      titles: Object.fromEntries(LOCALES.map((l) => [l, text(tool.titles, l)])) as Record<
        Locale,
        string
      >,
      descriptions: Object.fromEntries(
        LOCALES.map((l) => [l, text(tool.descriptions, l)]),
      ) as Record<Locale, string>,
      originalLanguage: (LOCALES as readonly string[]).includes(tool.originalLanguage)
        ? (tool.originalLanguage as Locale)
        : 'fr',
      kind: tool.kind,
      purpose: tool.purpose,
      orisRole: tool.orisRole,
      licence: tool.licence,
    });
  }
}

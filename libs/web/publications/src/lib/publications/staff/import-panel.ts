import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { formSubmission } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import type { ImportFormat, ImportReport } from '../shared/publication-types';
import { PublicationsApi } from '../shared/publications-api';
import { publicationMessageKeys } from '../shared/problem-keys';

/** The largest file the import takes (the API refuses more). */
const MAX_LENGTH = 900_000;

/** Paste or upload BibTeX, RIS or CSL-JSON; preview (dry run); save the valid entries. */
@Component({
  selector: 'oris-publications-import-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    ProblemAlert,
  ],
  templateUrl: './import-panel.html',
  styleUrl: '../shared/publications.scss',
})
export class ImportPanel {
  private readonly publications = inject(PublicationsApi);
  readonly saved = output<ImportReport>();
  protected readonly messageKeys = publicationMessageKeys;
  protected readonly submission = formSubmission();
  protected readonly formats: ImportFormat[] = ['bibtex', 'ris', 'csl-json'];
  protected readonly format = new FormControl<ImportFormat>('bibtex', { nonNullable: true });
  protected readonly text = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(MAX_LENGTH)],
  });
  protected readonly form = new FormGroup({ format: this.format, text: this.text });
  protected readonly maxLength = MAX_LENGTH;
  protected readonly preview = signal<ImportReport | null>(null);
  protected readonly result = signal<ImportReport | null>(null);

  constructor() {
    this.text.valueChanges.subscribe(() => this.preview.set(null));
    this.format.valueChanges.subscribe(() => this.preview.set(null));
  }

  protected async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const name = file.name.toLowerCase();
    if (name.endsWith('.ris')) this.format.setValue('ris');
    else if (name.endsWith('.json')) this.format.setValue('csl-json');
    else if (name.endsWith('.bib')) this.format.setValue('bibtex');
    this.text.setValue(await file.text());
  }

  protected async check(): Promise<void> {
    this.result.set(null);
    await this.submission.run(this.form, async () => {
      this.preview.set(
        await this.publications.importCitations(this.format.value, this.text.value, true),
      );
    });
  }

  protected async save(): Promise<void> {
    await this.submission.run(this.form, async () => {
      const report = await this.publications.importCitations(
        this.format.value,
        this.text.value,
        false,
      );
      this.result.set(report);
      this.preview.set(null);
      this.text.reset('');
      this.saved.emit(report);
    });
  }

  protected problemText(problem: {
    code: string;
    field?: string;
    params?: Record<string, unknown>;
  }): string {
    return `publications.import.problems.${problem.code}`;
  }
}

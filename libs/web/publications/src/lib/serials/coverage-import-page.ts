import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { parseCsv, todayInMorocco } from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { Chip, ProblemAlert } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { indexNames } from './index-names';
import { type CoverageImportReport, SerialsApi } from './serials-api';
import { serialsMessageKeys } from './serials-problem-keys';

/** Lines of the file shown before the dry run, as read (so a wrong file is seen at once). */
const PREVIEW_LINES = 6;

/**
 * Loading an index's coverage list, offline: choose the file (DOAJ, Scopus, Web of Science,
 * ARCI, or the template), see its first lines, run a dry run (what would happen per row), then
 * save. The same file is sent twice; the API plans both times from what is stored then.
 */
@Component({
  selector: 'oris-coverage-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideDayDatepicker()],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Chip,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './coverage-import-page.html',
  styleUrl: './serials.scss',
})
export class CoverageImportPage {
  private readonly serialsApi = inject(SerialsApi);
  protected readonly indexes = indexNames();
  protected readonly submission = formSubmission();
  protected readonly messageKeys = serialsMessageKeys;

  protected readonly form = new FormGroup({
    index: new FormControl<string | null>(null, Validators.required),
    checkedOn: new FormControl(todayInMorocco(), {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<string[][]>([]);
  protected readonly report = signal<CoverageImportReport | null>(null);

  protected async chooseFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.report.set(null);
    if (!file) {
      this.preview.set([]);
      return;
    }
    const head = await file.slice(0, 64 * 1024).text();
    try {
      this.preview.set(
        parseCsv(head.slice(0, head.lastIndexOf('\n') + 1) || head)
          .slice(0, PREVIEW_LINES)
          .map((record) => record.cells.slice(0, 8)),
      );
    } catch {
      this.preview.set([]);
    }
  }

  protected run(dryRun: boolean): Promise<boolean> {
    const file = this.file();
    const value = this.form.getRawValue();
    return this.submission.run(this.form, async () => {
      if (!file) return;
      this.report.set(
        await this.serialsApi.importCoverage(
          {
            index: value.index as never,
            checkedOn: value.checkedOn,
            dryRun,
          },
          file,
        ),
      );
    });
  }
}

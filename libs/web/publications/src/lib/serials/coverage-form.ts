import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { COVERAGE_STATES, type CoverageState, todayInMorocco } from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { indexNames } from './index-names';
import { type Coverage, type CoverageInput, SerialsApi } from './serials-api';
import { serialsMessageKeys } from './serials-problem-keys';

/** The API's limit on an evidence file (600 KiB). */
export const EVIDENCE_FILE_MAX_BYTES = 600 * 1024;

const bytesToBase64 = async (file: Blob): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
};

/**
 * Add coverage by an index, or correct a row: the API keeps the corrected row (superseded) and
 * the evidence is a link or a file, one of the two.
 */
@Component({
  selector: 'oris-coverage-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideDayDatepicker()],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './coverage-form.html',
  styleUrl: './serials.scss',
})
export class CoverageForm {
  private readonly serialsApi = inject(SerialsApi);
  readonly serialId = input.required<string>();
  readonly correcting = input<Coverage | null>(null);
  readonly recorded = output<void>();
  readonly cancelled = output<void>();
  protected readonly indexes = indexNames();
  protected readonly states = COVERAGE_STATES;
  protected readonly submission = formSubmission();
  protected readonly messageKeys = serialsMessageKeys;
  protected readonly file = signal<File | null>(null);
  protected readonly fileTooLarge = signal(false);

  protected readonly form = new FormGroup({
    index: new FormControl<string | null>(null, Validators.required),
    fromYear: new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(1900),
      Validators.max(2100),
    ]),
    toYear: new FormControl<number | null>(null, [Validators.min(1900), Validators.max(2100)]),
    state: new FormControl<CoverageState>('active', { nonNullable: true }),
    checkedOn: new FormControl<string>(todayInMorocco(), {
      nonNullable: true,
      validators: [Validators.required],
    }),
    evidenceKind: new FormControl<'url' | 'file'>('url', { nonNullable: true }),
    url: new FormControl('', {
      nonNullable: true,
      validators: [Validators.pattern(/^https?:\/\/\S+$/)],
    }),
  });

  constructor() {
    effect(() => {
      const row = this.correcting();
      if (!row) return;
      this.form.reset({
        index: row.index,
        fromYear: row.fromYear,
        toYear: row.toYear,
        state: row.state,
        checkedOn: todayInMorocco(),
        evidenceKind: row.evidenceUrl ? 'url' : 'file',
        url: row.evidenceUrl ?? '',
      });
      this.form.controls.index.disable();
      this.form.controls.fromYear.disable();
    });
  }

  protected chooseFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.fileTooLarge.set(!!file && file.size > EVIDENCE_FILE_MAX_BYTES);
    this.file.set(file);
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const file = this.file();
    if (value.evidenceKind === 'file' && (!file || this.fileTooLarge())) return;
    if (value.evidenceKind === 'url' && !value.url.trim()) {
      this.form.controls.url.setErrors({ required: true });
      this.form.controls.url.markAsTouched();
      return;
    }
    await this.submission
      .run(this.form, async () => {
        const input: CoverageInput = {
          index: value.index as CoverageInput['index'],
          fromYear: Number(value.fromYear),
          toYear:
            value.toYear === null || (value.toYear as unknown) === '' ? null : Number(value.toYear),
          state: value.state,
          checkedOn: value.checkedOn,
          evidence:
            value.evidenceKind === 'url'
              ? { url: value.url.trim() }
              : { fileBase64: await bytesToBase64(file as File) },
        };
        await this.serialsApi.recordCoverage(this.serialId(), input);
      })
      .then((ok) => {
        if (ok) this.recorded.emit();
      });
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { isValidIssn } from '@oris/shared/domain';
import { formSubmission, latestLoad } from '@oris/web/core';
import { ProblemAlert, transientText } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { CoveragePanel } from './coverage-panel';
import { type SerialDetail, type SerialInput, SerialsApi } from './serials-api';
import { serialsMessageKeys } from './serials-problem-keys';

/** An ISSN with its check character (the API checks it too and answers `issn_invalid`). */
const issn = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() === '' || isValidIssn(control.value) ? null : { issn: true };

/** One serial: its facts (create or correct) and its coverage by each index, with the history. */
@Component({
  selector: 'oris-serial-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
    CoveragePanel,
  ],
  templateUrl: './serial-page.html',
  styleUrl: './serials.scss',
})
export class SerialPage implements HasUnsavedChanges {
  private readonly serialsApi = inject(SerialsApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
  protected readonly submission = formSubmission();
  protected readonly messageKeys = serialsMessageKeys;
  protected readonly announcement = transientText();

  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(400)],
    }),
    issnPrint: new FormControl('', { nonNullable: true, validators: [issn] }),
    issnOnline: new FormControl('', { nonNullable: true, validators: [issn] }),
    publisher: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
    country: new FormControl('', {
      nonNullable: true,
      validators: [Validators.pattern(/^[A-Za-z]{2}$/)],
    }),
  });
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);

  private readonly serial = latestLoad<SerialDetail>();
  protected readonly detail = this.serial.value;
  protected readonly loading = this.serial.loading;
  protected readonly problem = this.serial.problem;
  protected readonly saved = signal(false);

  constructor() {
    if (this.id) void this.reload();
  }

  protected async reload(): Promise<void> {
    const id = this.id as string;
    await this.serial.load(() => this.serialsApi.serial(id));
    const serial = this.detail();
    if (serial && !this.form.dirty) {
      this.form.reset({
        title: serial.title,
        issnPrint: serial.issnPrint ?? '',
        issnOnline: serial.issnOnline ?? '',
        publisher: serial.publisher ?? '',
        country: serial.country ?? '',
      });
    }
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const input: SerialInput = {
      title: value.title.trim(),
      issnPrint: value.issnPrint.trim() || null,
      issnOnline: value.issnOnline.trim() || null,
      publisher: value.publisher.trim() || null,
      country: value.country.trim().toUpperCase() || null,
    };
    let saved: SerialDetail | null = null;
    const ok = await this.submission.run(this.form, async () => {
      saved = this.id
        ? await this.serialsApi.change(this.id, input)
        : await this.serialsApi.create(input);
    });
    if (!ok || !saved) return;
    const serial: SerialDetail = saved;
    this.form.markAsPristine();
    this.announcement.set(this.transloco.translate('serials.form.saved', { title: serial.title }));
    if (!this.id) {
      await this.router.navigate(['/observatory/serials', serial.id]);
      return;
    }
    await this.reload();
  }
}

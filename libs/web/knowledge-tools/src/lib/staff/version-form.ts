import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { LOCALES } from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { toolMessageKeys } from '../shared/problem-keys';
import { ACCEPTED_FILES, MAX_FILE_BYTES, type Tool } from '../shared/tool-types';
import { ToolsApi } from '../tools-api';

const VERSION_NUMBER = /^[0-9]+(\.[0-9]+){0,2}(-[0-9A-Za-z.-]+)?$/;
const ACCEPT = Object.keys(ACCEPTED_FILES)
  .map((extension) => `.${extension}`)
  .join(',');

/** Adds a version to a tool: its file (uploaded) or its address, its number, day and language. */
@Component({
  selector: 'oris-tool-version-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  providers: [provideDayDatepicker()],
  templateUrl: './version-form.html',
  styles: `
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 0 16px;
      align-items: start;
    }

    .url {
      inline-size: 100%;
    }

    .file {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-block-end: 16px;
    }
  `,
})
export class VersionForm {
  private readonly api = inject(ToolsApi);
  readonly toolId = input.required<string>();
  readonly added = output<Tool>();
  protected readonly submission = formSubmission();
  protected readonly messageKeys = toolMessageKeys;
  protected readonly languages = LOCALES;
  protected readonly accept = ACCEPT;
  protected readonly file = signal<File | null>(null);
  protected readonly fileProblem = signal<string | null>(null);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly form = new FormGroup({
    number: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(VERSION_NUMBER),
        Validators.maxLength(32),
      ],
    }),
    releasedOn: new FormControl<string | null>(null, Validators.required),
    language: new FormControl<string>('fr', { nonNullable: true, validators: Validators.required }),
    url: new FormControl('', {
      nonNullable: true,
      validators: [Validators.pattern(/^https?:\/\/\S+$/), Validators.maxLength(2000)],
    }),
  });

  protected pickFile(picker: HTMLInputElement): void {
    const chosen = picker.files?.[0] ?? null;
    this.fileProblem.set(null);
    if (chosen && chosen.size > MAX_FILE_BYTES) {
      this.fileProblem.set('tools.problems.fileTooLarge');
      this.file.set(null);
    } else if (chosen && !ACCEPTED_FILES[extensionOf(chosen.name)]) {
      this.fileProblem.set('tools.problems.fileType');
      this.file.set(null);
    } else {
      this.file.set(chosen);
    }
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const file = this.file();
    let saved: Tool | null = null;
    const ok = await this.submission.run(this.form, async () => {
      const common = {
        number: value.number.trim(),
        releasedOn: value.releasedOn as string,
        language: value.language,
      };
      saved = file
        ? await this.api.upload(
            this.toolId(),
            {
              ...common,
              fileName: file.name,
              mediaType: ACCEPTED_FILES[extensionOf(file.name)],
            },
            file,
          )
        : await this.api.addLink(this.toolId(), { ...common, url: value.url.trim() || null });
    });
    if (!ok || !saved) return;
    // Reset as never submitted, so the emptied required fields do not show errors.
    this.formDirective().resetForm({
      number: '',
      releasedOn: null,
      language: value.language,
      url: '',
    });
    this.file.set(null);
    this.added.emit(saved);
  }
}

function extensionOf(name: string): string {
  return name.split('.').pop()?.toLowerCase() ?? '';
}

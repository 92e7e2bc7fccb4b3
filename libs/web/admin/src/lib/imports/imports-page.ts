import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormsModule, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError, type ApiErrorKind } from '@oris/shared/api-client';
import { type CourseSummary, LanguageService, type Session } from '@oris/web/core';
import { importProblemWords, importValueLabel } from '@oris/shared/domain';
import { DayRangePipe, ProblemAlert, saveFile, StatusChip, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_CHARACTERS,
  IMPORT_MAX_XLSX_BYTES,
  isLabelled,
} from './import-template';
import {
  type ImportFile,
  type ImportReport,
  ImportsApi,
  type RejectedFile,
  type TemplateFormat,
  type TemplateLanguage,
} from './imports-api';
import { type ImportProblem, type Preview, previewRows } from './import-preview';

/**
 * The administrators' import of enrollments (`/admin/imports`), from a CSV or an Excel workbook
 * whose headers and values may be written in French, Arabic or English: choose the session, check
 * the file (a dry run that writes nothing), read every row's outcome or problem in one's own
 * language, then import it all at once — the API refuses the whole file if any row is wrong —
 * or, as an explicit choice, import the valid rows and get the others back as a file.
 */
@Component({
  selector: 'oris-imports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    ReactiveFormsModule,
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ProblemAlert,
    DayRangePipe,
    StatusChip,
  ],
  templateUrl: './imports-page.html',
  styleUrl: './imports-page.scss',
})
export class ImportsPage {
  private readonly imports = inject(ImportsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly confirmation = inject(Confirmation);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageService).language;

  protected readonly columns = IMPORT_COLUMNS;
  protected readonly templateFormat = signal<TemplateFormat>('xlsx');
  protected readonly templateLanguage = signal<TemplateLanguage | null>(null);
  protected readonly downloading = signal(false);
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly courses = signal<CourseSummary[] | null>(null);
  protected readonly courseId = signal<string | null>(null);
  protected readonly sessions = signal<Session[] | null>(null);
  protected readonly session = signal<Session | null>(null);
  protected readonly fileName = signal<string | null>(null);
  protected readonly fileProblemKey = signal<string | null>(null);
  protected readonly preview = signal<ImportReport | null>(null);
  protected readonly result = signal<ImportReport | null>(null);
  protected readonly searching = signal(false);
  protected readonly checking = signal(false);
  protected readonly importing = signal(false);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly announcement = transientText();
  /** A check that found problems: every row of the file beside its own. */
  protected readonly rowsWithProblems = computed<Preview | null>(() => {
    const preview = this.preview();
    return preview?.problems.length ? previewRows(preview.lines, preview.problems) : null;
  });
  /**
   * The explicit choice is offered only when it means something: a check of this file and
   * session found problems in some rows, none in the file as a whole, and some rows are fine.
   */
  protected readonly validRowsChoice = computed<{ count: number; rejected: number } | null>(() => {
    const preview = this.preview();
    const checked = this.rowsWithProblems();
    const offered =
      !!preview &&
      !!checked &&
      checked.fileProblems.length === 0 &&
      checked.fine > 0 &&
      preview.sessionId === this.session()?.id &&
      !this.result();
    return offered ? { count: checked.fine, rejected: checked.rows.length - checked.fine } : null;
  });
  protected readonly canCheck = computed(
    () => !!this.session() && this.file() !== null && !this.checking() && !this.importing(),
  );
  /** Only a clean check of this very file and session opens the real import. */
  protected readonly canImport = computed(() => {
    const preview = this.preview();
    return (
      !!preview &&
      preview.problems.length === 0 &&
      preview.rows.length > 0 &&
      preview.sessionId === this.session()?.id &&
      !this.result() &&
      !this.importing()
    );
  });

  private readonly file = signal<ImportFile | null>(null);

  constructor() {
    const sessionId = inject(ActivatedRoute).snapshot.queryParamMap.get('sessionId');
    if (sessionId) void this.preselect(sessionId);
  }

  protected async findCourses(): Promise<void> {
    const q = this.search.value.trim();
    this.searching.set(true);
    this.problem.set(null);
    try {
      const courses = await this.imports.courses(q);
      this.courses.set(courses);
      this.courseId.set(null);
      this.sessions.set(null);
      this.announcement.set(
        this.transloco.translate('admin.imports.coursesFound', { count: courses.length }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.searching.set(false);
    }
  }

  protected async chooseCourse(courseId: string): Promise<void> {
    this.courseId.set(courseId);
    this.sessions.set(null);
    this.chooseSession(null);
    try {
      this.sessions.set(await this.imports.sessions(courseId));
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }

  protected pickSession(sessionId: string): void {
    this.chooseSession(this.sessions()?.find((session) => session.id === sessionId) ?? null);
  }

  protected chooseSession(session: Session | null): void {
    this.session.set(session);
    this.clearReports();
  }

  protected async readFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    this.clearReports();
    this.fileProblemKey.set(null);
    this.file.set(null);
    this.fileName.set(file?.name ?? null);
    if (!file) return;
    if (await isWorkbook(file)) {
      if (file.size > IMPORT_MAX_XLSX_BYTES) this.fileProblemKey.set('admin.imports.file.tooLarge');
      else this.file.set({ xlsx: base64(new Uint8Array(await file.arrayBuffer())) });
      return;
    }
    const text = await file.text();
    if (!text.trim()) {
      this.fileProblemKey.set('admin.imports.file.empty');
    } else if (text.length > IMPORT_MAX_CHARACTERS) {
      this.fileProblemKey.set('admin.imports.file.tooLarge');
    } else {
      this.file.set({ csv: text });
    }
  }

  protected async checkFile(): Promise<void> {
    const session = this.session();
    const file = this.file();
    if (!session || file === null) return;
    this.clearReports();
    this.checking.set(true);
    try {
      const report = await this.imports.run(session.id, file, this.runOf(true, false));
      this.preview.set(report);
      this.announcement.set(
        report.problems.length
          ? this.transloco.translate('admin.imports.preview.problemsFound', {
              count: report.problems.length,
            })
          : this.transloco.translate('admin.imports.preview.ready', { count: report.rows.length }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.checking.set(false);
    }
  }

  protected async importFile(): Promise<void> {
    if (!this.canImport()) return;
    await this.runImport(false);
  }

  /** The explicit choice, confirmed: the valid rows go in, the others come back as a file. */
  protected async importValidRows(): Promise<void> {
    const choice = this.validRowsChoice();
    if (!choice || this.importing()) return;
    const confirmed = await this.confirmation.ask({
      titleKey: 'admin.imports.validOnly.confirmTitle',
      textKey: 'admin.imports.validOnly.confirmText',
      confirmKey: 'admin.imports.validOnly.confirm',
      params: choice,
    });
    if (confirmed) await this.runImport(true);
  }

  protected downloadRejected(file: RejectedFile): void {
    const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
    saveFile(new Blob([bytes], { type: file.mediaType }), file.fileName, this.document);
  }

  protected async downloadTemplate(): Promise<void> {
    const format = this.templateFormat();
    const language = this.templateLanguage() ?? this.language();
    this.downloading.set(true);
    this.problem.set(null);
    try {
      const blob = await this.imports.template(format, language);
      const name = language === 'codes' ? 'codes' : language;
      saveFile(blob, `oris-inscriptions-${name}.${format}`, this.document);
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.downloading.set(false);
    }
  }

  /** The API's refusal of a file it cannot read, in the reader's language. */
  protected messageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
    const key =
      error?.code === 'import_file_invalid' || error?.code === 'import_file_too_large'
        ? `admin.imports.fileErrors.${error.code}`
        : undefined;
    return error && key ? { [error.kind]: key } : {};
  }

  /** A problem's reason in the reader's language, from its code and parameters. */
  protected reasonOf(problem: ImportProblem): string {
    if (!problem.code) return problem.reason;
    const params = { ...problem.params };
    if (problem.code === 'not_in_list' && isLabelled(problem.field)) {
      // The values as the reader knows them rather than the codes.
      const column = problem.field;
      const codes = String(problem.params?.['values'] ?? '').split(', ');
      params['values'] = codes
        .map((code) => importValueLabel(column, code, this.language()))
        .join(', ');
    }
    return importProblemWords(problem.code, params, this.language());
  }

  /** A problem's column as the reader knows it. */
  protected columnOf(field: string): string {
    const key = `admin.imports.columnNames.${field}`;
    const words = this.transloco.translate(key);
    return words === key ? field : words;
  }

  protected valuesOf(column: (typeof IMPORT_COLUMNS)[number]): string {
    const name = column.name;
    if (!column.values || !isLabelled(name)) return '';
    return column.values
      .map((code) => `${importValueLabel(name, code, this.language())} (${code})`)
      .join(', ');
  }

  private async runImport(validRowsOnly: boolean): Promise<void> {
    const session = this.session();
    const file = this.file();
    if (!session || file === null) return;
    this.importing.set(true);
    this.problem.set(null);
    try {
      const result = await this.imports.run(session.id, file, this.runOf(false, validRowsOnly));
      this.result.set(result);
      this.announcement.set(
        this.transloco.translate(
          result.rejected ? 'admin.imports.result.doneWithRejected' : 'admin.imports.result.done',
          { count: result.rows.length, rejected: result.rejected },
        ),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.importing.set(false);
    }
  }

  private runOf(dryRun: boolean, validRowsOnly: boolean) {
    return { dryRun, validRowsOnly, locale: this.language() };
  }

  private async preselect(sessionId: string): Promise<void> {
    try {
      this.session.set(await this.imports.session(sessionId));
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }

  private clearReports(): void {
    this.preview.set(null);
    this.result.set(null);
    this.problem.set(null);
    this.announcement.set('');
  }
}

/** An .xlsx is a zip package: by its first bytes, not its name, which may say anything. */
async function isWorkbook(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

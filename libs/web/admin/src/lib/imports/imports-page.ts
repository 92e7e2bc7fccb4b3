import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormsModule, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { type CourseSummary, LanguageService, type Session } from '@oris/web/core';
import { DayRangePipe, ProblemAlert, StatusChip, transientText } from '@oris/web/ui';
import { IMPORT_COLUMNS, IMPORT_MAX_CHARACTERS, IMPORT_TEMPLATE_HREF } from './import-template';
import { type ImportReport, ImportsApi } from './imports-api';
import { type Preview, previewRows } from './import-preview';

/**
 * The administrators' CSV import of enrollments (`/admin/imports`): choose the session, check the
 * file (a dry run that writes nothing), read every row's outcome or problem, then import it all
 * at once — the API refuses the whole file if any row is wrong.
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
  protected readonly language = inject(LanguageService).language;

  protected readonly columns = IMPORT_COLUMNS;
  protected readonly templateHref = IMPORT_TEMPLATE_HREF;
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
    const csv = this.csv();
    return preview?.problems.length && csv !== null ? previewRows(csv, preview.problems) : null;
  });
  protected readonly canCheck = computed(
    () => !!this.session() && this.csv() !== null && !this.checking() && !this.importing(),
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

  private readonly csv = signal<string | null>(null);

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
    this.csv.set(null);
    this.fileName.set(file?.name ?? null);
    if (!file) return;
    const text = await file.text();
    if (!text.trim()) {
      this.fileProblemKey.set('admin.imports.file.empty');
    } else if (text.length > IMPORT_MAX_CHARACTERS) {
      this.fileProblemKey.set('admin.imports.file.tooLarge');
    } else {
      this.csv.set(text);
    }
  }

  protected async checkFile(): Promise<void> {
    const session = this.session();
    const csv = this.csv();
    if (!session || csv === null) return;
    this.clearReports();
    this.checking.set(true);
    try {
      const report = await this.imports.run(session.id, csv, true);
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
    const session = this.session();
    const csv = this.csv();
    if (!session || csv === null || !this.canImport()) return;
    this.importing.set(true);
    this.problem.set(null);
    try {
      const result = await this.imports.run(session.id, csv, false);
      this.result.set(result);
      this.announcement.set(
        this.transloco.translate('admin.imports.result.done', { count: result.rows.length }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.importing.set(false);
    }
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

import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  OBSERVATORY_INDEX_CODES,
  PUBLICATION_STATUSES,
  PUBLICATION_TYPES,
} from '@oris/shared/domain';
import type { PublicationStatus, PublicationType } from '@oris/shared/domain';
import { latestLoad } from '@oris/web/core';
import { Chip, Icon, Pager, ProblemAlert, saveFile } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { PublicationDate } from '../shared/publication-date';
import type { ExportFormat, PageOf, Publication } from '../shared/publication-types';
import { PublicationsApi } from '../shared/publications-api';
import { publicationMessageKeys } from '../shared/problem-keys';
import { ImportPanel } from './import-panel';

const PAGE_SIZE = 20;
const EXTENSIONS: Record<ExportFormat, string> = {
  bibtex: 'bib',
  ris: 'ris',
  'csl-json': 'json',
  csv: 'csv',
};

/** `/observatory/publications`: every record, filters, export, and the import. */
@Component({
  selector: 'oris-staff-publications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    Chip,
    Icon,
    Pager,
    ProblemAlert,
    PublicationDate,
    ImportPanel,
  ],
  templateUrl: './staff-publications-page.html',
  styleUrl: '../shared/publications.scss',
})
export class StaffPublicationsPage {
  private readonly publications = inject(PublicationsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly messageKeys = publicationMessageKeys;
  protected readonly types = PUBLICATION_TYPES;
  protected readonly statuses = PUBLICATION_STATUSES;
  protected readonly indexes = OBSERVATORY_INDEX_CODES;
  protected readonly exportFormats: ExportFormat[] = ['bibtex', 'ris', 'csl-json', 'csv'];
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly statusFilter = new FormControl<PublicationStatus | null>(null);
  protected readonly typeFilter = new FormControl<PublicationType | null>(null);
  protected readonly indexFilter = new FormControl<string | null>(null);
  protected readonly yearFilter = new FormControl('', { nonNullable: true });
  protected readonly importing = signal(false);
  protected readonly exportProblem = signal<ApiError | null>(null);
  private readonly list = latestLoad<PageOf<Publication>>({ loading: true });
  protected readonly result = this.list.value;
  protected readonly loading = this.list.loading;
  protected readonly problem = this.list.problem;
  private page = 1;

  constructor() {
    merge(
      this.statusFilter.valueChanges,
      this.typeFilter.valueChanges,
      this.indexFilter.valueChanges,
      this.search.valueChanges.pipe(debounceTime(300), distinctUntilChanged()),
      this.yearFilter.valueChanges.pipe(debounceTime(300), distinctUntilChanged()),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  protected tone(status: string): 'quiet' | 'positive' | 'ended' {
    return status === 'validated' ? 'positive' : status === 'withdrawn' ? 'ended' : 'quiet';
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  protected toggleImport(): void {
    this.importing.update((open) => !open);
  }

  /** The panel stays open with what was saved; the list shows the new records. */
  protected async imported(): Promise<void> {
    await this.load();
  }

  protected async download(format: ExportFormat): Promise<void> {
    this.exportProblem.set(null);
    try {
      const blob = await this.publications.exportFile({ format, ...this.filters() });
      saveFile(blob, `publications.${EXTENSIONS[format]}`, this.document);
    } catch (error) {
      this.exportProblem.set(ApiError.from(error));
    }
  }

  private filters() {
    const q = this.search.value.trim();
    const year = Number(this.yearFilter.value);
    return {
      ...(q ? { q } : {}),
      ...(this.statusFilter.value ? { status: this.statusFilter.value } : {}),
      ...(this.typeFilter.value ? { type: this.typeFilter.value } : {}),
      ...(this.indexFilter.value ? { index: this.indexFilter.value as 'scopus' } : {}),
      ...(Number.isInteger(year) && year >= 1900 && year <= 2100 ? { year } : {}),
    };
  }

  private async load(): Promise<void> {
    await this.list.load(() =>
      this.publications.list({ page: this.page, pageSize: PAGE_SIZE, ...this.filters() }),
    );
  }
}

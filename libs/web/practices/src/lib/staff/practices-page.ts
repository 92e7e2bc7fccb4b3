import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PRACTICE_STATUSES, type PracticeStatus } from '@oris/shared/domain';
import { LanguageService, latestLoad } from '@oris/web/core';
import { DayPipe, Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { practiceMessageKeys } from '../shared/problem-keys';
import { inLanguage, type PracticeSummary } from '../shared/practice-types';
import { PracticesApi, type PageOf } from '../practices-api';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

/** The editors' list of practice sheets: search, filter by status, open one, write a new one. */
@Component({
  selector: 'oris-practices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    Icon,
    Pager,
    ProblemAlert,
  ],
  templateUrl: './practices-page.html',
  styleUrl: '../shared/practices.scss',
})
export class PracticesPage {
  private readonly api = inject(PracticesApi);
  protected readonly lang = inject(LanguageService).language;
  protected readonly statuses = PRACTICE_STATUSES;
  protected readonly messageKeys = practiceMessageKeys;

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl<PracticeStatus | null>(null);

  private readonly practices = latestLoad<PageOf<PracticeSummary>>();
  protected readonly result = this.practices.value;
  protected readonly loading = this.practices.loading;
  protected readonly problem = this.practices.problem;
  private page = 1;

  constructor() {
    merge(
      this.status.valueChanges,
      this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  protected titleOf(practice: PracticeSummary) {
    return inLanguage(practice.titles, this.lang(), practice.originalLanguage);
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const q = this.search.value.trim();
    await this.practices.load(() =>
      this.api.list({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(this.status.value ? { status: this.status.value } : {}),
      }),
    );
  }
}

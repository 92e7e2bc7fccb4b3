import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { latestLoad } from '@oris/web/core';
import { Chip, Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { indexNames } from './index-names';
import { type PageOf, type Serial, SerialsApi } from './serials-api';
import { serialsMessageKeys } from './serials-problem-keys';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

/** The serials: search by title or ISSN, filter by index or stale evidence, and open one. */
@Component({
  selector: 'oris-serials-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Chip,
    Icon,
    Pager,
    ProblemAlert,
  ],
  templateUrl: './serials-page.html',
  styleUrl: './serials.scss',
})
export class SerialsPage {
  private readonly serialsApi = inject(SerialsApi);
  protected readonly indexes = indexNames();
  protected readonly messageKeys = serialsMessageKeys;

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly indexFilter = new FormControl<string | null>(null);
  protected readonly staleOnly = new FormControl(
    inject(ActivatedRoute).snapshot.queryParamMap.get('stale') === 'true',
    { nonNullable: true },
  );

  private readonly serials = latestLoad<PageOf<Serial>>();
  protected readonly result = this.serials.value;
  protected readonly loading = this.serials.loading;
  protected readonly problem = this.serials.problem;
  private page = 1;

  constructor() {
    merge(
      this.indexFilter.valueChanges,
      this.staleOnly.valueChanges,
      this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const q = this.search.value.trim();
    const index = this.indexFilter.value;
    const stale = this.staleOnly.value;
    await this.serials.load(() =>
      this.serialsApi.serials({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(index ? { index: index as never } : {}),
        ...(stale ? { stale: true } : {}),
      }),
    );
  }
}

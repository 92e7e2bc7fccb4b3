import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  PRACTICE_EVIDENCE_LEVELS,
  PRACTICE_POPULATIONS,
  PRACTICE_THEMES,
  type PracticeEvidenceLevel,
  type PracticePopulation,
  type PracticeTheme,
  type RegionCode,
} from '@oris/shared/domain';
import { LanguageService, latestLoad, RegionsService, translatedPageMeta } from '@oris/web/core';
import { Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { PracticesApi, type PageOf } from '../practices-api';
import { EvidenceBadge } from '../shared/evidence-badge';
import { inLanguage, type PracticeSummary } from '../shared/practice-types';

const PAGE_SIZE = 12;
const SEARCH_DEBOUNCE_MS = 300;

/** `/practices`: the public library of published practice sheets, searchable and filtered. */
@Component({
  selector: 'oris-public-practices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    Pager,
    ProblemAlert,
    EvidenceBadge,
  ],
  templateUrl: './public-practices-page.html',
  styleUrl: './public-practices.scss',
})
export class PublicPracticesPage {
  /** Title, description and link-preview tags, in the server-rendered page too. */
  protected readonly meta = translatedPageMeta('practices.public');
  private readonly api = inject(PracticesApi);
  protected readonly regions = inject(RegionsService);
  protected readonly lang = inject(LanguageService).language;
  protected readonly themes = PRACTICE_THEMES;
  protected readonly populations = PRACTICE_POPULATIONS;
  protected readonly levels = PRACTICE_EVIDENCE_LEVELS;

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly region = new FormControl<RegionCode | null>(null);
  protected readonly theme = new FormControl<PracticeTheme | null>(null);
  protected readonly population = new FormControl<PracticePopulation | null>(null);
  protected readonly level = new FormControl<PracticeEvidenceLevel | null>(null);

  private readonly practices = latestLoad<PageOf<PracticeSummary>>();
  protected readonly result = this.practices.value;
  protected readonly loading = this.practices.loading;
  protected readonly problem = this.practices.problem;
  private page = 1;

  constructor() {
    void this.regions.load().catch(() => undefined);
    merge(
      this.region.valueChanges,
      this.theme.valueChanges,
      this.population.valueChanges,
      this.level.valueChanges,
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

  protected summaryOf(practice: PracticeSummary) {
    return inLanguage(practice.summaries, this.lang(), practice.originalLanguage);
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const q = this.search.value.trim();
    await this.practices.load(() =>
      // Editors would otherwise get every sheet's working state: the library shows what visitors see.
      this.api.list({
        view: 'public',
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(this.region.value ? { region: this.region.value } : {}),
        ...(this.theme.value ? { theme: this.theme.value } : {}),
        ...(this.population.value ? { population: this.population.value } : {}),
        ...(this.level.value ? { evidenceMin: this.level.value } : {}),
      }),
    );
  }
}

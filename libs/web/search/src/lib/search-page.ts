import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type components, unwrap } from '@oris/shared/api-client';
import {
  LanguageService,
  latestLoad,
  ORIS_API,
  RegionsService,
  translatedPageMeta,
} from '@oris/web/core';
import { DayPipe, Icon, Pager, ProblemAlert } from '@oris/web/ui';
import {
  apiQueryOf,
  emptyFilters,
  FACETS,
  paramsOfState,
  stateFromParams,
  toggled,
  type Facet,
  type SearchState,
} from './search-params';

type SearchResult = components['schemas']['SearchResultDto'];
type FacetCount = components['schemas']['FacetCountDto'];

const PAGE_SIZE = 10;

/**
 * The observatory's one search, `/search`, for everyone: practice sheets, tools, publications
 * and trainings found together. Everything it shows comes from its address (`q`, the ticked
 * facet values, the page), so a search can be shared, bookmarked and reloaded; typing and
 * ticking only change the address.
 */
@Component({
  selector: 'oris-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    DayPipe,
    Icon,
    Pager,
    ProblemAlert,
  ],
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
})
export class SearchPage {
  /** Title, description and link-preview tags, in the server-rendered page too. */
  protected readonly meta = translatedPageMeta('search');
  private readonly api = inject(ORIS_API);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly state = computed(() => stateFromParams(this.params()));
  protected readonly query = new FormControl('', { nonNullable: true });

  private readonly search = latestLoad<SearchResult>({ loading: true });
  protected readonly result = this.search.value;
  protected readonly loading = this.search.loading;
  protected readonly problem = this.search.problem;
  protected readonly facets = FACETS;

  constructor() {
    this.regions.load().catch(() => undefined);
    effect(() => {
      const state = this.state();
      const lang = this.language();
      this.query.setValue(state.q, { emitEvent: false });
      void this.search.load(() =>
        unwrap(
          this.api.GET('/api/v1/search', { params: { query: apiQueryOf(state, lang, PAGE_SIZE) } }),
        ),
      );
    });
  }

  /** In the app, the form only changes the address; without JavaScript it is a plain GET. */
  protected submit(event: Event): void {
    event.preventDefault();
    this.go({ ...this.state(), q: this.query.value, page: 1 });
  }

  protected toggle(facet: Facet, value: string): void {
    this.go(toggled(this.state(), facet, value));
  }

  protected clearFilters(): void {
    this.go({ ...this.state(), filters: emptyFilters(), page: 1 });
  }

  protected showPage(page: number): void {
    this.go({ ...this.state(), page });
  }

  protected isTicked(facet: Facet, value: string): boolean {
    return this.state().filters[facet].includes(value);
  }

  protected hasFilters(): boolean {
    return FACETS.some((facet) => this.state().filters[facet].length > 0);
  }

  /** A facet's values with their counts; a ticked value stays listed even at zero. */
  protected countsOf(result: SearchResult, facet: Facet): FacetCount[] {
    const counts = result.facets[facet];
    const missing = this.state()
      .filters[facet].filter((value) => !counts.some((count) => count.value === value))
      .map((value) => ({ value, count: 0 }));
    return [...counts, ...missing];
  }

  /** The translation key of a facet value (regions are named by the regions service). */
  protected labelKeyOf(facet: Facet, value: string): string {
    return `search.${facet}.${value}`;
  }

  private go(state: SearchState): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsOfState(state) });
  }
}

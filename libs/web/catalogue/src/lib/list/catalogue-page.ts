import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  COURSE_THEMES,
  type CourseTheme,
  DELIVERY_MODES,
  type DeliveryMode,
  type Locale,
  LOCALES,
  type RegionCode,
} from '@oris/shared/domain';
import {
  type CourseSummary,
  LanguageService,
  latestLoad,
  type PageOf,
  RegionsService,
  translatedPageMeta,
} from '@oris/web/core';
import { Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, filter, map, merge, type Observable } from 'rxjs';
import { CatalogueApi } from '../catalogue-api';
import {
  apiQuery,
  type CatalogueFilters,
  filtersFromParams,
  hasFilters,
  NO_FILTERS,
  paramsFromFilters,
} from './catalogue-filters';
import { CourseCard } from './course-card';

const SEARCH_DEBOUNCE_MS = 300;

@Component({
  selector: 'oris-catalogue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    ProblemAlert,
    Pager,
    CourseCard,
  ],
  templateUrl: './catalogue-page.html',
  styleUrl: './catalogue-page.scss',
})
export class CataloguePage {
  /** Title, description and link-preview tags, in the server-rendered page too. */
  protected readonly meta = translatedPageMeta('catalogue.list');
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly catalogue = inject(CatalogueApi);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  protected readonly themes = COURSE_THEMES;
  protected readonly modes = DELIVERY_MODES;
  protected readonly languages = LOCALES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    q: [''],
    region: [null as RegionCode | null],
    theme: [null as CourseTheme | null],
    mode: [null as DeliveryMode | null],
    language: [null as Locale | null],
    upcoming: [false],
  });

  protected readonly filters = signal<CatalogueFilters>(NO_FILTERS);
  private readonly courses = latestLoad<PageOf<CourseSummary>>({ forgetOnFailure: true });
  protected readonly result = this.courses.value;
  protected readonly loading = this.courses.loading;
  protected readonly problem = this.courses.problem;
  protected readonly hasFilters = hasFilters;
  private focusResultsOnLoad = false;
  private readonly results = viewChild<ElementRef<HTMLElement>>('results');
  private readonly injector = inject(Injector);

  constructor() {
    this.regions.load().catch(() => undefined);

    // The address bar is the source of truth: Back, Forward and shared links all land here.
    this.route.queryParamMap
      .pipe(map(filtersFromParams), takeUntilDestroyed())
      .subscribe((filters) => {
        this.filters.set(filters);
        const { page: _page, ...fields } = filters;
        this.form.setValue(fields, { emitEvent: false });
        void this.loadCourses();
      });

    const { q, ...choices } = this.form.controls;
    merge(
      q.valueChanges.pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        // Against the address, not the last text typed: the address may have changed meanwhile.
        filter((text) => text.trim() !== this.filters().q),
        map(() => true),
      ),
      merge(
        ...Object.values(choices).map((control) => control.valueChanges as Observable<unknown>),
      ).pipe(map(() => false)),
    )
      .pipe(takeUntilDestroyed())
      .subscribe((typing) => this.showFilters({ ...this.form.getRawValue(), page: 1 }, typing));
  }

  /** Enter in the search box searches at once, without waiting for typing to pause. */
  protected searchNow(): void {
    this.showFilters({ ...this.form.getRawValue(), page: 1 }, false);
  }

  protected showPage(page: number): void {
    // The new page starts at the top: the keyboard goes there too, not to the pager below.
    this.focusResultsOnLoad = true;
    this.showFilters({ ...this.filters(), page }, false);
  }

  protected clearFilters(): void {
    this.showFilters(NO_FILTERS, false);
  }

  protected retry(): void {
    void this.loadCourses();
  }

  /** Puts the filters in the address; the query parameter subscription then loads the page. */
  private showFilters(filters: CatalogueFilters, typing: boolean): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters(filters),
      queryParamsHandling: 'merge',
      // One history entry per search, not one per pause in typing.
      replaceUrl: typing,
    });
  }

  private async loadCourses(): Promise<void> {
    const landed = await this.courses.load(() => this.catalogue.list(apiQuery(this.filters())));
    if (landed && this.focusResultsOnLoad) {
      this.focusResultsOnLoad = false;
      afterNextRender(() => this.results()?.nativeElement.focus(), { injector: this.injector });
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LanguageService, RegionsService, translatedPageMeta } from '@oris/web/core';
import { DayPipe, ProblemAlert } from '@oris/web/ui';
import { formatCount, formatRate } from '../dashboard/indicator-format';
import { InsertionApi } from '../insertion-api';
import type { PublicIndicatorCell, PublicIndicators } from '../shared/insertion-types';

/** A cell's figure as shown publicly: hidden ones show the "hidden" mark, not a number or a blank. */
export interface ShownFigure {
  text: string;
  hidden: boolean;
}

/** One headline card: its figure, or in words why there is none. */
export interface HeadlineCard {
  id: string;
  labelKey: string;
  figure: ShownFigure;
  /** Why no figure is shown (hidden, or no answer yet to make a rate from); null when shown. */
  reasonKey: string | null;
}

/**
 * The headline figures anyone may read, by region and by year of completion, from the latest
 * quarterly release: they stay as published until the next one, whose date the page gives.
 * Cells of fewer than five persons come hidden from the API (a person must not be
 * recognisable), and so do larger ones wherever the published figures together would give a
 * hidden one back. All read the same "hidden" mark, not "< 5" (a complement is not small, and
 * telling the two apart would narrow the hidden values down), with the reasons given once under
 * the tables.
 */
@Component({
  selector: 'oris-public-indicators-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslocoPipe, DayPipe, ProblemAlert],
  templateUrl: './public-indicators-page.html',
  styleUrl: './public-indicators-page.scss',
})
export class PublicIndicatorsPage {
  /** Title, description and link-preview tags, in the server-rendered page too. */
  protected readonly meta = translatedPageMeta('insertion.public');
  private readonly insertion = inject(InsertionApi);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  protected readonly indicators = signal<PublicIndicators | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  /** Nothing released yet: the API answers 404 until the first quarter is out. */
  protected readonly unreleased = signal(false);
  /**
   * The national figures, those that can be shown first: a card never stands empty, a hidden
   * figure says why in words.
   */
  protected readonly headline = computed<HeadlineCard[]>(() => {
    const figures = this.indicators();
    if (!figures) return [];
    const card = (
      id: string,
      labelKey: string,
      figure: ShownFigure,
      value: number | null,
    ): HeadlineCard => ({
      id,
      labelKey,
      figure,
      reasonKey: figure.hidden
        ? 'insertion.public.hiddenCard'
        : value === null
          ? 'insertion.public.noAnswers'
          : null,
    });
    const total = figures.total;
    const cards = [
      card('trained', 'insertion.public.trained', this.count(total, 'trained'), total.trained),
      card('inserted', 'insertion.public.inserted', this.count(total, 'inserted'), total.inserted),
      card(
        'insertion-rate',
        'insertion.public.insertionRate',
        this.rate(total, 'insertionRate'),
        total.insertionRate,
      ),
      card(
        'employment-rate',
        'insertion.public.employmentRate',
        this.rate(total, 'employmentRate'),
        total.employmentRate,
      ),
    ];
    return [
      ...cards.filter((each) => each.reasonKey === null),
      ...cards.filter((each) => each.reasonKey !== null),
    ];
  });
  protected readonly definition = computed(
    () => this.indicators()?.definition[this.language()] ?? '',
  );

  constructor() {
    this.regions.load().catch(() => undefined);
    void this.load();
  }

  protected count(
    cell: PublicIndicatorCell,
    field: 'trained' | 'inserted' | 'employed',
  ): ShownFigure {
    const value = cell[field];
    return value === null && cell.suppressed
      ? this.hidden()
      : { text: formatCount(value, this.language()), hidden: false };
  }

  protected rate(
    cell: PublicIndicatorCell,
    field: 'insertionRate' | 'employmentRate' | 'responseRate',
  ): ShownFigure {
    const value = cell[field];
    return value === null && cell.suppressed
      ? this.hidden()
      : { text: formatRate(value, this.language()), hidden: false };
  }

  protected regionName(key: string): string {
    return this.regions.nameOf(key);
  }

  private hidden(): ShownFigure {
    return { text: '', hidden: true };
  }

  private async load(): Promise<void> {
    try {
      this.indicators.set(await this.insertion.publicIndicators());
      this.problem.set(null);
    } catch (error) {
      const problem = ApiError.from(error);
      if (problem.status === 404) this.unreleased.set(true);
      else this.problem.set(problem);
    }
  }
}

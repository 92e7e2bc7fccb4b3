import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, latestLoad, translatedPageMeta } from '@oris/web/core';
import { DayPipe, ProblemAlert } from '@oris/web/ui';
import { ImpactApi } from '../shared/impact-api';
import { formatCount, formatMoment, formatShare, isShare } from '../shared/impact-format';
import type { PublicImpact, PublicImpactIndicator } from '../shared/impact-types';

/**
 * The four impact indicators by year, for anyone, from the frozen yearly reports only (the
 * latest version of each year, a restatement said so). Persons are never countable: an
 * insertion count under five persons, or one that would give such a count away, reads "hidden"
 * in words. The open data files come with their licence.
 */
@Component({
  selector: 'oris-public-impact-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslocoPipe, DayPipe, ProblemAlert],
  templateUrl: './public-impact-page.html',
  styleUrl: './public-impact-page.scss',
})
export class PublicImpactPage {
  /** Title, description and link-preview tags, in the server-rendered page too. */
  protected readonly meta = translatedPageMeta('impact.public');
  private readonly api = inject(ImpactApi);
  protected readonly language = inject(LanguageService).language;
  protected readonly impact = latestLoad<PublicImpact>({ loading: true });
  protected readonly newestFirst = computed(() =>
    [...(this.impact.value()?.years ?? [])].reverse(),
  );
  protected readonly csvUrl = this.api.openDataUrl('csv');
  protected readonly jsonUrl = this.api.openDataUrl('json');

  constructor() {
    void this.impact.load(() => this.api.publicImpact());
  }

  protected count(value: number | null): string {
    return formatCount(value, this.language());
  }

  protected moment(instant: string): string {
    return formatMoment(instant, this.language());
  }

  protected companionText(key: string, value: number | null): string {
    return isShare(key) ? formatShare(value, this.language()) : this.count(value);
  }

  /** The insertion cell's companions worth a sentence: counts and the insertion rate. */
  protected shownCompanions(indicator: PublicImpactIndicator): PublicImpactIndicator['companions'] {
    return indicator.indicator === 'insertion'
      ? indicator.companions.filter((companion) =>
          ['trained', 'responded', 'insertionRate'].includes(companion.key),
        )
      : [];
  }
}

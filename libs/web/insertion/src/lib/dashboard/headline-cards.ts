import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@oris/shared/domain';
import type { Indicator } from '../shared/insertion-types';
import { formatCount, formatRate } from './indicator-format';

/** One headline figure: its label, the number in words of the reader's language, what it counts. */
export interface HeadlineCard {
  labelKey: string;
  value: string;
  /** For a rate: its n, the count it is computed on. */
  n?: string;
  detailKey: string;
  params: Record<string, string | number>;
}

/**
 * The headline figures of the totals: how many were trained and inserted, and each rate with its
 * n. `horizon` is the horizon in the reader's words (Arabic words it differently by number).
 */
export function headlineCards(
  totals: Indicator,
  language: Locale,
  horizon: string,
): HeadlineCard[] {
  const count = (value: number) => formatCount(value, language);
  const months = String(totals.filters.months);
  return [
    {
      labelKey: 'insertion.dashboard.cards.trained',
      value: count(totals.trained),
      detailKey: 'insertion.dashboard.cards.trainedDetail',
      params: { eligible: totals.eligible, months, horizon },
    },
    {
      labelKey: 'insertion.dashboard.cards.inserted',
      value: count(totals.inserted),
      detailKey: 'insertion.dashboard.cards.insertedDetail',
      params: { employed: totals.employed, months, horizon },
    },
    {
      labelKey: 'insertion.dashboard.cards.insertionRate',
      value: formatRate(totals.insertionRate, language),
      n: count(totals.responded),
      detailKey: 'insertion.dashboard.cards.insertionRateDetail',
      params: {
        inserted: totals.inserted,
        responded: totals.responded,
        months,
        horizon,
      },
    },
    {
      labelKey: 'insertion.dashboard.cards.employmentRate',
      value: formatRate(totals.employmentRate, language),
      n: count(totals.responded),
      detailKey: 'insertion.dashboard.cards.employmentRateDetail',
      params: {
        employed: totals.employed,
        responded: totals.responded,
        months,
        horizon,
      },
    },
    {
      labelKey: 'insertion.dashboard.cards.responseRate',
      value: formatRate(totals.responseRate, language),
      n: count(totals.eligible),
      detailKey: 'insertion.dashboard.cards.responseRateDetail',
      params: { responded: totals.responded, eligible: totals.eligible },
    },
    {
      labelKey: 'insertion.dashboard.cards.lowerBound',
      value: formatRate(totals.lowerBoundRate, language),
      n: count(totals.eligible),
      detailKey: 'insertion.dashboard.cards.lowerBoundDetail',
      params: { inserted: totals.inserted, eligible: totals.eligible },
    },
  ];
}

/** The dashboard's headline figures, one card each. */
@Component({
  selector: 'oris-headline-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <ul class="cards">
      @for (card of cards(); track card.labelKey) {
        <li class="card">
          <span class="card-label">{{ card.labelKey | transloco: card.params }}</span>
          <span class="card-value" [attr.data-card]="card.labelKey">{{ card.value }}</span>
          @if (card.n) {
            <span class="card-n">{{ 'insertion.dashboard.n' | transloco: { n: card.n } }}</span>
          }
          <span class="card-detail">{{ card.detailKey | transloco: card.params }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .cards {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 12px;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .card-label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .card-value {
      font: var(--mat-sys-headline-medium);
      font-variant-numeric: tabular-nums;
    }
    .card-n {
      font: var(--mat-sys-label-medium);
      font-variant-numeric: tabular-nums;
    }
    .card-detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .card {
        break-inside: avoid;
        background: none;
      }
    }
  `,
})
export class HeadlineCards {
  readonly cards = input.required<readonly HeadlineCard[]>();
}

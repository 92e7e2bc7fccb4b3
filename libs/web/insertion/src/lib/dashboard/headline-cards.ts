import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** One headline figure: its label, the number in words of the reader's language, what it counts. */
export interface HeadlineCard {
  labelKey: string;
  value: string;
  /** For a rate: its n, the count it is computed on. */
  n?: string;
  detailKey: string;
  params: Record<string, string | number>;
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

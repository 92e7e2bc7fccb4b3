import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * How a chip is coloured. Colour only reinforces the words inside it (never the only signal),
 * and each tone pairs a container colour with its "on" colour, so contrast holds in every theme.
 */
export type ChipTone = 'quiet' | 'positive' | 'active' | 'waiting' | 'done' | 'ended' | 'alert';

/** A small status label: the features decide the words and the tone. */
@Component({
  selector: 'oris-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"tone-" + tone()' },
  template: `<ng-content />`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      border: 1px solid transparent;
    }
    :host(.tone-quiet) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      border-color: var(--mat-sys-outline-variant);
    }
    :host(.tone-positive) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.tone-active),
    :host(.tone-waiting) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.tone-done) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host(.tone-ended) {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      border-color: var(--mat-sys-outline-variant);
    }
    :host(.tone-alert) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class Chip {
  readonly tone = input.required<ChipTone>();
}

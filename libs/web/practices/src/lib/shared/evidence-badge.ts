import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PracticeEvidenceLevel } from '@oris/shared/domain';

/** The evidence level as words and a number ("Niveau 3 sur 5 · Causalité démontrée"), never a colour alone. */
@Component({
  selector: 'oris-evidence-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <span class="badge">
      <span class="level" aria-hidden="true">{{ level() }}</span>
      {{ 'practices.evidence.badge' | transloco: { level: level() } }} ·
      {{ 'practices.evidence.' + level() + '.label' | transloco }}
    </span>
  `,
  styles: `
    .badge {
      display: inline-flex;
      gap: 6px;
      align-items: center;
      padding-block: 2px;
      padding-inline: 2px 10px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    .level {
      display: inline-grid;
      place-items: center;
      inline-size: 24px;
      block-size: 24px;
      border-radius: 50%;
      background: var(--mat-sys-secondary);
      color: var(--mat-sys-on-secondary);
    }
  `,
})
export class EvidenceBadge {
  readonly level = input.required<PracticeEvidenceLevel>();
}

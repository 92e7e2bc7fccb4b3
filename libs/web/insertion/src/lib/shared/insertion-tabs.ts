import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

interface Tab {
  path: string;
  labelKey: string;
}

const TABS: readonly Tab[] = [
  { path: '/insertion/dashboard', labelKey: 'insertion.tabs.dashboard' },
  { path: '/insertion/to-follow', labelKey: 'insertion.tabs.toFollow' },
  { path: '/insertion/followups', labelKey: 'insertion.tabs.followups' },
  { path: '/insertion/rectification-requests', labelKey: 'insertion.tabs.rectification' },
  { path: '/insertion/placements', labelKey: 'insertion.tabs.placements' },
  { path: '/insertion/organisations', labelKey: 'insertion.tabs.organisations' },
];

/** The officers' pages, one click apart: the main menu holds a single entry for all of them. */
@Component({
  selector: 'oris-insertion-tabs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  template: `
    <nav class="tabs" [attr.aria-label]="'insertion.tabs.label' | transloco">
      @for (tab of tabs; track tab.path) {
        <a [routerLink]="tab.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{
          tab.labelKey | transloco
        }}</a>
      }
    </nav>
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-block-end: 16px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      padding: 8px 12px;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      border-block-end: 3px solid transparent;
    }
    a:hover,
    a:focus-visible {
      color: var(--mat-sys-on-surface);
    }
    a.active {
      color: var(--mat-sys-primary);
      border-block-end-color: var(--mat-sys-primary);
      font-weight: 500;
    }
    @media print {
      .tabs {
        display: none;
      }
    }
  `,
})
export class InsertionTabs {
  protected readonly tabs = TABS;
}

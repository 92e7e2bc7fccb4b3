import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';

/** Previous / next through a paginated list, with where one is ("Page 2 of 5"). */
@Component({
  selector: 'oris-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe],
  template: `
    @if (pages() > 1) {
      <nav class="pager" [attr.aria-label]="'catalogue.pager.label' | transloco">
        <button
          mat-stroked-button
          type="button"
          [disabled]="page() <= 1"
          (click)="pageChange.emit(page() - 1)"
        >
          {{ 'catalogue.pager.previous' | transloco }}
        </button>
        <span class="position">
          {{ 'catalogue.pager.position' | transloco: { page: page(), pages: pages() } }}
        </span>
        <button
          mat-stroked-button
          type="button"
          [disabled]="page() >= pages()"
          (click)="pageChange.emit(page() + 1)"
        >
          {{ 'catalogue.pager.next' | transloco }}
        </button>
      </nav>
    }
  `,
  styles: `
    .pager {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      justify-content: center;
      padding-block: 16px;
    }
    .position {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class Pager {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  readonly pageChange = output<number>();

  protected readonly pages = computed(() =>
    Math.max(1, Math.ceil(this.total() / Math.max(1, this.pageSize()))),
  );
}

import { DestroyRef, inject, Injectable, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

/** Material's paginator labels, in the interface language. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    const subscription = this.transloco
      .selectTranslateObject('paginator')
      .subscribe((labels: Record<string, string>) => {
        this.itemsPerPageLabel = labels['itemsPerPage'];
        this.nextPageLabel = labels['next'];
        this.previousPageLabel = labels['previous'];
        this.firstPageLabel = labels['first'];
        this.lastPageLabel = labels['last'];
        this.changes.next();
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return this.transloco.translate('paginator.empty');
    const from = page * pageSize + 1;
    const to = Math.min((page + 1) * pageSize, length);
    return this.transloco.translate('paginator.range', { from, to, length });
  };
}

export function providePaginatorTranslations(): Provider {
  return { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl };
}

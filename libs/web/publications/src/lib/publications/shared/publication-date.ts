import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LanguageService } from '@oris/web/core';
import { formatDay, formatMonth } from '@oris/web/ui';

/** A publication date at its precision: a year alone, a month, or a day. */
@Component({
  selector: 'oris-publication-date',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<time [attr.datetime]="machine()">{{ shown() }}</time>`,
})
export class PublicationDate {
  readonly publication = input.required<{ publishedOn: string; publishedOnPrecision: string }>();
  private readonly language = inject(LanguageService).language;
  protected readonly machine = computed(() => {
    const { publishedOn, publishedOnPrecision } = this.publication();
    return publishedOnPrecision === 'year'
      ? publishedOn.slice(0, 4)
      : publishedOnPrecision === 'month'
        ? publishedOn.slice(0, 7)
        : publishedOn;
  });
  protected readonly shown = computed(() => {
    const { publishedOn, publishedOnPrecision } = this.publication();
    if (publishedOnPrecision === 'year') return publishedOn.slice(0, 4);
    if (publishedOnPrecision === 'month')
      return formatMonth(publishedOn.slice(0, 7), this.language());
    return formatDay(publishedOn, this.language());
  });
}

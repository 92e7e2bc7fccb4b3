import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  isLocale,
  LanguageService,
  latestLoad,
  pageMeta,
  RegionsService,
  structuredData,
} from '@oris/web/core';
import {
  LOCALES,
  PRACTICE_TEXT_FIELDS,
  type Locale,
  type PracticeTextField,
} from '@oris/shared/domain';
import { DayPipe, Icon, intlLocale, ProblemAlert } from '@oris/web/ui';
import { map } from 'rxjs';
import { PracticesApi, practicePdfUrl } from '../practices-api';
import { EvidenceBadge } from '../shared/evidence-badge';
import {
  namedLinks,
  textsOf,
  type Practice,
  type PracticeLinkedItem,
} from '../shared/practice-types';
import { practiceMessageKeys } from '../shared/problem-keys';
import { languagesOf } from './practice-meta';

/** The title and summary head the page; the other texts follow in reading order. */
const BODY_FIELDS = PRACTICE_TEXT_FIELDS.filter(
  (field) => field !== 'title' && field !== 'summary',
);
/** Where a linked item is read publicly (partnerships have no public page). */
const PUBLIC_PATHS: Partial<Record<PracticeLinkedItem['kind'], string>> = {
  tool: '/tools',
  publication: '/publications',
  course: '/catalogue',
};

/**
 * `/practices/:slug`: a published sheet for anyone, in the visitor's language when translated,
 * else in its original language with a notice; `?lang=` picks a language explicitly (a stable,
 * shareable URL per language). Schema.org JSON-LD and Open Graph tags, removed on leaving.
 */
@Component({
  selector: 'oris-public-practice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    DayPipe,
    Icon,
    ProblemAlert,
    EvidenceBadge,
  ],
  templateUrl: './public-practice-page.html',
  styleUrl: './public-practices.scss',
})
export class PublicPracticePage {
  private readonly api = inject(PracticesApi);
  private readonly meta = pageMeta();
  private readonly jsonLd = structuredData();
  private readonly route = inject(ActivatedRoute);
  protected readonly regions = inject(RegionsService);
  protected readonly lang = inject(LanguageService).language;
  protected readonly bodyFields = BODY_FIELDS;
  protected readonly messageKeys = practiceMessageKeys;

  private readonly record = latestLoad<Practice>({ loading: true, forgetOnFailure: true });
  protected readonly sheet = this.record.value;
  protected readonly loading = this.record.loading;
  protected readonly problem = this.record.problem;
  /** What the sheet links to and the public may read, named by the API with the sheet. */
  protected readonly linked = computed<PracticeLinkedItem[]>(() => {
    const sheet = this.sheet();
    return sheet ? namedLinks(sheet, this.lang()) : [];
  });
  private readonly requested = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.get('lang'))),
    { initialValue: null },
  );

  /** The languages the sheet is written in, the original first. */
  protected readonly available = computed(() => {
    const sheet = this.sheet();
    return sheet ? languagesOf(sheet) : [];
  });
  /** The language shown: asked for in the URL, else the interface's, else the original. */
  protected readonly shown = computed<Locale>(() => {
    const available = this.available();
    const requested = this.requested();
    if (requested && isLocale(requested) && available.includes(requested)) return requested;
    if (available.includes(this.lang())) return this.lang();
    return available[0] ?? this.lang();
  });
  /** True when the visitor's language has no translation and the original is shown instead. */
  protected readonly untranslated = computed(
    () => !!this.sheet() && !this.available().includes(this.lang()),
  );
  protected readonly pdfUrl = computed(() => {
    const sheet = this.sheet();
    if (!sheet) return '';
    const shown = this.shown();
    const second = shown === sheet.originalLanguage ? this.available()[1] : shown;
    return practicePdfUrl(sheet.slug, second ? [sheet.originalLanguage, second] : [shown]);
  });

  constructor() {
    this.route.paramMap
      .pipe(takeUntilDestroyed())
      .subscribe((params) => void this.load(params.get('slug') ?? ''));
    void this.regions.load().catch(() => undefined);
  }

  protected text(field: PracticeTextField): string {
    const sheet = this.sheet();
    return sheet ? (textsOf(sheet)[this.shown()]?.[field]?.trim() ?? '') : '';
  }

  protected justification(sheet: Practice): string {
    return (
      sheet.evidenceJustification[this.shown()] ??
      sheet.evidenceJustification[sheet.originalLanguage] ??
      ''
    );
  }

  protected figureLabel(label: Record<string, string>, sheet: Practice): string {
    return label[this.shown()] ?? label[sheet.originalLanguage] ?? Object.values(label)[0] ?? '';
  }

  protected mad(amount: number): string {
    return new Intl.NumberFormat(intlLocale(this.lang()), {
      style: 'currency',
      currency: 'MAD',
      maximumFractionDigits: 0,
    }).format(amount);
  }

  protected number(value: number): string {
    return new Intl.NumberFormat(intlLocale(this.lang())).format(value);
  }

  protected linksOf(kind: PracticeLinkedItem['kind']) {
    return this.linked().filter((item) => item.kind === kind);
  }

  protected publicPath(item: PracticeLinkedItem): string | null {
    const base = PUBLIC_PATHS[item.kind];
    return base ? `${base}/${item.id}` : null;
  }

  protected roleLine(contact: Practice['contacts'][number]): string {
    return [contact.role, contact.organisation].filter((part) => !!part).join(' · ');
  }

  protected readonly locales = LOCALES;

  private async load(slug: string): Promise<void> {
    this.clearTags();
    const ok = await this.record.load(() => this.api.getPublished(slug));
    const sheet = this.sheet();
    if (!ok || !sheet) return;
    this.setTags(sheet);
  }

  private setTags(sheet: Practice): void {
    const texts = textsOf(sheet);
    const shown = texts[this.shown()] ?? texts[sheet.originalLanguage] ?? {};
    this.meta.describe({
      title: shown.title ?? '',
      description: shown.summary,
      type: 'article',
      locale: this.shown(),
      alternateLocales: this.available(),
      publishedOn: sheet.publishedOn,
    });
    // The API describes the published version (canonical URL, public links only).
    if (sheet.jsonLd) this.jsonLd.describe(sheet.jsonLd);
  }

  private clearTags(): void {
    this.meta.clear();
    this.jsonLd.clear();
  }
}

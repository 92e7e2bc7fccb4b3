import { DestroyRef, DOCUMENT, inject, Injectable } from '@angular/core';
import { Meta } from '@angular/platform-browser';
import { TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@oris/shared/domain';
import { combineLatest, of, type Subscription } from 'rxjs';
import { TranslatedTitleStrategy } from '../i18n/translated-title-strategy';

/** What a public page says about itself to search engines and link previews. */
export interface PageDescription {
  /** The page's name: the tab's title ("<name> · <app name>", as pageTitleFrom) and og:title. */
  title: string;
  description?: string;
  /** Open Graph type: `website` unless the page is one record (`article`). */
  type?: 'website' | 'article';
  /** The language shown, and the others the same URL is readable in (`?lang=`). */
  locale?: Locale;
  alternateLocales?: readonly Locale[];
  /** ISO date the record was published on (`article:published_time`). */
  publishedOn?: string | null;
}

const SITE_NAME = 'ORIS Academy';
const OG_LOCALES: Record<Locale, string> = { fr: 'fr_FR', ar: 'ar_MA', en: 'en_GB' };
const DESCRIPTION_LIMIT = 300;
/** index.html's description, for the pages that say nothing more specific. */
const DEFAULT_DESCRIPTION =
  "ORIS Academy : formations, certificats et suivi de l'insertion professionnelle de " +
  "l'Observatoire Régional de l'Innovation Sociale.";

/**
 * The one way a public page sets its title, description, Open Graph tags and canonical link, in
 * the browser and in server-side rendering alike (so shared links preview without JavaScript).
 * The canonical URL is the page's own without query or fragment, except a `lang` it was asked in.
 * `structuredData()` adds the schema.org description next to it.
 */
@Injectable({ providedIn: 'root' })
export class PageMeta {
  private readonly meta = inject(Meta);
  private readonly titles = inject(TranslatedTitleStrategy);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private translating: Subscription | null = null;

  describe(page: PageDescription): void {
    this.clear();
    this.apply(page);
  }

  /**
   * Describes a page whose title and description are translation keys (a list page), in the
   * interface language, following it when it changes.
   */
  describeTranslated(keys: { title: string; description?: string }): void {
    this.clear();
    this.translating = combineLatest([
      this.transloco.selectTranslate<string>(keys.title),
      keys.description ? this.transloco.selectTranslate<string>(keys.description) : of(undefined),
    ]).subscribe(([title, description]) => {
      this.removeTags();
      this.apply({ title, description });
    });
  }

  /** Removes what `describe` added; the route's title and the site's description come back. */
  clear(): void {
    this.translating?.unsubscribe();
    this.translating = null;
    this.titles.showPageName(null);
    this.removeTags();
  }

  private apply(page: PageDescription): void {
    const url = this.canonicalUrl();
    const description = page.description?.trim().slice(0, DESCRIPTION_LIMIT);
    this.titles.showPageName(page.title);
    this.meta.updateTag({ name: 'description', content: description || DEFAULT_DESCRIPTION });
    const tags: [string, string][] = [
      ['og:type', page.type ?? 'website'],
      ['og:title', page.title],
      ['og:url', url],
      ['og:site_name', SITE_NAME],
    ];
    if (description) tags.push(['og:description', description]);
    if (page.locale) tags.push(['og:locale', OG_LOCALES[page.locale]]);
    for (const other of page.alternateLocales ?? []) {
      if (other !== page.locale) tags.push(['og:locale:alternate', OG_LOCALES[other]]);
    }
    if (page.publishedOn) tags.push(['article:published_time', page.publishedOn]);
    for (const [property, content] of tags) this.meta.addTag({ property, content });
    this.meta.updateTag({ name: 'twitter:card', content: 'summary' });
    this.canonicalLink().href = url;
  }

  private removeTags(): void {
    this.meta.updateTag({ name: 'description', content: DEFAULT_DESCRIPTION });
    for (const selector of ['property^="og:"', 'property^="article:"', 'name="twitter:card"']) {
      for (const element of this.meta.getTags(selector)) this.meta.removeTagElement(element);
    }
    this.document.head.querySelector('link[rel="canonical"]')?.remove();
  }

  /** The URL a page is shared and indexed under. */
  canonicalUrl(): string {
    const location = this.document.location;
    if (!location?.href) return '';
    const url = new URL(location.href);
    const lang = url.searchParams.get('lang');
    url.search = lang ? `?lang=${encodeURIComponent(lang)}` : '';
    url.hash = '';
    return url.href;
  }

  private canonicalLink(): HTMLLinkElement {
    const link = this.document.createElement('link');
    link.rel = 'canonical';
    this.document.head.appendChild(link);
    return link;
  }
}

/**
 * The page's `PageMeta`, cleared when the calling component goes (as `structuredData()`). Call it
 * in an injection context (a field initialiser).
 */
export function pageMeta(): PageMeta {
  const meta = inject(PageMeta);
  inject(DestroyRef).onDestroy(() => meta.clear());
  return meta;
}

/**
 * A list page's `PageMeta`, described by its translations `<namespace>.title` and
 * `<namespace>.lead` in the interface language, cleared when the page goes.
 */
export function translatedPageMeta(namespace: string): PageMeta {
  const meta = pageMeta();
  meta.describeTranslated({ title: `${namespace}.title`, description: `${namespace}.lead` });
  return meta;
}

import type { Locale } from '@oris/shared/domain';
import { textsOf, type Practice } from '../shared/practice-types';

/** A `<meta property content>` pair of the Open Graph protocol. */
export interface OpenGraphTag {
  property: string;
  content: string;
}

const OG_LOCALES: Record<Locale, string> = { fr: 'fr_FR', ar: 'ar_MA', en: 'en_GB' };

/** The languages the sheet is readable in, the original first. */
export const languagesOf = (sheet: Pick<Practice, 'originalLanguage' | 'texts'>): Locale[] => {
  const texts = textsOf(sheet);
  return [
    sheet.originalLanguage,
    ...(['fr', 'ar', 'en'] as const).filter(
      (language) => language !== sheet.originalLanguage && texts[language]?.title,
    ),
  ];
};

/** Open Graph tags of the sheet in the language shown (its translations as alternates). */
export function openGraphTags(sheet: Practice, shown: Locale, pageUrl: string): OpenGraphTag[] {
  const all = textsOf(sheet);
  const texts = all[shown] ?? all[sheet.originalLanguage] ?? {};
  const tags: OpenGraphTag[] = [
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: texts.title ?? '' },
    { property: 'og:url', content: pageUrl },
    { property: 'og:site_name', content: 'ORIS' },
    { property: 'og:locale', content: OG_LOCALES[shown] },
  ];
  if (texts.summary)
    tags.push({ property: 'og:description', content: texts.summary.slice(0, 300) });
  for (const language of languagesOf(sheet).filter((language) => language !== shown)) {
    tags.push({ property: 'og:locale:alternate', content: OG_LOCALES[language] });
  }
  if (sheet.publishedOn)
    tags.push({ property: 'article:published_time', content: sheet.publishedOn });
  return tags;
}

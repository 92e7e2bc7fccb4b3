import type { Locale } from '@oris/shared/domain';
import { textsOf, type Practice } from '../shared/practice-types';

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

/**
 * The sheet as schema.org `HowTo` (a `CreativeWork` telling how to deliver an intervention), for
 * search engines: name and description per language, where, for whom, cost, evidence, editions.
 */
export function practiceJsonLd(sheet: Practice, pageUrl: string): Record<string, unknown> {
  const texts = textsOf(sheet);
  const original = texts[sheet.originalLanguage] ?? {};
  const translations = languagesOf(sheet).slice(1);
  return {
    '@context': 'https://schema.org',
    '@type': 'HowTo',
    '@id': pageUrl,
    url: pageUrl,
    name: original.title,
    ...(translations.length && {
      alternateName: translations.map((language) => texts[language]?.title),
    }),
    ...(original.summary && { description: original.summary }),
    inLanguage: languagesOf(sheet),
    ...(translations.length && {
      workTranslation: translations.map((language) => ({
        '@type': 'CreativeWork',
        name: texts[language]?.title,
        inLanguage: language,
      })),
    }),
    version: sheet.publishedVersion ?? sheet.version,
    ...(sheet.publishedOn && { datePublished: sheet.publishedOn }),
    keywords: sheet.themes.join(', '),
    spatialCoverage: sheet.regions.map((code) => ({
      '@type': 'AdministrativeArea',
      identifier: code,
    })),
    audience: sheet.populations.map((population) => ({
      '@type': 'Audience',
      audienceType: population,
    })),
    ...(sheet.totalCostMad !== null && {
      estimatedCost: { '@type': 'MonetaryAmount', currency: 'MAD', value: sheet.totalCostMad },
    }),
    ...(sheet.startYear !== null && {
      temporalCoverage: `${sheet.startYear}/${sheet.endYear ?? '..'}`,
    }),
    // The evidence level (1–5) as a review of the sheet by ORIS.
    review: {
      '@type': 'Review',
      author: { '@type': 'Organization', name: 'ORIS' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: sheet.evidenceLevel,
        bestRating: 5,
        worstRating: 1,
      },
      ...(sheet.evidenceJustification[sheet.originalLanguage] && {
        reviewBody: sheet.evidenceJustification[sheet.originalLanguage],
      }),
    },
    publisher: { '@type': 'Organization', name: 'ORIS' },
  };
}

import { ORIS_NAME_AR, ORIS_NAME_FR } from '@oris/api/pdf';
import {
  importValueLabel,
  type Locale,
  type PracticeTextField,
  type PublishedPracticeSheet,
} from '@oris/shared/domain';
import { PRINT_EVIDENCE_LEVELS, PRINT_POPULATIONS, PRINT_THEMES } from './practice-print-labels';

/** A JSON-LD value: what `practiceJsonLd` returns, ready for `JSON.stringify`. */
export type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | null | JsonLd | JsonLdValue[];

/** ISO 3166-2 names of Morocco's regions are their codes (`MA-09`): the identifier printed. */
const text = (sheet: PublishedPracticeSheet, language: Locale, field: PracticeTextField) =>
  sheet.texts[language]?.[field]?.trim() || undefined;

/** The sheet's languages that carry a title: the original first, then the translations. */
function languagesOf(sheet: PublishedPracticeSheet): Locale[] {
  const others = (Object.keys(sheet.texts) as Locale[])
    .filter((language) => language !== sheet.originalLanguage && text(sheet, language, 'title'))
    .sort();
  return text(sheet, sheet.originalLanguage, 'title')
    ? [sheet.originalLanguage, ...others]
    : others;
}

/** A plain-text value per language, as JSON-LD language-tagged strings. */
function tagged(values: Partial<Record<Locale, string | undefined>>, order: Locale[]): JsonLd[] {
  return order.flatMap((language) => {
    const value = values[language]?.trim();
    return value ? [{ '@language': language, '@value': value }] : [];
  });
}

/**
 * The schema.org description of a published practice sheet (a `CreativeWork`): what the public
 * page embeds in `<script type="application/ld+json">` and the API can serve, from the same
 * input as the PDF. Pure: no clock, no configuration. Texts are language-tagged; the original
 * language is the work's `inLanguage`, and each translation is a `workTranslation` (pointing back
 * with `translationOfWork`) at the page's URL in that language when `translationUrl` gives one.
 */
export function practiceJsonLd(
  sheet: PublishedPracticeSheet,
  translationUrl: (language: Locale) => string | null = () => null,
): JsonLd {
  const languages = languagesOf(sheet);
  const original = sheet.originalLanguage;
  const publisher: JsonLd = {
    '@type': 'Organization',
    name: [
      { '@language': 'fr', '@value': ORIS_NAME_FR },
      { '@language': 'ar', '@value': ORIS_NAME_AR },
    ],
    alternateName: 'ORIS',
  };
  const titles = (field: PracticeTextField) =>
    tagged(
      Object.fromEntries(languages.map((language) => [language, text(sheet, language, field)])),
      languages,
    );
  const about: JsonLd[] = [
    ...sheet.themes.map((theme) => ({
      '@type': 'DefinedTerm',
      termCode: theme,
      name: tagged(PRINT_THEMES[theme], ['fr', 'ar', 'en']),
    })),
    ...sheet.populations.map((population) => ({
      '@type': 'DefinedTerm',
      termCode: population,
      name: tagged(PRINT_POPULATIONS[population], ['fr', 'ar', 'en']),
    })),
  ];
  const level = PRINT_EVIDENCE_LEVELS[sheet.evidenceLevel];
  const work: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': sheet.url,
    url: sheet.url,
    identifier: sheet.id,
    version: String(sheet.version),
    name: titles('title'),
    abstract: titles('summary'),
    inLanguage: original,
    datePublished: sheet.publishedOn,
    dateModified: sheet.publishedOn,
    isAccessibleForFree: true,
    publisher,
    about,
    spatialCoverage: sheet.regions.map((code) => ({
      '@type': 'AdministrativeArea',
      identifier: code,
      name: tagged(
        {
          fr: importValueLabel('regionCode', code, 'fr'),
          ar: importValueLabel('regionCode', code, 'ar'),
          en: importValueLabel('regionCode', code, 'en'),
        },
        ['fr', 'ar', 'en'],
      ),
      containedInPlace: { '@type': 'Country', name: 'Morocco', identifier: 'MA' },
    })),
    additionalProperty: [
      {
        '@type': 'PropertyValue',
        propertyID: 'evidenceLevel',
        value: sheet.evidenceLevel,
        maxValue: 5,
        description: tagged(level.name, ['fr', 'ar', 'en']),
      },
    ],
  };
  if (sheet.startYear !== null) {
    work['temporalCoverage'] = `${sheet.startYear}/${sheet.endYear ?? '..'}`;
  }
  const translations = languages
    .filter((language) => language !== original && sheet.translatedLanguages.includes(language))
    .map((language): JsonLd => {
      const url = translationUrl(language);
      return {
        '@type': 'CreativeWork',
        ...(url ? { '@id': url, url } : {}),
        name: tagged({ [language]: text(sheet, language, 'title') }, [language]),
        inLanguage: language,
        translationOfWork: { '@id': sheet.url },
        publisher: { '@type': 'Organization', alternateName: 'ORIS' },
      };
    });
  if (translations.length) work['workTranslation'] = translations;
  return work;
}

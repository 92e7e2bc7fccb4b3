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

/** A public record the sheet links to, with its public page's absolute URL. */
export interface JsonLdLink {
  kind: 'tool' | 'publication' | 'course';
  title: string;
  url: string;
}

/** A figure of the sheet as a `PropertyValue`, or nothing when the sheet does not give it. */
const figure = (propertyID: string, value: number | null, unitText: string | null): JsonLd[] =>
  value === null
    ? []
    : [{ '@type': 'PropertyValue', propertyID, value, ...(unitText ? { unitText } : {}) }];

/** A text field of the sheet in one language, or nothing when it is empty. */
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
 * The schema.org description of a published practice sheet, the one the public page embeds in
 * `<script type="application/ld+json">` (the API serves it with the public sheet), from the same
 * input as the PDF. Pure: no clock, no configuration.
 *
 * A `CreativeWork`, not a `HowTo`: a sheet documents an intervention model (problem, territory,
 * populations, results, an assessed evidence level), it is not a list of steps with tools and
 * supplies, so HowTo would promise search engines a recipe the page does not hold. The themes
 * and the populations the intervention serves are what the work is `about` (they are not its
 * readers, so not its `audience`); the regions its `spatialCoverage`; the publications it rests
 * on `isBasedOn`; the tools and courses it names `mentions`. Texts are language-tagged; the
 * original language is the work's `inLanguage`, and each translation is a `workTranslation`
 * (pointing back with `translationOfWork`) at the page's URL in that language when
 * `translationUrl` gives one.
 */
export function practiceJsonLd(
  sheet: PublishedPracticeSheet,
  translationUrl: (language: Locale) => string | null = () => null,
  links: readonly JsonLdLink[] = [],
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
      // ISO 3166-2 codes of Morocco's regions (MA-09).
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
      // Cost and reach, when the sheet gives them (a CreativeWork has no `estimatedCost`).
      ...figure('totalCost', sheet.totalCostMad, 'MAD'),
      ...figure('costPerBeneficiary', sheet.costPerBeneficiaryMad, 'MAD'),
      ...figure('beneficiaries', sheet.beneficiaries, null),
    ],
  };
  const linked = (kinds: JsonLdLink['kind'][]) =>
    links
      .filter((link) => kinds.includes(link.kind))
      .map((link): JsonLd => ({
        '@type': link.kind === 'course' ? 'Course' : 'CreativeWork',
        name: link.title,
        url: link.url,
      }));
  const basedOn = linked(['publication']);
  if (basedOn.length) work['isBasedOn'] = basedOn;
  const mentions = linked(['tool', 'course']);
  if (mentions.length) work['mentions'] = mentions;
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

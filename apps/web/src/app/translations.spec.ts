import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '@oris/shared/domain';
import { resolveIcu } from '@oris/web/core';

type Messages = Map<string, string>;

function flatten(tree: Record<string, unknown>, prefix = '', into: Messages = new Map()): Messages {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value as Record<string, unknown>, path, into);
  }
  return into;
}

const files = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    flatten(JSON.parse(readFileSync(join(__dirname, `../../public/i18n/${locale}.json`), 'utf8'))),
  ]),
) as Record<Locale, Messages>;

/** Every parameter a message uses: `{{name}}`, `{name, plural, …}`, `{name, number}`. */
function parametersOf(message: string): string[] {
  const names = [...message.matchAll(/\{\{\s*(\w+)\s*\}\}|\{\s*(\w+)\s*,\s*(?:plural|number)\b/g)];
  return [...new Set(names.map((match) => match[1] ?? match[2]))].sort();
}

// Parameters that carry a count. A count written before a word that agrees with it ("1
// confirmées", "3 ساعة") must go through an ICU plural; before a word that never agrees with it
// ("3 sur 10", "3 من أصل 10", "3 h") it may stay a plain placeholder.
const COUNTS = new Set([
  'attended',
  'capacity',
  'completed',
  'confirmed',
  'count',
  'done',
  'eligible',
  'employed',
  'failed',
  'held',
  'hours',
  'inserted',
  'max',
  'min',
  'minimum',
  'minutes',
  'months',
  'newPeople',
  'present',
  'responded',
  'total',
  'waitlisted',
]);
const INVARIANT_AFTER_A_COUNT: Record<Locale, ReadonlySet<string>> = {
  fr: new Set(['sur', 'h', 'min', 'mois', 'et', 'à']),
  ar: new Set(['من', 'و']),
  en: new Set(['of', 'h', 'min', 'and', 'to']),
};

function countsBeforeAWord(locale: Locale, message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}\s+([\p{L}]+)/gu)]
    .filter(([, name, word]) => COUNTS.has(name) && !INVARIANT_AFTER_A_COUNT[locale].has(word))
    .map(([whole]) => whole);
}

describe('the translation files', () => {
  it.each(LOCALES)('%s has every key the other languages have', (locale) => {
    const all = new Set(LOCALES.flatMap((other) => [...files[other].keys()]));
    const missing = [...all].filter((key) => !files[locale].has(key));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same parameters as French in every message', (locale) => {
    const differing = [...files.fr]
      .filter(([key]) => files[locale].has(key))
      .filter(
        ([key, french]) =>
          parametersOf(french).join() !== parametersOf(files[locale].get(key) ?? '').join(),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it.each(LOCALES)('%s never writes a plural as "(s)"', (locale) => {
    const offending = [...files[locale]].filter(([, message]) => /\(s\)/.test(message));
    expect(offending).toEqual([]);
  });

  it.each(LOCALES)('%s words every count through an ICU plural', (locale) => {
    const offending = [...files[locale]]
      .map(([key, message]) => [key, countsBeforeAWord(locale, message)] as const)
      .filter(([, found]) => found.length > 0);
    expect(offending).toEqual([]);
  });

  it.each(LOCALES)('%s writes ICU plurals that resolve, with an "other" case', (locale) => {
    const broken = [...files[locale]]
      .filter(([, message]) => /,\s*(plural|number)\b/.test(message))
      .filter(([, message]) => {
        return [0, 1, 2, 3, 11, 100].some((count) => {
          const params = Object.fromEntries(parametersOf(message).map((name) => [name, count]));
          return /,\s*(plural|number)\b|#|\{\s*\w+\s*,/.test(resolveIcu(message, params, locale));
        });
      })
      .map(([key]) => key);
    expect(broken).toEqual([]);
  });
});

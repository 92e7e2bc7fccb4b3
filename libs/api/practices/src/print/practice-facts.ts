import { importValueLabel, type Locale, type PublishedPracticeSheet } from '@oris/shared/domain';
import { printedMad, printedNumber, printedYears } from './practice-print-format';
import { PRINT_POPULATIONS, PRINT_THEMES, PRINT_WORDS } from './practice-print-labels';

/**
 * The sheet's facts in one language, as printed label and value: regions, themes, populations,
 * years, beneficiaries and costs, in that order, leaving out those the sheet does not give.
 */
export function practiceFacts(sheet: PublishedPracticeSheet, language: Locale): [string, string][] {
  const list = (values: string[]) => values.join(language === 'ar' ? '، ' : ', ');
  const facts: [string, string | null][] = [
    [
      PRINT_WORDS.regions[language],
      sheet.regions.length
        ? list(sheet.regions.map((code) => importValueLabel('regionCode', code, language)))
        : null,
    ],
    [
      PRINT_WORDS.themes[language],
      sheet.themes.length ? list(sheet.themes.map((theme) => PRINT_THEMES[theme][language])) : null,
    ],
    [
      PRINT_WORDS.populations[language],
      sheet.populations.length
        ? list(sheet.populations.map((population) => PRINT_POPULATIONS[population][language]))
        : null,
    ],
    [PRINT_WORDS.years[language], printedYears(sheet.startYear, sheet.endYear, language)],
    [
      PRINT_WORDS.beneficiaries[language],
      sheet.beneficiaries === null ? null : printedNumber(sheet.beneficiaries, language),
    ],
    [
      PRINT_WORDS.totalCost[language],
      sheet.totalCostMad === null ? null : printedMad(sheet.totalCostMad, language),
    ],
    [
      PRINT_WORDS.costPerBeneficiary[language],
      sheet.costPerBeneficiaryMad === null
        ? null
        : printedMad(sheet.costPerBeneficiaryMad, language),
    ],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== null);
}

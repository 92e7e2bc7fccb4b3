import type { Trilingual } from '@oris/shared/domain';
import { insertionDefinition } from '../engine/definition';

/** The horizon of the yearly reading: inserted within six months of completing the training. */
export const INSERTION_YEAR_HORIZON = 6;

/** Bumped when the yearly reading's rule changes. */
export const INSERTION_YEAR_DEFINITION_VERSION = 'insertion-year-1';

/**
 * "Professionals trained and inserted in year Y": the insertion indicator (PRODUCT.md) over the
 * persons whose reference training was completed in Y, at the six-month horizon. The value is
 * the number inserted; trained, eligible, responded and employed and the rates are companions.
 * The text ends with the two dates, as the indicator's own definition does.
 */
export function insertionYearDefinition(year: number, asOf: string, knownAt: Date): Trilingual {
  const rule = insertionDefinition(INSERTION_YEAR_HORIZON, asOf, knownAt);
  return {
    fr:
      `Professionnels formés et insérés en ${year} : valeur = personnes insérées, parmi celles ` +
      `ayant achevé une formation entre le 1er janvier et le 31 décembre ${year}, à l’horizon de ` +
      `${INSERTION_YEAR_HORIZON} mois. ${rule.fr}`,
    en:
      `Professionals trained and inserted in ${year}: value = people inserted, among those who ` +
      `completed a training between 1 January and 31 December ${year}, at the ` +
      `${INSERTION_YEAR_HORIZON}-month horizon. ${rule.en}`,
    ar:
      `المهنيون المُكوَّنون والمُدمَجون في ${year}: القيمة = عدد المُدمَجين من بين الذين أتمّوا ` +
      `تكوينًا بين 1 يناير و31 دجنبر ${year}، في أفق ${INSERTION_YEAR_HORIZON} أشهر. ${rule.ar}`,
  };
}

import type { Locale } from '@oris/shared/domain';
import { PRINT_WORDS } from './practice-print-labels';

/**
 * Numbers as Moroccan readers write them, without ICU locale data (differences between Node
 * builds must not change a PDF's bytes): French groups thousands with a narrow no-break space
 * and uses a decimal comma (1 250 000,5), Arabic as written in Morocco with Western digits,
 * dots between thousands and a decimal comma (1.250.000,5), English 1,250,000.5. At most two
 * decimals; the group separators never let a line break inside a number.
 */
const SEPARATORS: Readonly<Record<Locale, { group: string; decimal: string }>> = {
  fr: { group: '\u202F', decimal: ',' },
  ar: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

export function printedNumber(value: number, language: Locale): string {
  if (!Number.isFinite(value)) return '—';
  const { group, decimal } = SEPARATORS[language];
  const rounded = Math.round(Math.abs(value) * 100) / 100;
  const [whole, fraction] = rounded.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const decimals = fraction.replace(/0+$/, '');
  return `${value < 0 && rounded !== 0 ? '-' : ''}${grouped}${decimals ? decimal + decimals : ''}`;
}

/** An amount in dirhams: "1 250 000 MAD", "1.250.000 درهم", "MAD 1,250,000". */
export function printedMad(value: number, language: Locale): string {
  const amount = printedNumber(value, language);
  const currency = PRINT_WORDS.currency[language];
  return language === 'en' ? `${currency}\u00A0${amount}` : `${amount}\u00A0${currency}`;
}

/** The years an intervention ran: "2019–2023", or "depuis 2021" when it still runs. */
export function printedYears(
  startYear: number | null,
  endYear: number | null,
  language: Locale,
): string | null {
  if (startYear === null) return endYear === null ? null : String(endYear);
  if (endYear === null) return `${PRINT_WORDS.since[language]} ${startYear}`;
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}

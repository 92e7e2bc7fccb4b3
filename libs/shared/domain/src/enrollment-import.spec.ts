import {
  comparableLabel,
  ENROLLMENT_IMPORT_COLUMNS,
  IMPORT_COLUMN_LABELS,
  IMPORT_VALUE_LABELS,
  importColumnHeader,
  importColumnOf,
  importValueLabel,
  importValueOf,
  LABELLED_IMPORT_COLUMNS,
} from './enrollment-import';
import { LOCALES } from './vocabularies';

describe('the enrollment import’s words', () => {
  it('never lets one word stand for two columns, nor for two values of a column', () => {
    const owners = (entries: [string, Record<string, readonly string[]>][]) => {
      const seen = new Map<string, Set<string>>();
      for (const [code, words] of entries)
        for (const word of [code, ...Object.values(words).flat()])
          seen.set(comparableLabel(word), (seen.get(comparableLabel(word)) ?? new Set()).add(code));
      return [...seen].filter(([, codes]) => codes.size > 1);
    };
    expect(owners(Object.entries(IMPORT_COLUMN_LABELS))).toEqual([]);
    for (const column of LABELLED_IMPORT_COLUMNS)
      expect(owners(Object.entries(IMPORT_VALUE_LABELS[column]))).toEqual([]);
  });

  it('reads every column by its name and by each of its labels', () => {
    for (const column of ENROLLMENT_IMPORT_COLUMNS) {
      expect(importColumnOf(column)).toBe(column);
      for (const locale of LOCALES)
        expect(importColumnOf(importColumnHeader(column, locale))).toBe(column);
    }
    expect(importColumnOf(' RÉGION ')).toBe('regionCode');
    expect(importColumnOf('nickname')).toBeNull();
    expect(importColumnOf('')).toBeNull();
  });

  it.each([
    ['educationLevel', 'Bac+2', 'bac_plus_2'],
    ['educationLevel', 'bac + 2', 'bac_plus_2'],
    ['educationLevel', 'bac_plus_2', 'bac_plus_2'],
    ['baselineSituation', 'salarié', 'employed'],
    ['baselineSituation', 'SALARIEE', 'employed'],
    ['baselineSituation', 'أجيرة', 'employed'],
    ['regionCode', 'Fès-Meknès', 'MA-03'],
    ['regionCode', 'fes meknes', 'MA-03'],
    ['regionCode', 'فاس - مكناس', 'MA-03'],
    ['regionCode', 'ma-03', 'MA-03'],
    ['gender', 'Femme', 'female'],
    ['gender', 'ذكر', 'male'],
  ] as const)('reads %s %p as %p', (column, cell, code) => {
    expect(importValueOf(column, cell)).toBe(code);
  });

  it('reads back every label a template writes, in every language', () => {
    for (const column of LABELLED_IMPORT_COLUMNS)
      for (const code of Object.keys(IMPORT_VALUE_LABELS[column]))
        for (const language of [...LOCALES, 'codes'] as const)
          expect(importValueOf(column, importValueLabel(column, code, language))).toBe(code);
  });

  it('finds nothing in a word of no list', () => {
    expect(importValueOf('baselineSituation', 'retraité')).toBeNull();
    expect(importValueOf('regionCode', '')).toBeNull();
  });
});

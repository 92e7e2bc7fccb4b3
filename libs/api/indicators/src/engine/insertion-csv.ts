import { type CsvCell, toCsv } from '@oris/shared/domain';
import type { InsertionCountsDto, InsertionIndicatorDto } from '../dto/insertion.dto';

const COLUMNS: (keyof InsertionCountsDto)[] = [
  'trained',
  'eligible',
  'inserted',
  'employed',
  'responded',
  'insertionRate',
  'employmentRate',
  'responseRate',
  'lowerBoundRate',
];

/**
 * The export: a header block naming the filters (the two dates `asOf` and `knownAt` among
 * them), the definitions and any note on empty figures (one `name;value` line each), a blank
 * line, then the table — the totals first, then each group of the breakdown.
 * `;`-separated with a BOM (spreadsheets in French and Arabic locales), every text cell
 * neutralised by `toCsv`.
 */
export function insertionCsv(result: InsertionIndicatorDto): string {
  const f = result.filters;
  const header: CsvCell[][] = [
    ['indicator', 'insertion'],
    ['from', f.from ?? ''],
    ['to', f.to],
    ['months', f.months],
    ['asOf', f.asOf],
    ['knownAt', f.knownAt],
    ['region', f.region ?? ''],
    ['course', f.course ?? ''],
    ['session', f.session ?? ''],
    ['groupBy', f.groupBy ?? ''],
    ['source', result.freshness.source],
    ['refreshedAt', result.freshness.refreshedAt ?? ''],
    ['definition_fr', result.definition.fr],
    ['definition_en', result.definition.en],
    ['definition_ar', result.definition.ar],
    ...result.notes.map((note): CsvCell[] => ['note', `${note.code}: ${note.message}`]),
  ];
  const table: CsvCell[][] = [
    ['group', 'key', 'label', ...COLUMNS],
    ['total', '', '', ...COLUMNS.map((column) => result[column])],
    ...result.breakdown.map((group) => [
      f.groupBy ?? '',
      group.key,
      group.label ?? '',
      ...COLUMNS.map((column) => group[column]),
    ]),
  ];
  return toCsv([...header, [], ...table]);
}

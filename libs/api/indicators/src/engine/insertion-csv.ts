import { toCsv } from '@oris/shared/domain';
import type { InsertionExportTable } from '../export/insertion-export-table';

/**
 * The export as CSV: the title, a block of `label;value` lines (the filters in words, the two
 * dates, the source, the definition and any note on empty figures), a blank line, then the table
 * — the totals first, then each group. `;`-separated with a BOM (spreadsheets in French and Arabic
 * locales), rates with the language's decimal mark, every text cell neutralised by `toCsv`.
 */
export function insertionCsv(table: InsertionExportTable): string {
  const decimal = table.locale === 'en' ? '.' : ',';
  const rows = table.rows.map((row) =>
    row.map((cell, index) =>
      typeof cell === 'number' && table.rateColumns.includes(index)
        ? cell.toFixed(1).replace('.', decimal)
        : cell,
    ),
  );
  // The title row carries a separator too: tools that guess it from the first line find `;`.
  return toCsv([[table.title, ''], ...table.about, [], table.columns, ...rows]);
}

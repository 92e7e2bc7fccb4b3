import { Workbook } from 'exceljs';
import type { InsertionExportTable } from './insertion-export-table';

/** The MIME type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The export as an XLSX workbook, one sheet laid out as the CSV: the title, the filters in
 * words, then the table with its header frozen, counts as numbers and rates as numbers shown
 * with one decimal. Right to left in Arabic. Cells hold values only, never formulas.
 */
export async function insertionXlsx(
  table: InsertionExportTable,
  sheetName: string,
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'ORIS Academy';
  const headerRow = table.about.length + 3;
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ rightToLeft: table.locale === 'ar', state: 'frozen', ySplit: headerRow }],
  });
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const [label, value] of table.about) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    // A value (the definition is long) spans the table's width, wrapped.
    sheet.mergeCells(row.number, 2, row.number, table.columns.length);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    if (value.length > 120) row.height = 15 * Math.ceil(value.length / 120);
  }
  sheet.addRow([]);
  const header = sheet.addRow(table.columns);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };
  for (const values of table.rows) sheet.addRow(values);
  sheet.getRow(headerRow + 1).font = { bold: true };
  table.columns.forEach((_, index) => {
    sheet.getColumn(index + 1).width = index === 0 ? 36 : index === 1 ? 14 : 16;
  });
  for (const index of table.rateColumns) sheet.getColumn(index + 1).numFmt = '0.0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import { toCsv } from '@oris/shared/domain';
import { Workbook } from 'exceljs';
import type { ReportTable } from './report-table';

/**
 * The report as CSV through the project's writer: the title, the `label;value` block, then each
 * section after a blank line (its title, its header, its rows). Numbers keep a `.` decimal mark
 * in every language, so that the file reads back the same numbers.
 */
export function reportCsv(table: ReportTable): string {
  const rows: (string | number | null)[][] = [[table.title, ''], ...table.about];
  for (const section of table.sections) {
    rows.push([]);
    if (section.title) rows.push([section.title]);
    rows.push(section.columns, ...section.rows);
  }
  return toCsv(rows);
}

/** The report as an XLSX workbook laid out as the CSV, right to left in Arabic; values only. */
export async function reportXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'ORIS Academy';
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ rightToLeft: table.locale === 'ar' }],
  });
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const [label, value] of table.about) {
    sheet.addRow([label, value]).getCell(1).font = { bold: true };
  }
  for (const section of table.sections) {
    sheet.addRow([]);
    if (section.title) sheet.addRow([section.title]).font = { bold: true, size: 12 };
    sheet.addRow(section.columns).font = { bold: true };
    for (const values of section.rows) {
      const row = sheet.addRow(values);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  sheet.getColumn(1).width = 44;
  for (let index = 2; index <= 7; index += 1) sheet.getColumn(index).width = 18;
  sheet.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

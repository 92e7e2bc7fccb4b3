import { toCsv, type CsvCell, type Locale, type SubmissionStatus } from '@oris/shared/domain';
import { Workbook } from 'exceljs';
import type { GradebookCellDto, GradebookDto } from '../dto/gradebook.dto';

/** The MIME type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const WORDS: Record<
  Locale,
  {
    sheet: string;
    trainee: string;
    quiz: string;
    assignment: string;
    status: Record<Exclude<SubmissionStatus, 'draft' | 'graded'>, string>;
    late: string;
  }
> = {
  fr: {
    sheet: 'Carnet de notes',
    trainee: 'Apprenant·e',
    quiz: 'Quiz',
    assignment: 'Devoir',
    status: { submitted: 'à corriger', returned: 'renvoyé' },
    late: 'en retard',
  },
  ar: {
    sheet: 'سجل النقط',
    trainee: 'المتعلّم(ة)',
    quiz: 'اختبار',
    assignment: 'واجب',
    status: { submitted: 'في انتظار التصحيح', returned: 'أُعيد للمراجعة' },
    late: 'متأخر',
  },
  en: {
    sheet: 'Gradebook',
    trainee: 'Trainee',
    quiz: 'Quiz',
    assignment: 'Assignment',
    status: { submitted: 'to grade', returned: 'returned' },
    late: 'late',
  },
};

/** A cell's value: the grade in percent as a number, else the submission's state in words. */
function cellValue(cell: GradebookCellDto, locale: Locale): CsvCell {
  if (cell.percent !== null) return cell.percent;
  if (cell.status === 'submitted' || cell.status === 'returned') {
    const words = WORDS[locale];
    return cell.late ? `${words.status[cell.status]} (${words.late})` : words.status[cell.status];
  }
  return null;
}

/** The table both files hold: a header row, then one row per trainee. */
export function gradebookTable(book: GradebookDto, locale: Locale): CsvCell[][] {
  const words = WORDS[locale];
  const header = [
    words.trainee,
    ...book.columns.map(
      (column) => `${column.kind === 'quiz' ? words.quiz : words.assignment} — ${column.title} (%)`,
    ),
  ];
  return [
    header,
    ...book.rows.map((row) => [
      row.traineeName,
      ...row.cells.map((cell) => cellValue(cell, locale)),
    ]),
  ];
}

/**
 * The gradebook as CSV, as the platform's other exports: UTF-8 with a BOM, `;`, CRLF, cells a
 * spreadsheet would evaluate neutralised (a trainee named "=HYPERLINK(…)" stays text).
 */
export const gradebookCsv = (book: GradebookDto, locale: Locale): string =>
  toCsv(gradebookTable(book, locale));

/** The same table as an XLSX sheet: grades as numbers, header frozen, RTL in Arabic, no formulas. */
export async function gradebookXlsx(book: GradebookDto, locale: Locale): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'ORIS Academy';
  const sheet = workbook.addWorksheet(WORDS[locale].sheet, {
    views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }],
  });
  const [header, ...rows] = gradebookTable(book, locale);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) {
    // exceljs writes a string starting with "=" as text, never as a formula: values only.
    sheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
  }
  sheet.getColumn(1).width = 32;
  for (let index = 2; index <= header.length; index += 1) sheet.getColumn(index).width = 22;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

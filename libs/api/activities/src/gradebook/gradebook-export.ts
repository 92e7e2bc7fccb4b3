import { toCsv, type CsvCell, type Locale, type SubmissionStatus } from '@oris/shared/domain';
import type { Writable } from 'node:stream';
import { stream } from 'exceljs';
import type { GradebookCellDto, GradebookRowDto } from '../dto/gradebook.dto';
import type { GradebookHead } from './gradebook.service';

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

/** The header row both files start with. */
export function gradebookHeader(head: GradebookHead, locale: Locale): CsvCell[] {
  const words = WORDS[locale];
  return [
    words.trainee,
    ...head.columns.map(
      (column) => `${column.kind === 'quiz' ? words.quiz : words.assignment} — ${column.title} (%)`,
    ),
  ];
}

/** One trainee's line: the name, then each column's grade or state. */
export const gradebookLine = (row: GradebookRowDto, locale: Locale): CsvCell[] => [
  row.traineeName,
  ...row.cells.map((cell) => cellValue(cell, locale)),
];

/**
 * The gradebook as CSV, as the platform's other exports: UTF-8 with a BOM, `;`, CRLF, cells a
 * spreadsheet would evaluate neutralised (a trainee named "=HYPERLINK(…)" stays text). Written
 * batch by batch as the rows are read: the whole file is never in memory.
 */
export async function* gradebookCsv(
  head: GradebookHead,
  batches: AsyncIterable<GradebookRowDto[]>,
  locale: Locale,
): AsyncGenerator<string> {
  yield toCsv([gradebookHeader(head, locale)]);
  for await (const rows of batches) {
    yield toCsv(
      rows.map((row) => gradebookLine(row, locale)),
      { bom: false },
    );
  }
}

/**
 * The same table as an XLSX sheet, written as a stream (each row committed as it comes): grades
 * as numbers, header frozen, RTL in Arabic, no formulas. Resolves once the workbook is complete.
 */
export async function writeGradebookXlsx(
  head: GradebookHead,
  batches: AsyncIterable<GradebookRowDto[]>,
  locale: Locale,
  output: Writable,
): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = 'ORIS Academy';
  const sheet = workbook.addWorksheet(WORDS[locale].sheet, {
    views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }],
  });
  const header = gradebookHeader(head, locale);
  sheet.columns = header.map((_, index) => ({ width: index === 0 ? 32 : 22 }));
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();
  for await (const rows of batches) {
    for (const row of rows) {
      // exceljs writes a string starting with "=" as text, never as a formula: values only.
      sheet
        .addRow(gradebookLine(row, locale).map((cell) => (cell === undefined ? null : cell)))
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

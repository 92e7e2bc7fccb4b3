import {
  CsvSyntaxError,
  type CsvCell,
  type CsvRecord,
  type EnrollmentImportColumn,
  importColumnHeader,
  type ImportTemplateLanguage,
  importValueLabel,
  type Locale,
  parseCsv,
  todayInMorocco,
  toCsv,
} from '@oris/shared/domain';
import type { ImportFileFormat } from '../dto/import.dto';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { describeProblem } from './import-messages';
import { ImportProblem, importProblem, ImportRow, readImportRows } from './import-rows';
import { readXlsx, SpreadsheetError, writeXlsx } from './spreadsheet-file';

/** The file as the request carries it: CSV text or an .xlsx in base64, one of the two. */
export interface ImportInput {
  csv?: string;
  xlsx?: string;
}

export interface ImportOptions {
  dryRun: boolean;
  /** The administrator's explicit choice: the rows without a problem go in, the rest come back. */
  validRowsOnly: boolean;
  /** The language of the rejected rows' error column. */
  locale: Locale;
}

export interface ReadImport {
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** A read file: its format, its records as written (to give rows back) and its checked rows. */
export interface ImportFile {
  format: ImportFileFormat;
  records: CsvRecord[];
  read: ReadImport;
}

/** A file to download: its name, its media type, its bytes. */
export interface DownloadFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const MEDIA_TYPES: Record<ImportFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Reads the request's file into records and checks its rows. A CSV whose quote is never closed is
 * a problem of the file (reported like any other); a file that is no workbook, or too large, or
 * damaged, is refused with a 400 problem.
 */
export async function readImportFile(input: ImportInput): Promise<ImportFile> {
  if ((input.csv === undefined) === (input.xlsx === undefined)) {
    throw new EnrollmentException(
      EnrollmentErrorCode.ImportFileRequired,
      'Send the file as `csv` or as `xlsx`, one of the two.',
    );
  }
  const format: ImportFileFormat = input.csv !== undefined ? 'csv' : 'xlsx';
  let records: CsvRecord[];
  try {
    records =
      input.csv !== undefined
        ? parseCsv(input.csv)
        : await readXlsx(Buffer.from(input.xlsx as string, 'base64'));
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return {
        format,
        records: [],
        read: { rows: [], problems: [importProblem(error.line, 'file', 'quote_not_closed')] },
      };
    }
    if (error instanceof SpreadsheetError) throw spreadsheetRefusal(error);
    throw error;
  }
  return { format, records, read: readImportRows(records, todayInMorocco()) };
}

function spreadsheetRefusal(error: SpreadsheetError): EnrollmentException {
  if (error.code === 'file_too_large') {
    return new EnrollmentException(
      EnrollmentErrorCode.ImportFileTooLarge,
      'The workbook is too large for one import (at most 640 KiB, 2,000 rows): split it.',
    );
  }
  return new EnrollmentException(
    EnrollmentErrorCode.ImportFileInvalid,
    error.code === 'file_not_xlsx'
      ? 'The file is not an Excel workbook (.xlsx). Save it as .xlsx or as CSV.'
      : 'The workbook cannot be read: it may be damaged. Save it again as .xlsx or as CSV.',
  );
}

const ERRORS_HEADER: Record<Locale, string> = { fr: 'Erreurs', ar: 'الأخطاء', en: 'Errors' };
const REJECTED_NAME: Record<Locale, string> = {
  fr: 'lignes-refusees',
  ar: 'الأسطر-المرفوضة',
  en: 'rejected-rows',
};

/**
 * The rejected rows given back: the file's header and each rejected row as it was written, in
 * the file's format, with an error column in the administrator's language. Once corrected, it is
 * an import file again (the error column must go: it is not a column of the import).
 */
export async function rejectedRowsFile(
  file: ImportFile,
  problems: ImportProblem[],
  locale: Locale,
): Promise<{ fileName: string; mediaType: string; base64: string }> {
  const [header, ...body] = file.records;
  const byLine = new Map<number, ImportProblem[]>();
  for (const problem of problems)
    byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
  const width = header.cells.length;
  const rows: CsvCell[][] = [[...header.cells, ERRORS_HEADER[locale]]];
  for (const record of body) {
    const found = byLine.get(record.line);
    if (!found) continue;
    const cells = Array.from({ length: width }, (_, index) => record.cells[index] ?? '');
    rows.push([...cells, found.map((problem) => describeProblem(problem, locale)).join('\n')]);
  }
  const bytes =
    file.format === 'csv'
      ? Buffer.from(toCsv(rows), 'utf8')
      : await writeXlsx(ERRORS_HEADER[locale], rows, { rightToLeft: locale === 'ar' });
  return {
    fileName: `${REJECTED_NAME[locale]}.${file.format}`,
    mediaType: MEDIA_TYPES[file.format],
    base64: bytes.toString('base64'),
  };
}

/** The template's columns, in the order a person fills them: the required ones first. */
const TEMPLATE_COLUMNS: readonly EnrollmentImportColumn[] = [
  'email',
  'fullName',
  'baselineSituation',
  'educationLevel',
  'fullNameAr',
  'gender',
  'birthYear',
  'regionCode',
  'phone',
  'completedOn',
];

const TEMPLATE_NAME: Record<ImportTemplateLanguage, string> = {
  fr: 'modele-inscriptions',
  ar: 'نموذج-التسجيلات',
  en: 'enrollment-template',
  codes: 'enrollment-template-codes',
};

/**
 * A file to start from: the header in the chosen language (or the column names) and one example
 * row whose listed values are written the same way. Either kind is read back by the import.
 */
export async function importTemplate(
  format: ImportFileFormat,
  language: ImportTemplateLanguage,
): Promise<DownloadFile> {
  const example: Record<EnrollmentImportColumn, CsvCell> = {
    email: 'amina.benali@example.ma',
    fullName: 'Amina Benali',
    fullNameAr: 'أمينة بنعلي',
    gender: importValueLabel('gender', 'female', language),
    birthYear: 1994,
    regionCode: importValueLabel('regionCode', 'MA-04', language),
    phone: '06 12 34 56 78',
    baselineSituation: importValueLabel('baselineSituation', 'seeking', language),
    educationLevel: importValueLabel('educationLevel', 'bac_plus_2', language),
    completedOn: '',
  };
  const rows: CsvCell[][] = [
    TEMPLATE_COLUMNS.map((column) => importColumnHeader(column, language)),
    TEMPLATE_COLUMNS.map((column) => example[column]),
  ];
  const bytes =
    format === 'csv'
      ? Buffer.from(toCsv(rows), 'utf8')
      : await writeXlsx(language === 'ar' ? 'التسجيلات' : 'Inscriptions', rows, {
          rightToLeft: language === 'ar',
        });
  return {
    fileName: `${TEMPLATE_NAME[language]}.${format}`,
    mediaType: MEDIA_TYPES[format],
    bytes,
  };
}

import {
  BASELINE_SITUATIONS,
  EDUCATION_LEVELS,
  ENROLLMENT_IMPORT_COLUMNS,
  GENDERS,
  importColumnOf,
  importProblemWords,
  importValueOf,
  normalisePhone,
  REGION_CODES,
  isDateOnly,
  isEmailAddress,
  readCsvTable,
} from '@oris/shared/domain';
import type {
  BaselineSituation,
  EducationLevel,
  EnrollmentImportColumn,
  Gender,
  ImportProblemCode,
  LabelledImportColumn,
  RegionCode,
} from '@oris/shared/domain';
import type { CsvProblem, CsvRecord } from '@oris/shared/domain';

export const IMPORT_COLUMNS = ENROLLMENT_IMPORT_COLUMNS;
export type ImportColumn = EnrollmentImportColumn;

/** Always needed; the person's own columns are needed only for someone without an account. */
const REQUIRED: ImportColumn[] = ['email', 'fullName', 'baselineSituation', 'educationLevel'];
const NEW_PERSON: ImportColumn[] = ['gender', 'birthYear', 'regionCode'];

export const IMPORT_ROWS_MAX = 2_000;

/** A problem with the file or one of its rows: always with its code. */
export type ImportProblem = CsvProblem & { code: ImportProblemCode };

/** A problem of `line` under `field`, its English reason from its code. */
export function importProblem(
  line: number,
  field: string,
  code: ImportProblemCode,
  params?: Record<string, string | number>,
): ImportProblem {
  return {
    line,
    field,
    reason: importProblemWords(code, params, 'en'),
    code,
    ...(params && { params }),
  };
}

const LISTS: Record<LabelledImportColumn, readonly string[]> = {
  gender: GENDERS,
  regionCode: REGION_CODES,
  baselineSituation: BASELINE_SITUATIONS,
  educationLevel: EDUCATION_LEVELS,
};

export interface ImportRow {
  line: number;
  email: string;
  fullName: string;
  fullNameAr: string | null;
  gender: Gender | null;
  birthYear: number | null;
  regionCode: RegionCode | null;
  /** E.164; optional, kept only for a person the import creates. */
  phone: string | null;
  baselineSituation: BaselineSituation;
  educationLevel: EducationLevel;
  completedOn: string | null;
  /** The person's columns left empty on this row. */
  blanks: ImportColumn[];
}

/**
 * Checks the rows of an enrollment import on their own (the database checks come after):
 * known columns, required values, vocabularies, lengths, dates, one row per email. Every problem
 * is reported with its line and column, so a dry run lists them all at once. Values are kept as
 * written (trimmed): a formula-like cell is text, never evaluated.
 */
export function readImportRows(
  records: CsvRecord[],
  today: string,
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const table = readCsvTable(records, {
    columns: IMPORT_COLUMNS,
    required: REQUIRED,
    maxRows: IMPORT_ROWS_MAX,
    columnOf: importColumnOf,
  });
  if (table.problems.length > 0) {
    return { rows: [], problems: table.problems as ImportProblem[] };
  }

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of table.body) {
    const value = (column: ImportColumn) => table.cell(record, column);
    const problem = (
      field: ImportColumn | 'file',
      code: ImportProblemCode,
      params?: Record<string, string | number>,
    ) => problems.push(importProblem(record.line, field, code, params));
    if (record.cells.length > table.columns.length) problem('file', 'extra_cells');
    for (const column of REQUIRED) if (value(column) === '') problem(column, 'required');

    const email = value('email').toLowerCase();
    if (email !== '' && !isEmailAddress(email)) problem('email', 'not_email');
    const earlier = seen.get(email);
    if (email !== '' && earlier !== undefined)
      problem('email', 'duplicate_email', { line: earlier });
    if (email !== '') seen.set(email, record.line);

    const text = (column: 'fullName' | 'fullNameAr') => {
      const cell = value(column);
      if (cell.length > 120) problem(column, 'too_long', { max: 120 });
      return cell;
    };
    const fullName = text('fullName');
    const fullNameAr = text('fullNameAr') || null;

    // A closed list: its code or one of its labels in French, Arabic or English.
    const listed = <T extends string>(column: LabelledImportColumn): T | null => {
      const cell = value(column);
      if (cell === '') return null;
      const code = importValueOf(column, cell);
      if (code === null) problem(column, 'not_in_list', { values: LISTS[column].join(', ') });
      return code as T | null;
    };
    const gender = listed<Gender>('gender');
    const birthYearText = value('birthYear');
    const birthYear = birthYearText === '' ? null : Number(birthYearText);
    const latestYear = Number(today.slice(0, 4)) - 10;
    if (
      birthYear !== null &&
      (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > latestYear)
    ) {
      problem('birthYear', 'birth_year_range', { min: 1900, max: latestYear });
    }
    const regionCode = listed<RegionCode>('regionCode');
    const phoneText = value('phone');
    const phone = phoneText === '' ? null : normalisePhone(phoneText);
    if (phoneText !== '' && phone === null) problem('phone', 'not_phone');
    const situation = listed<BaselineSituation>('baselineSituation');
    const education = listed<EducationLevel>('educationLevel');
    const completedOn = value('completedOn');
    if (completedOn !== '' && !isDateOnly(completedOn)) problem('completedOn', 'not_date');
    else if (completedOn > today) problem('completedOn', 'future_date');

    rows.push({
      line: record.line,
      email,
      fullName,
      fullNameAr,
      gender,
      birthYear: birthYear !== null && Number.isInteger(birthYear) ? birthYear : null,
      regionCode,
      phone,
      baselineSituation: situation as BaselineSituation,
      educationLevel: education as EducationLevel,
      completedOn: completedOn !== '' && isDateOnly(completedOn) ? completedOn : null,
      blanks: NEW_PERSON.filter((column) => value(column) === ''),
    });
  }
  return { rows, problems };
}

/** For someone without an account, the columns that describe them become required. */
export function newPersonProblems(row: ImportRow): ImportProblem[] {
  return row.blanks.map((column) => importProblem(row.line, column, 'required_new_person'));
}

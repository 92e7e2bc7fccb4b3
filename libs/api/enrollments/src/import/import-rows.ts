import {
  BASELINE_SITUATIONS,
  EDUCATION_LEVELS,
  GENDERS,
  normalisePhone,
  REGION_CODES,
  isDateOnly,
  isEmailAddress,
  isOneOf,
  readCsvTable,
} from '@oris/shared/domain';
import type { BaselineSituation, EducationLevel, Gender, RegionCode } from '@oris/shared/domain';
import type { CsvProblem, CsvRecord } from '@oris/shared/domain';

export const IMPORT_COLUMNS = [
  'email',
  'fullName',
  'fullNameAr',
  'gender',
  'birthYear',
  'regionCode',
  'phone',
  'baselineSituation',
  'educationLevel',
  'completedOn',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Always needed; the person's own columns are needed only for someone without an account. */
const REQUIRED: ImportColumn[] = ['email', 'fullName', 'baselineSituation', 'educationLevel'];
const NEW_PERSON: ImportColumn[] = ['gender', 'birthYear', 'regionCode'];

export const IMPORT_ROWS_MAX = 2_000;

/** A problem with the file or one of its rows. */
export type ImportProblem = CsvProblem;

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
  });
  if (table.problems.length > 0) return { rows: [], problems: table.problems };

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of table.body) {
    const value = (column: ImportColumn) => table.cell(record, column);
    const problem = (field: ImportColumn | 'file', reason: string) =>
      problems.push({ line: record.line, field, reason });
    if (record.cells.length > table.columns.length) problem('file', 'more cells than columns');
    for (const column of REQUIRED) if (value(column) === '') problem(column, 'required');

    const email = value('email').toLowerCase();
    if (email !== '' && !isEmailAddress(email)) problem('email', 'not an email address');
    const earlier = seen.get(email);
    if (email !== '' && earlier !== undefined) problem('email', `already on line ${earlier}`);
    if (email !== '') seen.set(email, record.line);

    const text = (column: 'fullName' | 'fullNameAr') => {
      const cell = value(column);
      if (cell.length > 120) problem(column, 'at most 120 characters');
      return cell;
    };
    const fullName = text('fullName');
    const fullNameAr = text('fullNameAr') || null;

    const gender = value('gender');
    if (gender !== '' && !isOneOf(GENDERS, gender))
      problem('gender', `one of ${GENDERS.join(', ')}`);
    const birthYearText = value('birthYear');
    const birthYear = birthYearText === '' ? null : Number(birthYearText);
    const latestYear = Number(today.slice(0, 4)) - 10;
    if (
      birthYear !== null &&
      (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > latestYear)
    ) {
      problem('birthYear', `a year between 1900 and ${latestYear}`);
    }
    const regionCode = value('regionCode');
    if (regionCode !== '' && !isOneOf(REGION_CODES, regionCode))
      problem('regionCode', 'a region code, MA-01 to MA-12');
    const phoneText = value('phone');
    const phone = phoneText === '' ? null : normalisePhone(phoneText);
    if (phoneText !== '' && phone === null) {
      problem(
        'phone',
        'a Moroccan number (06, 07 or 05 and 8 digits) or an international one with +',
      );
    }
    const situation = value('baselineSituation');
    if (situation !== '' && !isOneOf(BASELINE_SITUATIONS, situation)) {
      problem('baselineSituation', `one of ${BASELINE_SITUATIONS.join(', ')}`);
    }
    const education = value('educationLevel');
    if (education !== '' && !isOneOf(EDUCATION_LEVELS, education)) {
      problem('educationLevel', `one of ${EDUCATION_LEVELS.join(', ')}`);
    }
    const completedOn = value('completedOn');
    if (completedOn !== '' && !isDateOnly(completedOn))
      problem('completedOn', 'a date written YYYY-MM-DD');
    else if (completedOn > today) problem('completedOn', 'cannot be in the future');

    rows.push({
      line: record.line,
      email,
      fullName,
      fullNameAr,
      gender: isOneOf(GENDERS, gender) ? gender : null,
      birthYear: birthYear !== null && Number.isInteger(birthYear) ? birthYear : null,
      regionCode: isOneOf(REGION_CODES, regionCode) ? regionCode : null,
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
  return row.blanks.map((column) => ({
    line: row.line,
    field: column,
    reason: 'required for a person without an account',
  }));
}

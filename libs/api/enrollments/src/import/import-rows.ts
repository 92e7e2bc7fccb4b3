import {
  BASELINE_SITUATIONS,
  EDUCATION_LEVELS,
  GENDERS,
  normalisePhone,
  REGION_CODES,
} from '@oris/shared/domain';
import type { BaselineSituation, EducationLevel, Gender, RegionCode } from '@oris/shared/domain';
import type { CsvRecord } from '@oris/shared/domain';

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

export interface ImportProblem {
  line: number;
  /** The column, or `file` for a problem with the file as a whole. */
  field: string;
  reason: string;
}

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

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isDay = (value: string): boolean => {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

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
  const [header, ...body] = records;
  if (!header) {
    return { rows: [], problems: [{ line: 1, field: 'file', reason: 'the file is empty' }] };
  }
  const columns = header.cells.map((cell) => cell.trim());
  for (const column of columns) {
    if (!oneOf(IMPORT_COLUMNS, column)) {
      problems.push({
        line: 1,
        field: column || 'file',
        reason: `unknown column; expected ${IMPORT_COLUMNS.join(', ')}`,
      });
    }
  }
  for (const column of REQUIRED) {
    if (!columns.includes(column))
      problems.push({ line: 1, field: column, reason: 'missing column' });
  }
  if (new Set(columns).size !== columns.length) {
    problems.push({ line: 1, field: 'file', reason: 'a column appears twice' });
  }
  if (body.length === 0)
    problems.push({ line: 1, field: 'file', reason: 'no row after the header' });
  if (body.length > IMPORT_ROWS_MAX) {
    problems.push({ line: 1, field: 'file', reason: `at most ${IMPORT_ROWS_MAX} rows per import` });
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const value = (column: ImportColumn) => {
      const index = columns.indexOf(column);
      return index === -1 ? '' : (record.cells[index] ?? '').trim();
    };
    const problem = (field: ImportColumn | 'file', reason: string) =>
      problems.push({ line: record.line, field, reason });
    if (record.cells.length > columns.length) problem('file', 'more cells than columns');
    for (const column of REQUIRED) if (value(column) === '') problem(column, 'required');

    const email = value('email').toLowerCase();
    if (email !== '' && (email.length > 254 || !EMAIL.test(email)))
      problem('email', 'not an email address');
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
    if (gender !== '' && !oneOf(GENDERS, gender)) problem('gender', `one of ${GENDERS.join(', ')}`);
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
    if (regionCode !== '' && !oneOf(REGION_CODES, regionCode))
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
    if (situation !== '' && !oneOf(BASELINE_SITUATIONS, situation)) {
      problem('baselineSituation', `one of ${BASELINE_SITUATIONS.join(', ')}`);
    }
    const education = value('educationLevel');
    if (education !== '' && !oneOf(EDUCATION_LEVELS, education)) {
      problem('educationLevel', `one of ${EDUCATION_LEVELS.join(', ')}`);
    }
    const completedOn = value('completedOn');
    if (completedOn !== '' && !isDay(completedOn))
      problem('completedOn', 'a date written YYYY-MM-DD');
    else if (completedOn > today) problem('completedOn', 'cannot be in the future');

    rows.push({
      line: record.line,
      email,
      fullName,
      fullNameAr,
      gender: oneOf(GENDERS, gender) ? gender : null,
      birthYear: birthYear !== null && Number.isInteger(birthYear) ? birthYear : null,
      regionCode: oneOf(REGION_CODES, regionCode) ? regionCode : null,
      phone,
      baselineSituation: situation as BaselineSituation,
      educationLevel: education as EducationLevel,
      completedOn: completedOn !== '' && isDay(completedOn) ? completedOn : null,
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

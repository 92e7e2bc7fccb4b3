import {
  BASELINE_SITUATIONS,
  EDUCATION_LEVELS,
  GENDERS,
  type EnrollmentImportColumn,
  type LabelledImportColumn,
  REGION_CODES,
} from '@oris/shared/domain';

export interface ImportColumn {
  name: EnrollmentImportColumn;
  /** Required on every row, only for people without an account, or optional. */
  need: 'required' | 'newPeople' | 'optional';
  /** The codes the API accepts, when it is a closed list (their labels are accepted too). */
  values?: readonly string[];
}

/** The columns the API reads (`ImportEnrollmentsDto`), in the template's order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'email', need: 'required' },
  { name: 'fullName', need: 'required' },
  { name: 'baselineSituation', need: 'required', values: BASELINE_SITUATIONS },
  { name: 'educationLevel', need: 'required', values: EDUCATION_LEVELS },
  { name: 'fullNameAr', need: 'optional' },
  { name: 'gender', need: 'newPeople', values: GENDERS },
  { name: 'birthYear', need: 'newPeople' },
  { name: 'regionCode', need: 'newPeople', values: REGION_CODES },
  { name: 'phone', need: 'optional' },
  { name: 'completedOn', need: 'optional' },
];

export const isLabelled = (column: string): column is LabelledImportColumn =>
  column === 'gender' ||
  column === 'regionCode' ||
  column === 'baselineSituation' ||
  column === 'educationLevel';

/** Files larger than the API takes are refused before sending (`IMPORT_CSV_MAX_LENGTH`). */
export const IMPORT_MAX_CHARACTERS = 900_000;
/** Workbooks larger than the API takes (`XLSX_MAX_BYTES`). */
export const IMPORT_MAX_XLSX_BYTES = 640 * 1024;

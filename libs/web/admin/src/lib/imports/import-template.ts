import { BASELINE_SITUATIONS, EDUCATION_LEVELS, GENDERS, REGION_CODES } from '@oris/shared/domain';

export interface ImportColumn {
  name: string;
  /** Required on every row, only for people without an account, or optional. */
  need: 'required' | 'newPeople' | 'optional';
  /** The values the API accepts, when it is a closed list. */
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

/** A file to start from: the header line and one example row. */
export const IMPORT_TEMPLATE =
  IMPORT_COLUMNS.map((column) => column.name).join(',') +
  '\n' +
  'amina.benali@example.ma,Amina Benali,seeking,licence,أمينة بنعلي,female,1994,MA-04,06 12 34 56 78,\n';

export const IMPORT_TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(IMPORT_TEMPLATE)}`;

/** Files larger than the API takes are refused before sending (`IMPORT_CSV_MAX_LENGTH`). */
export const IMPORT_MAX_CHARACTERS = 900_000;

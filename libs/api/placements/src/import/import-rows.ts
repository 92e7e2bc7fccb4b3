import {
  CONTRACT_TYPES,
  EVIDENCE_LEVELS,
  PLACEMENT_SOURCES,
  PLACEMENT_TEXT_LIMITS,
  REGION_CODES,
  SITUATION_KINDS,
  situationProblems,
} from '@oris/shared/domain';
import type {
  ContractType,
  CsvRecord,
  EvidenceLevel,
  PlacementSource,
  RegionCode,
  SituationKind,
} from '@oris/shared/domain';

export const PLACEMENT_IMPORT_COLUMNS = [
  'email',
  'kind',
  'contract',
  'organisationId',
  'employerName',
  'sector',
  'position',
  'regionCode',
  'startOn',
  'endOn',
  'source',
  'evidence',
  'note',
] as const;
export type PlacementImportColumn = (typeof PLACEMENT_IMPORT_COLUMNS)[number];

const REQUIRED: PlacementImportColumn[] = [
  'email',
  'kind',
  'regionCode',
  'startOn',
  'source',
  'evidence',
];

export const PLACEMENT_IMPORT_ROWS_MAX = 2_000;

export interface ImportProblem {
  line: number;
  /** The column, or `file` for a problem with the file as a whole. */
  field: string;
  reason: string;
}

export interface PlacementImportRow {
  line: number;
  email: string;
  kind: SituationKind;
  contract: ContractType | null;
  organisationId: string | null;
  employerName: string | null;
  sector: string | null;
  position: string | null;
  regionCode: RegionCode;
  startOn: string;
  endOn: string | null;
  source: PlacementSource;
  evidence: EvidenceLevel;
  note: string | null;
}

export interface PlacementImportRead {
  /** The rows without a problem of their own. */
  rows: PlacementImportRow[];
  /** Every well-formed email with its line, so that unknown people are reported on bad rows too. */
  emails: { line: number; email: string }[];
  problems: ImportProblem[];
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

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
 * Checks the rows of a placement import on their own (the database checks come after): known
 * columns, required values, vocabularies, lengths, dates and the situation rules (contract for
 * wage employment, the place where the kind has one, end not before start). Every problem is
 * reported with its line and column. Cells are kept as written (trimmed): a formula-like cell is
 * text, never evaluated.
 */
export function readPlacementRows(records: CsvRecord[], today: string): PlacementImportRead {
  const problems: ImportProblem[] = [];
  const emails: { line: number; email: string }[] = [];
  const [header, ...body] = records;
  if (!header) {
    return {
      rows: [],
      emails: [],
      problems: [{ line: 1, field: 'file', reason: 'the file is empty' }],
    };
  }
  const columns = header.cells.map((cell) => cell.trim());
  for (const column of columns) {
    if (!oneOf(PLACEMENT_IMPORT_COLUMNS, column)) {
      problems.push({
        line: 1,
        field: column || 'file',
        reason: `unknown column; expected ${PLACEMENT_IMPORT_COLUMNS.join(', ')}`,
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
  if (body.length > PLACEMENT_IMPORT_ROWS_MAX) {
    problems.push({
      line: 1,
      field: 'file',
      reason: `at most ${PLACEMENT_IMPORT_ROWS_MAX} rows per import`,
    });
  }
  if (problems.length > 0) return { rows: [], emails: [], problems };

  const rows: PlacementImportRow[] = [];
  for (const record of body) {
    const before = problems.length;
    const value = (column: PlacementImportColumn) => {
      const index = columns.indexOf(column);
      return index === -1 ? '' : (record.cells[index] ?? '').trim();
    };
    const problem = (field: string, reason: string) =>
      problems.push({ line: record.line, field, reason });
    if (record.cells.length > columns.length) problem('file', 'more cells than columns');
    for (const column of REQUIRED) if (value(column) === '') problem(column, 'required');

    const email = value('email').toLowerCase();
    if (email !== '' && (email.length > 254 || !EMAIL.test(email))) {
      problem('email', 'not an email address');
    } else if (email !== '') {
      emails.push({ line: record.line, email });
    }
    const vocabulary = <T extends string>(column: PlacementImportColumn, values: readonly T[]) => {
      const cell = value(column);
      if (cell !== '' && !oneOf(values, cell)) problem(column, `one of ${values.join(', ')}`);
      return oneOf(values, cell) ? cell : null;
    };
    const kind = vocabulary('kind', SITUATION_KINDS);
    const contract = vocabulary('contract', CONTRACT_TYPES);
    const source = vocabulary('source', PLACEMENT_SOURCES);
    const evidence = vocabulary('evidence', EVIDENCE_LEVELS);
    const regionCode = value('regionCode');
    if (regionCode !== '' && !oneOf(REGION_CODES, regionCode)) {
      problem('regionCode', 'a region code, MA-01 to MA-12');
    }
    const organisationId = value('organisationId');
    if (organisationId !== '' && !UUID.test(organisationId)) {
      problem('organisationId', 'an organisation id (UUID)');
    }
    const text = (column: 'employerName' | 'sector' | 'position' | 'note') => {
      const cell = value(column);
      if (cell.length > PLACEMENT_TEXT_LIMITS[column]) {
        problem(column, `at most ${PLACEMENT_TEXT_LIMITS[column]} characters`);
      }
      if (CONTROL.test(cell)) problem(column, 'contains control characters');
      return cell === '' ? null : cell;
    };
    const employerName = text('employerName');
    const sector = text('sector');
    const position = text('position');
    const note = text('note');
    const day = (column: 'startOn' | 'endOn') => {
      const cell = value(column);
      if (cell !== '' && !isDay(cell)) problem(column, 'a date written YYYY-MM-DD');
      return cell !== '' && isDay(cell) ? cell : null;
    };
    const startOn = day('startOn');
    const endOn = day('endOn');
    if (kind !== null && startOn !== null) {
      const facts = {
        kind,
        contract: value('contract') === '' ? null : contract,
        organisationId: organisationId === '' ? null : organisationId,
        employerName,
        sector,
        position,
        startOn,
        endOn,
      };
      for (const { field, message } of situationProblems(facts, today)) {
        // A bad contract cell was already reported as such.
        if (field === 'contract' && value('contract') !== '' && contract === null) continue;
        problem(field, message);
      }
    }
    if (problems.length > before) continue;
    rows.push({
      line: record.line,
      email,
      kind: kind as SituationKind,
      contract,
      organisationId: organisationId === '' ? null : organisationId.toLowerCase(),
      employerName,
      sector,
      position,
      regionCode: regionCode as RegionCode,
      startOn: startOn as string,
      endOn,
      source: source as PlacementSource,
      evidence: evidence as EvidenceLevel,
      note,
    });
  }
  return { rows, emails, problems };
}

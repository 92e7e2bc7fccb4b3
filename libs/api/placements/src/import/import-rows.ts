import {
  CONTRACT_TYPES,
  EVIDENCE_LEVELS,
  PLACEMENT_FACT_FIELDS,
  PLACEMENT_SOURCES,
  PLACEMENT_TEXT_LIMITS,
  REGION_CODES,
  SITUATION_KINDS,
  situationProblems,
  isDateOnly,
  isEmailAddress,
  isOneOf,
  readCsvTable,
} from '@oris/shared/domain';
import type {
  ContractType,
  CsvProblem,
  CsvRecord,
  EvidenceLevel,
  PlacementSource,
  RegionCode,
  SituationKind,
} from '@oris/shared/domain';

export const PLACEMENT_IMPORT_COLUMNS = ['email', ...PLACEMENT_FACT_FIELDS] as const;
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

/** A problem with the file or one of its rows. */
export type ImportProblem = CsvProblem;

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

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
  const table = readCsvTable(records, {
    columns: PLACEMENT_IMPORT_COLUMNS,
    required: REQUIRED,
    maxRows: PLACEMENT_IMPORT_ROWS_MAX,
  });
  if (table.problems.length > 0) return { rows: [], emails: [], problems: table.problems };

  const rows: PlacementImportRow[] = [];
  for (const record of table.body) {
    const before = problems.length;
    const value = (column: PlacementImportColumn) => table.cell(record, column);
    const problem = (field: string, reason: string) =>
      problems.push({ line: record.line, field, reason });
    if (record.cells.length > table.columns.length) problem('file', 'more cells than columns');
    for (const column of REQUIRED) if (value(column) === '') problem(column, 'required');

    const email = value('email').toLowerCase();
    if (email !== '' && !isEmailAddress(email)) {
      problem('email', 'not an email address');
    } else if (email !== '') {
      emails.push({ line: record.line, email });
    }
    const vocabulary = <T extends string>(column: PlacementImportColumn, values: readonly T[]) => {
      const cell = value(column);
      if (cell !== '' && !isOneOf(values, cell)) problem(column, `one of ${values.join(', ')}`);
      return isOneOf(values, cell) ? cell : null;
    };
    const kind = vocabulary('kind', SITUATION_KINDS);
    const contract = vocabulary('contract', CONTRACT_TYPES);
    const source = vocabulary('source', PLACEMENT_SOURCES);
    const evidence = vocabulary('evidence', EVIDENCE_LEVELS);
    const regionCode = value('regionCode');
    if (regionCode !== '' && !isOneOf(REGION_CODES, regionCode)) {
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
      if (cell !== '' && !isDateOnly(cell)) problem(column, 'a date written YYYY-MM-DD');
      return cell !== '' && isDateOnly(cell) ? cell : null;
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

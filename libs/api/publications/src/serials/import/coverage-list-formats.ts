import type { CoverageState, CsvRecord } from '@oris/shared/domain';
import { normalizeIssn } from '@oris/shared/domain';

/**
 * The coverage lists the observatory loads, read offline from their own CSV exports, by their
 * real column names (case and surrounding spaces ignored):
 *
 * - `doaj`: DOAJ's journal CSV: "Journal title", "Journal ISSN (print version)", "Journal EISSN
 *   (online version)", "Publisher", "Country of publisher", "Added on Date". A journal in the
 *   list is covered, active, from the year it was added, ongoing.
 * - `scopus`: Scopus's source list: "Source Title", "ISSN", "EISSN", "Active or Inactive",
 *   "Coverage" (ranges such as `1996-2023` or `1970-1985, 1996-2024`, one coverage row per
 *   range), "Publisher", "Publisher's Country/Territory". An active source's last range is
 *   ongoing; an inactive source's ranges are discontinued.
 * - `wos`: Clarivate's master journal list (also ARCI's, published the same way): "Journal
 *   title", "ISSN", "eISSN", "Publisher name". The list states no years: a journal in it is
 *   covered, active, from the import's `fromYear` (default: the year it was checked), ongoing.
 * - `generic`: the observatory's own template: `title`, `issnPrint`, `issnOnline`, `publisher`,
 *   `country` (ISO 3166-1 alpha-2 or an English/French name), `fromYear`, `toYear` (empty =
 *   ongoing), `state` (`active`, `discontinued`; default active), `evidenceUrl`.
 */
export const COVERAGE_LIST_FORMATS = ['doaj', 'scopus', 'wos', 'generic'] as const;
export type CoverageListFormat = (typeof COVERAGE_LIST_FORMATS)[number];

export const GENERIC_TEMPLATE_COLUMNS = [
  'title',
  'issnPrint',
  'issnOnline',
  'publisher',
  'country',
  'fromYear',
  'toYear',
  'state',
  'evidenceUrl',
] as const;

type Field =
  | 'title'
  | 'issnPrint'
  | 'issnOnline'
  | 'publisher'
  | 'country'
  | 'addedOn'
  | 'coverage'
  | 'active'
  | 'fromYear'
  | 'toYear'
  | 'state'
  | 'evidenceUrl';

/** Each format's header (lower case) for each field it carries; the first fields are required. */
const COLUMNS: Record<
  CoverageListFormat,
  { required: Field[]; headers: Partial<Record<Field, string[]>> }
> = {
  doaj: {
    required: ['title', 'issnPrint', 'issnOnline'],
    headers: {
      title: ['journal title'],
      issnPrint: ['journal issn (print version)'],
      issnOnline: ['journal eissn (online version)'],
      publisher: ['publisher'],
      country: ['country of publisher'],
      addedOn: ['added on date'],
      evidenceUrl: ['url in doaj'],
    },
  },
  scopus: {
    required: ['title', 'issnPrint', 'coverage'],
    headers: {
      title: ['source title', 'source title (medline-sourced journals are indicated in green)'],
      issnPrint: ['issn', 'print-issn'],
      issnOnline: ['eissn', 'e-issn'],
      active: ['active or inactive'],
      coverage: ['coverage'],
      publisher: ['publisher', "publisher's name"],
      country: ["publisher's country/territory", 'publisher country'],
    },
  },
  wos: {
    required: ['title', 'issnPrint', 'issnOnline'],
    headers: {
      title: ['journal title', 'journal title (arabic)'],
      issnPrint: ['issn'],
      issnOnline: ['eissn', 'e-issn'],
      publisher: ['publisher name', 'publisher'],
    },
  },
  generic: {
    required: ['title', 'issnPrint', 'issnOnline', 'fromYear'],
    headers: {
      title: ['title'],
      issnPrint: ['issnprint', 'issn_print'],
      issnOnline: ['issnonline', 'issn_online'],
      publisher: ['publisher'],
      country: ['country'],
      fromYear: ['fromyear', 'from_year'],
      toYear: ['toyear', 'to_year'],
      state: ['state'],
      evidenceUrl: ['evidenceurl', 'evidence_url'],
    },
  },
};

export interface CoverageRange {
  fromYear: number;
  toYear: number | null;
  state: CoverageState;
}

export interface ListProblem {
  code:
    | 'title_missing'
    | 'issn_missing'
    | 'issn_invalid'
    | 'coverage_invalid'
    | 'state_invalid'
    | 'duplicate_in_file'
    | 'issns_match_two_serials';
  params: Record<string, string | number>;
}

export interface CoverageListRow {
  line: number;
  title: string;
  issnPrint: string | null;
  issnOnline: string | null;
  publisher: string | null;
  country: string | null;
  evidenceUrl: string | null;
  ranges: CoverageRange[];
  /** Rows with a problem are left out of the import. */
  problems: ListProblem[];
  /** Said, but the row goes in (a country name no code was found for is left empty). */
  warnings: { code: 'country_unknown'; params: Record<string, string> }[];
}

export interface CoverageList {
  format: CoverageListFormat;
  rows: CoverageListRow[];
}

const headerKey = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

function columnsOf(format: CoverageListFormat, header: string[]): Map<Field, number> | null {
  const keys = header.map(headerKey);
  const found = new Map<Field, number>();
  for (const [field, names] of Object.entries(COLUMNS[format].headers) as [Field, string[]][]) {
    const index = keys.findIndex((key) => names.includes(key));
    if (index >= 0) found.set(field, index);
  }
  return COLUMNS[format].required.every((field) => found.has(field)) ? found : null;
}

/** The format whose required columns the header carries (DOAJ and Scopus first: WoS's are fewer). */
export function detectCoverageListFormat(header: string[]): CoverageListFormat | null {
  for (const format of ['doaj', 'scopus', 'generic', 'wos'] as const) {
    if (columnsOf(format, header)) return format;
  }
  return null;
}

export class UnknownListFormatError extends Error {}

let countryCodes: Map<string, string> | null = null;
/** Country names in English and French (as the lists write them) to ISO 3166-1 alpha-2. */
function countryCodeOf(text: string): string | null {
  if (!countryCodes) {
    countryCodes = new Map();
    const names = ['en', 'fr'].map((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        for (const display of names) {
          const name = display.of(code);
          const key = name?.toLowerCase();
          if (key && name !== code && !countryCodes.has(key)) countryCodes.set(key, code);
        }
      }
    }
  }
  const key = text.trim();
  if (/^[A-Za-z]{2}$/.test(key)) return key.toUpperCase();
  return countryCodes.get(key.toLowerCase()) ?? null;
}

const YEAR = /^(19|20|21)[0-9]{2}$/;
const ONGOING = /^(ongoing|present|current|now|en cours)?$/i;

/** Scopus's coverage: `1996-2023`, `1970-1985, 1996-2024`, `2011-ongoing`, or a single year. */
export function parseCoverageRanges(
  text: string,
): { fromYear: number; toYear: number | null }[] | null {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  const ranges: { fromYear: number; toYear: number | null }[] = [];
  for (const part of parts) {
    const [from, to, ...rest] = part.split(/\s*[-\u2010-\u2015]\s*/);
    if (rest.length > 0 || !YEAR.test(from)) return null;
    if (to === undefined) {
      ranges.push({ fromYear: Number(from), toYear: Number(from) });
      continue;
    }
    if (ONGOING.test(to)) ranges.push({ fromYear: Number(from), toYear: null });
    else if (YEAR.test(to) && Number(to) >= Number(from))
      ranges.push({ fromYear: Number(from), toYear: Number(to) });
    else return null;
  }
  return ranges.sort((a, b) => a.fromYear - b.fromYear);
}

/**
 * Reads a coverage list: its format (given, or found from the header), then each row's serial
 * facts, coverage ranges and problems. Problems are codes with parameters, for the caller to word.
 */
export function readCoverageList(
  records: CsvRecord[],
  options: { format?: CoverageListFormat; defaultFromYear: number },
): CoverageList {
  const [header, ...body] = records;
  if (!header) throw new UnknownListFormatError('The file is empty.');
  const format = options.format ?? detectCoverageListFormat(header.cells);
  const columns = format ? columnsOf(format, header.cells) : null;
  if (!format || !columns) {
    throw new UnknownListFormatError(
      format
        ? `The header lacks a required column of the ${format} format (${COLUMNS[format].required.join(', ')}).`
        : 'The header matches none of the DOAJ, Scopus, Web of Science (or ARCI) or template columns.',
    );
  }
  const seen = new Map<string, number>();
  const rows = body.map((record) => {
    const cell = (field: Field): string => {
      const index = columns.get(field);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const problems: ListProblem[] = [];
    const issnOf = (field: 'issnPrint' | 'issnOnline'): string | null => {
      const text = cell(field);
      if (text === '') return null;
      const issn = normalizeIssn(text);
      if (!issn) problems.push({ code: 'issn_invalid', params: { column: field, value: text } });
      return issn;
    };
    const title = cell('title');
    if (title === '') problems.push({ code: 'title_missing', params: {} });
    const issnPrint = issnOf('issnPrint');
    const issnOnline = issnOf('issnOnline');
    if (cell('issnPrint') === '' && cell('issnOnline') === '') {
      problems.push({ code: 'issn_missing', params: {} });
    }
    for (const issn of [issnPrint, issnOnline]) {
      if (!issn) continue;
      const earlier = seen.get(issn);
      if (earlier !== undefined && earlier !== record.line) {
        problems.push({ code: 'duplicate_in_file', params: { issn, line: earlier } });
      } else seen.set(issn, record.line);
    }
    const countryText = cell('country');
    const country = countryText === '' ? null : countryCodeOf(countryText);
    const warnings: CoverageListRow['warnings'] =
      countryText !== '' && !country
        ? [{ code: 'country_unknown', params: { value: countryText } }]
        : [];
    const ranges = rangesOf(format, cell, options.defaultFromYear, problems);
    return {
      line: record.line,
      title,
      issnPrint,
      issnOnline,
      publisher: cell('publisher') || null,
      country,
      evidenceUrl: /^https?:\/\//i.test(cell('evidenceUrl')) ? cell('evidenceUrl') : null,
      ranges,
      problems,
      warnings,
    };
  });
  return { format, rows };
}

function rangesOf(
  format: CoverageListFormat,
  cell: (field: Field) => string,
  defaultFromYear: number,
  problems: ListProblem[],
): CoverageRange[] {
  switch (format) {
    case 'doaj': {
      const added = cell('addedOn').slice(0, 4);
      return [
        {
          fromYear: YEAR.test(added) ? Number(added) : defaultFromYear,
          toYear: null,
          state: 'active',
        },
      ];
    }
    case 'wos':
      return [{ fromYear: defaultFromYear, toYear: null, state: 'active' }];
    case 'scopus': {
      const ranges = parseCoverageRanges(cell('coverage'));
      if (!ranges) {
        problems.push({ code: 'coverage_invalid', params: { value: cell('coverage') } });
        return [];
      }
      const active = cell('active').toLowerCase() !== 'inactive';
      return ranges.map((range, index) => {
        const last = index === ranges.length - 1;
        return {
          fromYear: range.fromYear,
          toYear: active && last ? null : range.toYear,
          state: active && last ? 'active' : 'discontinued',
        };
      });
    }
    case 'generic': {
      const from = cell('fromYear');
      const to = cell('toYear');
      const stateText = cell('state').toLowerCase() || 'active';
      if (!YEAR.test(from) || (to !== '' && (!YEAR.test(to) || Number(to) < Number(from)))) {
        problems.push({ code: 'coverage_invalid', params: { value: `${from}-${to}` } });
        return [];
      }
      if (stateText !== 'active' && stateText !== 'discontinued') {
        problems.push({ code: 'state_invalid', params: { value: cell('state') } });
        return [];
      }
      return [{ fromYear: Number(from), toYear: to === '' ? null : Number(to), state: stateText }];
    }
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '@oris/shared/domain';
import {
  detectCoverageListFormat,
  parseCoverageRanges,
  readCoverageList,
  UnknownListFormatError,
} from './coverage-list-formats';

const fixture = (name: string) => parseCsv(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));

describe('coverage list formats', () => {
  it('reads DOAJ’s journal CSV: online ISSN, country name to code, covered from the year added', () => {
    const list = readCoverageList(fixture('doaj-journals.csv'), { defaultFromYear: 2026 });
    expect(list.format).toBe('doaj');
    expect(list.rows[0]).toMatchObject({
      line: 2,
      title: 'Revue Marocaine de Santé Publique',
      issnPrint: null,
      issnOnline: '2351-8200',
      publisher: 'IMIST',
      country: 'MA',
      ranges: [{ fromYear: 2018, toYear: null, state: 'active' }],
      problems: [],
    });
    expect(list.rows[1]).toMatchObject({ country: 'GB', ranges: [{ fromYear: 2013 }] });
    expect(list.rows[2].problems).toEqual([
      { code: 'issn_invalid', params: { column: 'issnPrint', value: '0317-8472' } },
    ]);
    expect(list.rows[2].warnings).toEqual([
      { code: 'country_unknown', params: { value: 'Atlantis' } },
    ]);
  });

  it('reads Scopus’s source list: ISSNs without hyphens, one row per coverage range, inactive as discontinued', () => {
    const list = readCoverageList(fixture('scopus-sources.csv'), { defaultFromYear: 2026 });
    expect(list.format).toBe('scopus');
    expect(list.rows[0]).toMatchObject({
      issnOnline: '2049-9647',
      country: 'GB',
      ranges: [{ fromYear: 2015, toYear: null, state: 'active' }],
    });
    expect(list.rows[1]).toMatchObject({
      issnPrint: '0317-8471',
      ranges: [
        { fromYear: 1970, toYear: 1985, state: 'discontinued' },
        { fromYear: 1996, toYear: 2004, state: 'discontinued' },
      ],
    });
    expect(list.rows[2].problems).toEqual([
      { code: 'coverage_invalid', params: { value: 'sometime' } },
    ]);
  });

  it('reads the Web of Science (and ARCI) master list: covered from the given year, ongoing', () => {
    const list = readCoverageList(fixture('wos-master-list.csv'), { defaultFromYear: 2025 });
    expect(list.format).toBe('wos');
    expect(list.rows.map((row) => [row.issnPrint, row.issnOnline, row.ranges])).toEqual([
      [null, '2049-9647', [{ fromYear: 2025, toYear: null, state: 'active' }]],
      ['1050-124X', null, [{ fromYear: 2025, toYear: null, state: 'active' }]],
    ]);
  });

  it('reads the template (semicolons) and reports bad years, bad states and an ISSN twice in the file', () => {
    const list = readCoverageList(fixture('coverage-template.csv'), { defaultFromYear: 2026 });
    expect(list.format).toBe('generic');
    expect(list.rows[0]).toMatchObject({
      issnOnline: '2351-8200',
      evidenceUrl: 'https://example.org/evidence',
      ranges: [{ fromYear: 2019, toYear: null, state: 'active' }],
      problems: [],
    });
    expect(list.rows[1].problems).toEqual([
      { code: 'coverage_invalid', params: { value: '2001-1999' } },
    ]);
    expect(list.rows[2].problems).toEqual([
      { code: 'duplicate_in_file', params: { issn: '0317-8471', line: 3 } },
      { code: 'state_invalid', params: { value: 'stopped' } },
    ]);
  });

  it('refuses a header that matches no format', () => {
    expect(detectCoverageListFormat(['Name', 'Code'])).toBeNull();
    expect(() => readCoverageList(parseCsv('Name,Code\nx,y\n'), { defaultFromYear: 2026 })).toThrow(
      UnknownListFormatError,
    );
  });

  it('parses coverage ranges as Scopus writes them', () => {
    expect(parseCoverageRanges('1996-2023')).toEqual([{ fromYear: 1996, toYear: 2023 }]);
    expect(parseCoverageRanges('1996-2003, 1970-1985')).toEqual([
      { fromYear: 1970, toYear: 1985 },
      { fromYear: 1996, toYear: 2003 },
    ]);
    expect(parseCoverageRanges('2011-ongoing')).toEqual([{ fromYear: 2011, toYear: null }]);
    expect(parseCoverageRanges('2019')).toEqual([{ fromYear: 2019, toYear: 2019 }]);
    expect(parseCoverageRanges('2020-2010')).toBeNull();
    expect(parseCoverageRanges('')).toBeNull();
  });
});

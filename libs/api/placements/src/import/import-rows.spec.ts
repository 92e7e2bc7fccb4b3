import { parseCsv } from '@oris/shared/domain';
import { readPlacementRows } from './import-rows';

const today = '2026-03-10';
const HEADER =
  'email,kind,contract,organisationId,employerName,sector,position,regionCode,startOn,endOn,source,evidence,note';
const read = (csv: string) => readPlacementRows(parseCsv(csv), today);

describe('reading the rows of a placement import', () => {
  it('reads a valid row, lower-casing the email and keeping text as written', () => {
    const { rows, problems } = read(
      `${HEADER}\nAmina@Example.MA,wage_employment,fixed_term,,"=HYPERLINK(""http://x"")",ESS,Animatrice,MA-04,2024-09-01,2025-06-30,employer,documented,CNSS`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        email: 'amina@example.ma',
        kind: 'wage_employment',
        contract: 'fixed_term',
        organisationId: null,
        employerName: '=HYPERLINK("http://x")',
        sector: 'ESS',
        position: 'Animatrice',
        regionCode: 'MA-04',
        startOn: '2024-09-01',
        endOn: '2025-06-30',
        source: 'employer',
        evidence: 'documented',
        note: 'CNSS',
      },
    ]);
  });

  it('reports every bad cell of every row with its line and column', () => {
    const { rows, problems, emails } = read(
      [
        HEADER,
        'a@example.ma,wage_employment,,,Amal,ESS,Agent,MA-04,2024-09-01,,officer,confirmed,',
        'b@example.ma,job,,,,,,MA-13,2024-02-30,,phone,sure,',
        'c@example.ma,seeking,,,,,,MA-01,2025-05-01,2025-04-01,survey,declared,',
        'not-an-email,internship,,x,,,,MA-02,2099-01-01,,officer,declared,',
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(emails.map((entry) => entry.line)).toEqual([2, 3, 4]);
    expect(problems).toEqual([
      { line: 2, field: 'contract', reason: 'contract is required for wage employment' },
      { line: 3, field: 'kind', reason: expect.stringContaining('one of wage_employment') },
      { line: 3, field: 'source', reason: 'one of officer, survey, employer' },
      { line: 3, field: 'evidence', reason: 'one of declared, confirmed, documented' },
      { line: 3, field: 'regionCode', reason: 'a region code, MA-01 to MA-12' },
      { line: 3, field: 'startOn', reason: 'a date written YYYY-MM-DD' },
      { line: 4, field: 'endOn', reason: 'endOn cannot be before startOn' },
      { line: 5, field: 'email', reason: 'not an email address' },
      { line: 5, field: 'organisationId', reason: 'an organisation id (UUID)' },
      { line: 5, field: 'sector', reason: 'sector is required for internship' },
      { line: 5, field: 'position', reason: 'position is required for internship' },
      { line: 5, field: 'startOn', reason: 'startOn cannot be in the future (2026-03-10)' },
    ]);
  });

  it('refuses unknown or missing columns before reading any row', () => {
    const { problems } = read('email,situation,startOn\na@example.ma,seeking,2025-01-01');
    expect(problems).toEqual([
      {
        line: 1,
        field: 'situation',
        reason: expect.stringContaining('unknown column'),
        code: 'unknown_column',
        params: { expected: expect.any(String) },
      },
      { line: 1, field: 'kind', reason: 'missing column', code: 'missing_column' },
      { line: 1, field: 'regionCode', reason: 'missing column', code: 'missing_column' },
      { line: 1, field: 'source', reason: 'missing column', code: 'missing_column' },
      { line: 1, field: 'evidence', reason: 'missing column', code: 'missing_column' },
    ]);
    expect(read('').problems).toEqual([
      { line: 1, field: 'file', reason: 'the file is empty', code: 'file_empty' },
    ]);
  });
});

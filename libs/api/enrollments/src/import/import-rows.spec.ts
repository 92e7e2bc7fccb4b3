import { parseCsv } from '@oris/shared/domain';
import { newPersonProblems, readImportRows } from './import-rows';

const today = '2026-03-10';
const HEADER =
  'email,fullName,fullNameAr,gender,birthYear,regionCode,baselineSituation,educationLevel,completedOn';
const read = (csv: string) => readImportRows(parseCsv(csv), today);

describe('reading the rows of an enrollment import', () => {
  it('reads a valid row, lower-casing the email and keeping names as written', () => {
    const { rows, problems } = read(
      `${HEADER}\nAmina.B@Example.MA , Amina Benali ,أمينة,female,1994,MA-04,seeking,licence,2025-06-30`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        email: 'amina.b@example.ma',
        fullName: 'Amina Benali',
        fullNameAr: 'أمينة',
        gender: 'female',
        birthYear: 1994,
        regionCode: 'MA-04',
        phone: null,
        baselineSituation: 'seeking',
        educationLevel: 'licence',
        completedOn: '2025-06-30',
        blanks: [],
      },
    ]);
  });

  it('reads an optional phone column into E.164 and names a number it cannot read', () => {
    const { rows, problems } = read(
      [
        'email,fullName,phone,baselineSituation,educationLevel',
        'a@example.ma,A,06 12 34 56 78,seeking,licence',
        'b@example.ma,B,,seeking,licence',
        'c@example.ma,C,+33 6 12 34 56 78,seeking,licence',
        'd@example.ma,D,08 12 34 56 78,seeking,licence',
      ].join('\n'),
    );
    expect(rows.map((row) => row.phone)).toEqual(['+212612345678', null, '+33612345678', null]);
    expect(problems).toEqual([
      {
        line: 5,
        field: 'phone',
        reason: 'a Moroccan number (06, 07 or 05 and 8 digits) or an international one with +',
      },
    ]);
  });

  it('reports every bad cell with its line and column at once', () => {
    const { problems } = read(
      `${HEADER}\nnot-an-email,,x,other,1800,MA-13,retired,phd,2025-02-30\nok@example.ma,Ok,,,,,employed,master,2099-01-01`,
    );
    expect(problems).toEqual([
      { line: 2, field: 'fullName', reason: 'required' },
      { line: 2, field: 'email', reason: 'not an email address' },
      { line: 2, field: 'gender', reason: 'one of female, male' },
      { line: 2, field: 'birthYear', reason: 'a year between 1900 and 2016' },
      { line: 2, field: 'regionCode', reason: 'a region code, MA-01 to MA-12' },
      { line: 2, field: 'baselineSituation', reason: expect.stringContaining('one of employed') },
      { line: 2, field: 'educationLevel', reason: expect.stringContaining('one of none') },
      { line: 2, field: 'completedOn', reason: 'a date written YYYY-MM-DD' },
      { line: 3, field: 'completedOn', reason: 'cannot be in the future' },
    ]);
  });

  it('refuses the same email twice, naming the first line', () => {
    const { problems } = read(
      'email,fullName,baselineSituation,educationLevel\na@example.ma,A,seeking,licence\nA@example.ma,B,seeking,licence',
    );
    expect(problems).toEqual([{ line: 3, field: 'email', reason: 'already on line 2' }]);
  });

  it('refuses unknown or missing columns before reading any row', () => {
    const { rows, problems } = read('email,name,baselineSituation\na@example.ma,A,seeking');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 1, field: 'name', reason: expect.stringContaining('unknown column') },
      { line: 1, field: 'fullName', reason: 'missing column' },
      { line: 1, field: 'educationLevel', reason: 'missing column' },
    ]);
    expect(read('').problems).toEqual([{ line: 1, field: 'file', reason: 'the file is empty' }]);
  });

  it('keeps formula-like cells as text', () => {
    const { rows, problems } = read(
      'email,fullName,baselineSituation,educationLevel\na@example.ma,"=HYPERLINK(""http://x"",""y"")",seeking,licence',
    );
    expect(problems).toEqual([]);
    expect(rows[0].fullName).toBe('=HYPERLINK("http://x","y")');
  });

  it('requires gender, birth year and region only for someone without an account', () => {
    const { rows } = read(
      'email,fullName,baselineSituation,educationLevel\na@example.ma,A,seeking,licence',
    );
    expect(newPersonProblems(rows[0]).map((problem) => problem.field)).toEqual([
      'gender',
      'birthYear',
      'regionCode',
    ]);
  });
});

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
        code: 'not_phone',
      },
    ]);
  });

  it('reports every bad cell with its line and column at once', () => {
    const { problems } = read(
      `${HEADER}\nnot-an-email,,x,other,1800,MA-13,retired,bac+9,2025-02-30\nok@example.ma,Ok,,,,,employed,master,2099-01-01`,
    );
    expect(
      problems.map(({ line, field, code, params }) => ({ line, field, code, params })),
    ).toEqual([
      { line: 2, field: 'fullName', code: 'required', params: undefined },
      { line: 2, field: 'email', code: 'not_email', params: undefined },
      { line: 2, field: 'gender', code: 'not_in_list', params: { values: 'female, male' } },
      { line: 2, field: 'birthYear', code: 'birth_year_range', params: { min: 1900, max: 2016 } },
      {
        line: 2,
        field: 'regionCode',
        code: 'not_in_list',
        params: { values: expect.stringContaining('MA-01') },
      },
      {
        line: 2,
        field: 'baselineSituation',
        code: 'not_in_list',
        params: { values: expect.stringContaining('employed') },
      },
      {
        line: 2,
        field: 'educationLevel',
        code: 'not_in_list',
        params: { values: expect.stringContaining('none') },
      },
      { line: 2, field: 'completedOn', code: 'not_date', params: undefined },
      { line: 3, field: 'completedOn', code: 'future_date', params: undefined },
    ]);
    // The English reason stays for API clients.
    expect(problems[2].reason).toBe('one of female, male');
    expect(problems[3].reason).toBe('a year between 1900 and 2016');
  });

  it('refuses the same email twice, naming the first line', () => {
    const { problems } = read(
      'email,fullName,baselineSituation,educationLevel\na@example.ma,A,seeking,licence\nA@example.ma,B,seeking,licence',
    );
    expect(problems).toEqual([
      {
        line: 3,
        field: 'email',
        reason: 'already on line 2',
        code: 'duplicate_email',
        params: { line: 2 },
      },
    ]);
  });

  it('refuses unknown or missing columns before reading any row', () => {
    const { rows, problems } = read('email,nickname,baselineSituation\na@example.ma,A,seeking');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        line: 1,
        field: 'nickname',
        reason: expect.stringContaining('unknown column'),
        code: 'unknown_column',
        params: { expected: expect.any(String) },
      },
      { line: 1, field: 'fullName', reason: 'missing column', code: 'missing_column' },
      { line: 1, field: 'educationLevel', reason: 'missing column', code: 'missing_column' },
    ]);
    expect(read('').problems).toEqual([
      { line: 1, field: 'file', reason: 'the file is empty', code: 'file_empty' },
    ]);
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

  it('reads headers and listed values written as people know them, in French, Arabic or English', () => {
    const { rows, problems } = read(
      [
        'Adresse e-mail;Nom complet;Genre;Année de naissance;Région;Situation à l’inscription;Niveau d’études',
        'a@example.ma;Amina Benali;femme;1994;souss massa;Salariée;Bac+2',
        'b@example.ma;Omar Idrissi;Homme;1990;CASABLANCA-SETTAT;demandeur d’emploi;licence',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(
      rows.map(({ gender, regionCode, baselineSituation, educationLevel }) => ({
        gender,
        regionCode,
        baselineSituation,
        educationLevel,
      })),
    ).toEqual([
      {
        gender: 'female',
        regionCode: 'MA-09',
        baselineSituation: 'employed',
        educationLevel: 'bac_plus_2',
      },
      {
        gender: 'male',
        regionCode: 'MA-06',
        baselineSituation: 'seeking',
        educationLevel: 'licence',
      },
    ]);
    const arabic = read(
      [
        'البريد الإلكتروني,الاسم الكامل,الجنس,سنة الازدياد,الجهة,الوضعية عند التسجيل,المستوى الدراسي',
        'c@example.ma,Salma,أنثى,1992,الرباط سلا القنيطرة,أجيرة,الإجازة',
      ].join('\n'),
    );
    expect(arabic.problems).toEqual([]);
    expect(arabic.rows[0]).toMatchObject({
      gender: 'female',
      regionCode: 'MA-04',
      baselineSituation: 'employed',
      educationLevel: 'licence',
    });
  });

  it('still names the codes when a value is neither a code nor a label', () => {
    const { problems } = read(
      'email,fullName,baselineSituation,educationLevel\na@example.ma,A,retraité,Bac+2',
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'baselineSituation',
        code: 'not_in_list',
        params: { values: 'employed, self_employed, seeking, student, inactive' },
      }),
    ]);
  });
});

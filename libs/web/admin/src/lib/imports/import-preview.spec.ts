import { previewRows } from './import-preview';

const problem = (line: number, field: string, reason = 'wrong') => ({ line, field, reason });

describe('previewRows', () => {
  it('puts each problem beside its row, and keeps the rows without one', () => {
    const csv =
      'email,fullName,baselineSituation\n' +
      'amina@example.ma,Amina Benali,seeking\n' +
      'yassir@example.ma,Yassir Naciri,unemployed\n';

    expect(previewRows(csv, [problem(3, 'baselineSituation')])).toEqual({
      fileProblems: [],
      rows: [
        { line: 2, email: 'amina@example.ma', fullName: 'Amina Benali', problems: [] },
        {
          line: 3,
          email: 'yassir@example.ma',
          fullName: 'Yassir Naciri',
          problems: [problem(3, 'baselineSituation')],
        },
      ],
    });
  });

  it('reads semicolons, quotes and line breaks inside quotes as the API does', () => {
    const csv =
      '\uFEFFfullName;email\r\n' +
      '"Benali; Amina";amina@example.ma\r\n' +
      '\r\n' +
      '"Naciri\n""Yassir""";yassir@example.ma\r\n' +
      'Zineb Tahiri;zineb@example.ma';

    const rows = previewRows(csv, [problem(6, 'email')]).rows;
    expect(rows.map(({ line, email, fullName }) => ({ line, email, fullName }))).toEqual([
      { line: 2, email: 'amina@example.ma', fullName: 'Benali; Amina' },
      { line: 4, email: 'yassir@example.ma', fullName: 'Naciri\n"Yassir"' },
      { line: 6, email: 'zineb@example.ma', fullName: 'Zineb Tahiri' },
    ]);
    expect(rows[2].problems).toEqual([problem(6, 'email')]);
  });

  it('keeps the problems of the header and of an unreadable file apart', () => {
    expect(previewRows('emial,fullName\nx,y\n', [problem(1, 'emial')]).fileProblems).toEqual([
      problem(1, 'emial'),
    ]);
    expect(previewRows('email\n"never closed\n', [problem(2, 'file')])).toEqual({
      fileProblems: [problem(2, 'file')],
      rows: [],
    });
  });
});

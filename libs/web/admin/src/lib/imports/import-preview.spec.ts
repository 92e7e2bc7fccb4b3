import { previewRows } from './import-preview';

const problem = (line: number, field: string) => ({
  line,
  field,
  reason: 'wrong',
  code: 'required' as const,
});
const LINES = [
  { line: 2, email: 'amina@example.ma', fullName: 'Amina Benali' },
  { line: 4, email: 'yassir@example.ma', fullName: 'Yassir Naciri' },
];

describe('previewRows', () => {
  it('puts each problem beside its row, keeps the rows without one and counts them', () => {
    expect(previewRows(LINES, [problem(4, 'baselineSituation')])).toEqual({
      fileProblems: [],
      rows: [
        { ...LINES[0], problems: [] },
        { ...LINES[1], problems: [problem(4, 'baselineSituation')] },
      ],
      fine: 1,
    });
  });

  it('keeps the problems of the header and of an unreadable file apart', () => {
    expect(previewRows(LINES, [problem(1, 'emial')]).fileProblems).toEqual([problem(1, 'emial')]);
    expect(previewRows([], [problem(2, 'file')])).toEqual({
      fileProblems: [problem(2, 'file')],
      rows: [],
      fine: 0,
    });
  });
});

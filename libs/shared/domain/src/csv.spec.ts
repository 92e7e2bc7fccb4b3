import { CsvSyntaxError, parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads comma-separated records with their line numbers, skipping blank lines', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3,4\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('reads quoted cells with separators, doubled quotes and line breaks', () => {
    const records = parseCsv(
      'name,note\n"El Amrani, Youssef","il a dit ""oui""\nsur deux lignes"\nnext,x',
    );
    expect(records[1]).toEqual({
      line: 2,
      cells: ['El Amrani, Youssef', 'il a dit "oui"\nsur deux lignes'],
    });
    expect(records[2]).toEqual({ line: 4, cells: ['next', 'x'] });
  });

  it('detects semicolons from the header, as French spreadsheets write them', () => {
    expect(parseCsv('email;fullName\na@b.ma;Amina, B.')).toEqual([
      { line: 1, cells: ['email', 'fullName'] },
      { line: 2, cells: ['a@b.ma', 'Amina, B.'] },
    ]);
  });

  it('drops a UTF-8 BOM and keeps Arabic text', () => {
    expect(parseCsv('\uFEFFfullNameAr\nفاطمة')).toEqual([
      { line: 1, cells: ['fullNameAr'] },
      { line: 2, cells: ['فاطمة'] },
    ]);
  });

  it('keeps formula-like cells as plain text', () => {
    expect(parseCsv('a\n=HYPERLINK("http://x")\n+1\n-2\n@SUM(A1)')[1].cells).toEqual([
      '=HYPERLINK("http://x")',
    ]);
  });

  it('reports a quoted cell never closed with its line', () => {
    expect(() => parseCsv('a\n"open\nstill')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\nstill')).toThrow('line 2');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('\uFEFFa;b\r\n1;\r\n');
    expect(toCsv([['a', 'b']], { separator: ',', bom: false })).toBe('a,b\r\n');
  });

  it('quotes cells holding the separator, quotes or line breaks', () => {
    expect(
      toCsv([['El Amrani; Youssef', 'il a dit "oui"', 'deux\nlignes', 'a,b']], { bom: false }),
    ).toBe('"El Amrani; Youssef";"il a dit ""oui""";"deux\nlignes";a,b\r\n');
  });

  it('neutralises text cells a spreadsheet would evaluate', () => {
    const cells = ['=1+1', '+212600000000', '-2', '@SUM(A1)', '\tx', '\rx', 'ok=', 'مرحبا'];
    expect(toCsv([cells], { bom: false, separator: ',' })).toBe(
      `'=1+1,'+212600000000,'-2,'@SUM(A1),'\tx,"'\rx",ok=,مرحبا\r\n`,
    );
    // Numbers stay numbers.
    expect(toCsv([[-3, 0.25]], { bom: false })).toBe('-3;0.25\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['name', 'note'],
      ['a;b', 'x "y"\nz'],
      ['=cmd', ''],
    ];
    const parsed = parseCsv(toCsv(rows)).map((record) => record.cells);
    expect(parsed).toEqual([
      ['name', 'note'],
      ['a;b', 'x "y"\nz'],
      ["'=cmd", ''],
    ]);
  });
});

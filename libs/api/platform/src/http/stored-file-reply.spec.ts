import { contentDisposition, parseByteRange, resolveByteRange } from './stored-file-reply';

describe('byte ranges', () => {
  it('reads one range of each form and nothing else', () => {
    expect(parseByteRange('bytes=0-99')).toEqual({ kind: 'from', start: 0, end: 99 });
    expect(parseByteRange('bytes=100-')).toEqual({ kind: 'from', start: 100, end: null });
    expect(parseByteRange('bytes=-500')).toEqual({ kind: 'suffix', length: 500 });
    for (const header of [undefined, '', 'bytes=-', 'bytes=0-1,5-6', 'items=0-1', 'bytes=a-b']) {
      expect(parseByteRange(header)).toBeNull();
    }
  });

  it('resolves a range against the size, or says it cannot be satisfied', () => {
    expect(resolveByteRange({ kind: 'from', start: 2, end: 5 }, 10)).toEqual({ start: 2, end: 5 });
    expect(resolveByteRange({ kind: 'from', start: 2, end: 99 }, 10)).toEqual({ start: 2, end: 9 });
    expect(resolveByteRange({ kind: 'suffix', length: 3 }, 10)).toEqual({ start: 7, end: 9 });
    expect(resolveByteRange({ kind: 'suffix', length: 30 }, 10)).toEqual({ start: 0, end: 9 });
    expect(resolveByteRange({ kind: 'from', start: 10, end: null }, 10)).toBeNull();
    expect(resolveByteRange({ kind: 'from', start: 5, end: 4 }, 10)).toBeNull();
    expect(resolveByteRange({ kind: 'suffix', length: 0 }, 10)).toBeNull();
  });

  it('writes a file name that cannot break out of the header, and keeps the UTF-8 name', () => {
    const header = contentDisposition('دليل "v2"\r\nSet-Cookie: x.pdf', 'inline');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('inline; filename="')).toBe(true);
    expect(header).toContain(
      `filename*=UTF-8''${encodeURIComponent('دليل "v2"  Set-Cookie: x.pdf')}`,
    );
    expect(header.split('"').length).toBe(3);
  });
});

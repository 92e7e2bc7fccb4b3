import { diffTokensOf, diffWords, type TextDiffSegment } from './text-diff';

const side = (segments: TextDiffSegment[], keep: 'delete' | 'insert') =>
  segments
    .filter((segment) => segment.op === 'equal' || segment.op === keep)
    .map((segment) => segment.text)
    .join('');

describe('diffWords', () => {
  it('marks an inserted word, keeping the rest equal', () => {
    expect(
      diffWords(
        'Insertion des jeunes par la coopérative',
        'Insertion des jeunes ruraux par la coopérative',
      ),
    ).toEqual([
      { op: 'equal', text: 'Insertion des jeunes ' },
      { op: 'insert', text: 'ruraux ' },
      { op: 'equal', text: 'par la coopérative' },
    ]);
  });

  it('marks a replaced word as a deletion then an insertion', () => {
    expect(diffWords('64 % en emploi', '71 % en emploi')).toEqual([
      { op: 'delete', text: '64' },
      { op: 'insert', text: '71' },
      { op: 'equal', text: ' % en emploi' },
    ]);
  });

  it('cuts Arabic words as words (diacritics belong to their word)', () => {
    expect(diffTokensOf('الإِدْمَاجُ الرَّقْمِيُّ')).toEqual(['الإِدْمَاجُ', ' ', 'الرَّقْمِيُّ']);
    expect(diffWords('إدماج الشباب', 'إدماج النساء')).toEqual([
      { op: 'equal', text: 'إدماج ' },
      { op: 'delete', text: 'الشباب' },
      { op: 'insert', text: 'النساء' },
    ]);
  });

  it('answers empty and identical texts plainly', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('même texte', 'même texte')).toEqual([{ op: 'equal', text: 'même texte' }]);
    expect(diffWords('', 'nouveau')).toEqual([{ op: 'insert', text: 'nouveau' }]);
    expect(diffWords('ancien', '')).toEqual([{ op: 'delete', text: 'ancien' }]);
  });

  it('always gives both texts back, line breaks included', () => {
    const cases: [string, string][] = [
      ['Un.\nDeux trois.', 'Un, deux.\nTrois quatre.'],
      ['a b c d e f', 'f e d c b a'],
      ['Coût : 1 250 000 MAD', 'Coût total : 1 300 000 MAD (2021-2024)'],
    ];
    for (const [before, after] of cases) {
      const segments = diffWords(before, after);
      expect(side(segments, 'delete')).toBe(before);
      expect(side(segments, 'insert')).toBe(after);
      // Neighbours never share an operation.
      segments
        .slice(1)
        .forEach((segment, index) => expect(segment.op).not.toBe(segments[index].op));
    }
  });

  it('stays exact on texts too long for the table', () => {
    const before = Array.from({ length: 4000 }, (_, i) => `mot${i}`).join(' ');
    const after = Array.from({ length: 4000 }, (_, i) => `terme${i}`).join(' ');
    const segments = diffWords(before, after);
    expect(side(segments, 'delete')).toBe(before);
    expect(side(segments, 'insert')).toBe(after);
  });
});

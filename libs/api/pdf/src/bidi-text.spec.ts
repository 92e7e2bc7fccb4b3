import {
  baseDirection,
  cleanText,
  fitText,
  isolate,
  layoutLine,
  type LineLayout,
  type ScriptFonts,
} from './bidi-text';
import { loadPdfFonts } from './pdf-fonts';

const fonts = loadPdfFonts();
const REGULAR: ScriptFonts = { latin: 'latin', arabic: 'arabic' };

const runs = (line: LineLayout) => line.runs.map((run) => [run.text, run.font, run.rtl]);

describe('cleanText', () => {
  it('drops control and bidi override characters and collapses whitespace', () => {
    expect(cleanText('  Ali\u202E\tBen\nSalah\u0000 ')).toBe('Ali Ben Salah');
    expect(cleanText('\u2067محمد\u2069')).toBe('محمد');
    expect(cleanText(null)).toBe('');
  });

  it('composes to NFC so the same name always gives the same glyphs', () => {
    expect(cleanText('Ag\u0306aog\u0306lu')).toBe('Ağaoğlu');
  });
});

describe('layoutLine', () => {
  it('keeps a Latin line as one left-to-right run in the Latin font', () => {
    expect(runs(layoutLine("N'Diaye Łukasz", REGULAR, fonts))).toEqual([
      ["N'Diaye Łukasz", 'latin', false],
    ]);
  });

  it('leaves an Arabic run in logical order for fontkit, which shapes and reverses it', () => {
    expect(runs(layoutLine('شهادة تكوين', REGULAR, fonts))).toEqual([
      ['شهادة تكوين', 'arabic', true],
    ]);
  });

  it('splits digits out of Arabic and orders the runs right to left, digits unreversed', () => {
    const line = layoutLine('الدورة 2026 المستوى 12', REGULAR, fonts);
    expect(runs(line)).toEqual([
      ['12', 'latin', false],
      [' المستوى ', 'arabic', true],
      ['2026', 'latin', false],
      ['الدورة ', 'arabic', true],
    ]);
  });

  it('places an Arabic phrase inside a French line where the bidi algorithm puts it', () => {
    expect(runs(layoutLine('Région : سوس ماسة (Agadir)', REGULAR, fonts))).toEqual([
      ['Région : ', 'latin', false],
      ['سوس ماسة', 'arabic', true],
      [' (Agadir)', 'latin', false],
    ]);
  });

  it('reverses and mirrors right-to-left punctuation that has no Arabic letter', () => {
    // In an Arabic paragraph the closing ")" after a Latin word is at an odd level, alone.
    const line = layoutLine('الاسم (Ali)', REGULAR, fonts, 'rtl');
    const texts = line.runs.map((run) => run.text);
    expect(texts).toEqual(['(', 'Ali', 'الاسم (']);
  });

  it('keeps an isolated value in its own direction next to an Arabic label', () => {
    // Without the isolate the leading digit would be read as Arabic and join the label.
    const plain = layoutLine('Code · الرمز : 7KQ2', REGULAR, fonts);
    expect(plain.runs.map((run) => run.text)).not.toContain('7KQ2');
    const isolated = layoutLine(`Code · الرمز : ${isolate('7KQ2')}`, REGULAR, fonts);
    expect(isolated.runs.map((run) => run.text)).toContain('7KQ2');
    expect(isolated.runs.map((run) => run.text).join('')).not.toMatch(/[\u2066-\u2069]/);
    // Isolated content sits one even level up: its own run, no mark drawn, order kept.
    const sameDirection = layoutLine(`Région : ${isolate('Souss-Massa')}`, REGULAR, fonts);
    expect(runs(sameDirection)).toEqual([
      ['Région : ', 'latin', false],
      ['Souss-Massa', 'latin', false],
    ]);
  });

  it('measures what fontkit lays out', () => {
    const line = layoutLine('Abc', REGULAR, fonts);
    expect(line.width).toBeCloseTo(
      fonts.latin.layout('Abc', ['rlig', 'liga', 'calt']).advanceWidth / fonts.latin.unitsPerEm,
      6,
    );
  });
});

describe('baseDirection', () => {
  it('follows the first strong character', () => {
    expect(baseDirection('2026 ريادة')).toBe('rtl');
    expect(baseDirection('Atelier ريادة')).toBe('ltr');
  });
});

describe('fitText', () => {
  const box = { maxWidth: 300, maxSize: 24, minSize: 10, maxLines: 2 };

  it('keeps short text on one line at the largest size', () => {
    const fitted = fitText('Ali', REGULAR, fonts, box);
    expect(fitted).toMatchObject({ size: 24, truncated: false });
    expect(fitted.lines).toHaveLength(1);
  });

  it('shrinks, then wraps, then cuts with an ellipsis; never wider than the box', () => {
    const medium = fitText('Mohamed Amine Ben Abdelkader El Idrissi', REGULAR, fonts, box);
    expect(medium.size).toBeLessThan(24);
    expect(medium.lines).toHaveLength(1);

    const long = fitText(
      Array.from({ length: 6 }, () => 'Abdelkader').join(' '),
      REGULAR,
      fonts,
      box,
    );
    expect(long.lines).toHaveLength(2);
    expect(long.truncated).toBe(false);

    const huge = fitText('x'.repeat(2000), REGULAR, fonts, box);
    expect(huge).toMatchObject({ size: 10, truncated: true });
    expect(huge.lines).toHaveLength(2);
    expect(huge.lines[1].runs.map((run) => run.text).join('')).toMatch(/…$/);

    for (const fitted of [medium, long, huge]) {
      for (const line of fitted.lines) {
        expect(line.width * fitted.size).toBeLessThanOrEqual(box.maxWidth + 1e-6);
      }
    }
  });

  it('wraps Arabic keeping every line right to left', () => {
    const title = Array.from({ length: 8 }, () => 'التكوين في ريادة الأعمال').join(' ');
    const fitted = fitText(title, REGULAR, fonts, box);
    expect(fitted.lines.length).toBe(2);
    for (const line of fitted.lines) expect(line.runs.every((run) => run.rtl)).toBe(true);
  });

  it('has nothing to draw for empty text', () => {
    expect(fitText('', REGULAR, fonts, box).lines).toEqual([]);
  });
});

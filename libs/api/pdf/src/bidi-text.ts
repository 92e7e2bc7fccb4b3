import bidiFactory from 'bidi-js';
import type { Font } from 'fontkit';
import type { PdfFontName, PdfFonts } from './pdf-fonts';

/**
 * Features asked of fontkit for every run. With any features at all pdfkit shapes the whole run
 * at once (instead of word by word, which puts Arabic words left to right and loses a space);
 * these three are the ones Arabic needs, and harmless for Latin.
 */
export const SHAPING_FEATURES = ['rlig', 'liga', 'calt'];

/** Which font draws each script in a given style (regular or bold). */
export interface ScriptFonts {
  latin: PdfFontName;
  arabic: PdfFontName;
}

/** A piece of a line, already in visual order, drawn with one font. */
export interface VisualRun {
  /** Text handed to pdfkit: logical order when fontkit reverses it itself (Arabic script), else visual. */
  text: string;
  font: PdfFontName;
  /** Advance width at a font size of 1 pt. */
  width: number;
  rtl: boolean;
}

export interface LineLayout {
  runs: VisualRun[];
  /** Advance width at a font size of 1 pt. */
  width: number;
}

const bidi = bidiFactory();

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const MARK = /\p{M}/u;
const FORMAT = /\p{Cf}/u;

/**
 * Makes typed text safe to lay out on one line: NFC, no control or format characters (bidi
 * overrides and isolates could reorder a name to spoof another), whitespace collapsed.
 */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .replace(/[\p{Cf}]/gu, '')
    .replace(/[\p{Cc}\p{Z}]+/gu, ' ')
    .trim();
}

/**
 * Wraps a typed value for a template line in a first-strong isolate, so its direction is its
 * own and it cannot pull the template's neighbours along (a code starting with a digit next to
 * an Arabic label would otherwise join the Arabic run). The isolate marks are not drawn.
 */
export function isolate(value: string | null | undefined): string {
  return `\u2068${cleanText(value)}\u2069`;
}

export function hasArabic(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}

/** Paragraph direction by the first strong character, as the Unicode algorithm's rule P2. */
export function baseDirection(text: string): 'ltr' | 'rtl' {
  return bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr';
}

function fontFor(char: string, rtl: boolean, style: ScriptFonts, fonts: PdfFonts): PdfFontName {
  if (ARABIC_SCRIPT.test(char)) return style.arabic;
  const codePoint = char.codePointAt(0) ?? 0;
  const preferred = rtl ? style.arabic : style.latin;
  const other = rtl ? style.latin : style.arabic;
  if (fonts[preferred].hasGlyphForCodePoint(codePoint)) return preferred;
  return fonts[other].hasGlyphForCodePoint(codePoint) ? other : preferred;
}

function advance(font: Font, text: string): number {
  return font.layout(text, SHAPING_FEATURES).advanceWidth / font.unitsPerEm;
}

/**
 * Lays out one line of possibly mixed-script text in visual order (Unicode bidi algorithm by
 * bidi-js: levels, runs, rule L2 reordering). fontkit shapes Arabic and reverses an Arabic run
 * itself (mirroring brackets with the font's `rtlm`), but does no bidi: digits or Latin inside
 * Arabic must be separate runs placed here, and right-to-left runs without Arabic letters
 * (punctuation between scripts) are reversed and mirrored here.
 *
 * fontkit does not apply Noto Naskh's `rtlm` either, so brackets inside an Arabic run come out
 * facing the wrong way; `mirrorArabicRuns` mirrors them here. It is off by default because
 * issued certificates must re-render to the bytes they were issued with (`fitText` keeps it
 * off); `wrapText`, for new documents, turns it on.
 */
export function layoutLine(
  text: string,
  style: ScriptFonts,
  fonts: PdfFonts,
  direction: 'ltr' | 'rtl' | 'auto' = 'auto',
  mirrorArabicRuns = false,
): LineLayout {
  if (text.length === 0) return { runs: [], width: 0 };
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const mirrored = bidi.getMirroredCharactersMap(text, levels);

  // Logical runs: same level and same font; a mark keeps its base character's font.
  const logical: { start: number; end: number; level: number; font: PdfFontName }[] = [];
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index) ?? 0;
    const char = String.fromCodePoint(codePoint);
    const level = levels[index];
    if (FORMAT.test(char)) {
      index += char.length; // isolates and marks steer the algorithm but have no glyph
      continue;
    }
    const last = logical[logical.length - 1];
    const font =
      last && last.level === level && MARK.test(char)
        ? last.font
        : fontFor(char, level % 2 === 1, style, fonts);
    if (last && last.level === level && last.font === font) last.end = index + char.length;
    else logical.push({ start: index, end: index + char.length, level, font });
    index += char.length;
  }

  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs
  // at that level or higher.
  const visual = [...logical];
  const maxLevel = Math.max(...visual.map((run) => run.level));
  const minOdd = Math.min(...visual.map((run) => (run.level % 2 ? run.level : Infinity)));
  for (let level = maxLevel; level >= minOdd && Number.isFinite(minOdd); level -= 1) {
    for (let i = 0; i < visual.length;) {
      if (visual[i].level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < visual.length && visual[j].level >= level) j += 1;
      visual.splice(i, j - i, ...visual.slice(i, j).reverse());
      i = j;
    }
  }

  const runs = visual.map(({ start, end, level, font }): VisualRun => {
    const rtl = level % 2 === 1;
    // A run may span an isolate mark of the same level: the marks are left out of the glyphs.
    const chars: string[] = [];
    for (let i = start; i < end;) {
      const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
      if (!FORMAT.test(char)) chars.push(char);
      i += char.length;
    }
    let runText = chars.join('');
    if (rtl && mirrorArabicRuns && hasArabic(runText)) {
      // Noto Naskh's `rtlm` never reaches these brackets through fontkit: mirror them here, in
      // logical order (fontkit reverses the run).
      const mirroredChars: string[] = [];
      for (let i = start; i < end;) {
        const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
        if (!FORMAT.test(char)) mirroredChars.push(mirrored.get(i) ?? char);
        i += char.length;
      }
      runText = mirroredChars.join('');
    } else if (rtl && !hasArabic(runText)) {
      // fontkit lays this out left to right: hand it the visual order, brackets mirrored.
      const visualChars: string[] = [];
      for (let i = start; i < end;) {
        const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
        if (!FORMAT.test(char)) visualChars.push(mirrored.get(i) ?? char);
        i += char.length;
      }
      runText = visualChars.reverse().join('');
    }
    return { text: runText, font, width: advance(fonts[font], runText), rtl };
  });
  return { runs, width: runs.reduce((sum, run) => sum + run.width, 0) };
}

export interface FitOptions {
  maxWidth: number;
  maxSize: number;
  minSize: number;
  maxLines: number;
}

export interface FittedText {
  size: number;
  lines: LineLayout[];
  /** True when even the smallest size on `maxLines` lines could not hold it all (ends with "…"). */
  truncated: boolean;
}

const ELLIPSIS = '…';
const MAX_FITTED_LENGTH = 400;

function splitLongWord(word: string, fits: (candidate: string) => boolean): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    if (current && !MARK.test(char) && !fits(current + char)) {
      pieces.push(current);
      current = '';
    }
    current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

function wrap(
  text: string,
  style: ScriptFonts,
  fonts: PdfFonts,
  direction: 'ltr' | 'rtl',
  size: number,
  options: FitOptions,
  mirrorArabicRuns = false,
): FittedText {
  const fits = (candidate: string) =>
    layoutLine(candidate, style, fonts, direction, mirrorArabicRuns).width * size <=
    options.maxWidth;
  const words = text
    .split(' ')
    .flatMap((word) => (fits(word) ? [word] : splitLongWord(word, fits)));
  const lines: string[] = [];
  let current = '';
  let index = 0;
  for (; index < words.length; index += 1) {
    const candidate = current ? `${current} ${words[index]}` : words[index];
    if (!current || fits(candidate)) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = words[index];
    if (lines.length === options.maxLines) break;
  }
  let truncated = false;
  if (lines.length < options.maxLines) {
    if (current) lines.push(current);
  } else {
    truncated = true;
    let last = lines[lines.length - 1];
    while (last.length > 0 && !fits(`${last}${ELLIPSIS}`)) last = [...last].slice(0, -1).join('');
    lines[lines.length - 1] = `${last.trimEnd()}${ELLIPSIS}`;
  }
  return {
    size,
    truncated,
    lines: lines.map((line) => layoutLine(line, style, fonts, direction, mirrorArabicRuns)),
  };
}

/**
 * Wraps one paragraph (already `cleanText`ed) to lines of at most `maxWidth` points at `size`,
 * however many lines it takes (a long document breaks them across pages itself): greedy word
 * wrap measured with the very layout the lines are drawn with, a word wider than the line cut
 * between characters. Every line keeps the paragraph's direction, by default its first strong
 * character's; a document in a known language passes that language's direction. Brackets in
 * Arabic runs are mirrored (see `layoutLine`).
 */
export function wrapText(
  text: string,
  style: ScriptFonts,
  fonts: PdfFonts,
  size: number,
  maxWidth: number,
  direction: 'ltr' | 'rtl' = baseDirection(text),
): LineLayout[] {
  if (text.length === 0) return [];
  return wrap(
    text,
    style,
    fonts,
    direction,
    size,
    { maxWidth, maxSize: size, minSize: size, maxLines: Infinity },
    true,
  ).lines;
}

/**
 * Fits text into a box: the largest size up to `maxSize` on one line, else smaller sizes (down to
 * `minSize`) on up to `maxLines` lines, else the smallest size cut with an ellipsis. Every line
 * shares the paragraph direction of the whole text, so a wrapped Arabic title stays right to left.
 */
export function fitText(
  text: string,
  style: ScriptFonts,
  fonts: PdfFonts,
  options: FitOptions,
): FittedText {
  // Bounds the work on absurd input: more than this never fits the boxes of a certificate.
  if ([...text].length > MAX_FITTED_LENGTH) {
    text = `${[...text].slice(0, MAX_FITTED_LENGTH).join('')}${ELLIPSIS}`;
  }
  const direction = baseDirection(text);
  const single = layoutLine(text, style, fonts, direction);
  if (single.width === 0) return { size: options.maxSize, lines: [], truncated: false };
  const oneLineSize = Math.floor((options.maxWidth / single.width) * 10) / 10;
  if (oneLineSize >= options.minSize) {
    return { size: Math.min(options.maxSize, oneLineSize), lines: [single], truncated: false };
  }
  // All lines together are at least as wide as the text on one line: start no larger than that.
  const largest = Math.min(
    options.maxSize,
    Math.floor((options.maxWidth * options.maxLines) / single.width),
  );
  for (let size = largest; size > options.minSize; size -= 1) {
    const wrapped = wrap(text, style, fonts, direction, size, options);
    if (!wrapped.truncated) return wrapped;
  }
  return wrap(text, style, fonts, direction, options.minSize, options);
}

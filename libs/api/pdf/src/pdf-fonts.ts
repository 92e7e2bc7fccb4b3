/// <reference types="pdfkit" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font, GlyphPosition, GlyphRun } from 'fontkit';

/**
 * The TTF files ORIS PDFs embed (certificates, impact reports, practice sheets), shipped by
 * exactly pinned npm packages (never the host's fonts): Noto Sans for Latin, Noto Naskh Arabic.
 */
export const PDF_FONT_FILES = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  arabicBold: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
} as const;

export type PdfFontName = keyof typeof PDF_FONT_FILES;

/** Parsed fonts, shared by every document: pdfkit accepts a fontkit font and only reads it. */
export type PdfFonts = Record<PdfFontName, Font>;

/**
 * Reads and parses the four TTF files once. Resolution goes through Node's own `require` (not
 * the bundler's) so it finds the packages at run time next to the built app or the sources.
 */
export function loadPdfFonts(): PdfFonts {
  const nodeRequire = createRequire(__filename);
  const fonts = {} as PdfFonts;
  for (const [name, file] of Object.entries(PDF_FONT_FILES)) {
    const font = fontkit.create(readFileSync(nodeRequire.resolve(file)));
    // A TTC collection would be a different type; these packages ship single fonts.
    if (!('layout' in font)) throw new Error(`${file} is not a single font`);
    reportRequestedCodePoints(font);
    memoizeLayout(font);
    fonts[name as PdfFontName] = font;
  }
  return fonts;
}

/**
 * Registers the fonts in a pdfkit document under their names (the names `ScriptFonts` and
 * `drawLaidOutLine` use), always in the same order, so subset tags stay a function of use.
 */
export function registerPdfFonts(doc: PDFKit.PDFDocument, fonts: PdfFonts): void {
  for (const [name, font] of Object.entries(fonts)) {
    // pdfkit takes an already parsed fontkit font (it checks for `layout`); typings say path or bytes.
    doc.registerFont(name, font as unknown as Buffer);
  }
}

/**
 * fontkit caches one glyph object per id, holding the code points it was *first* asked for, and
 * both its shaper (Arabic joining reads them) and pdfkit's ToUnicode map use them. With fonts
 * shared by every document, a glyph reached from two characters (a bracket mirrored in Arabic, a
 * ligature, two characters with one shape) would carry whichever came first in the process, so
 * the bytes would depend on history. Each lookup gets a view of the cached glyph that reports the
 * code points of this lookup; everything else (outlines, metrics, their caches) stays shared.
 */
function reportRequestedCodePoints(font: Font): void {
  const cachedGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = cachedGlyph(id, codePoints);
    if (!glyph) return glyph;
    return new Proxy(glyph, {
      get: (target, key, receiver) =>
        key === 'codePoints' ? codePoints : Reflect.get(target, key, receiver),
    });
  };
}

/** Shaped runs kept per font; past this many the cache starts again (bounded memory). */
const LAYOUT_CACHE_SIZE = 2000;

/**
 * Remembers shaped runs. A certificate shapes each run up to three times (measured to fit, then
 * measured and encoded by pdfkit), and most runs (headings, labels, month names) are the same on
 * every certificate. Shaping is a pure function of text and features, so a cached run is the
 * run fontkit would return; callers get a copy because pdfkit scales the positions in place.
 */
function memoizeLayout(font: Font): void {
  const layout = font.layout.bind(font);
  const cache = new Map<string, GlyphRun>();
  font.layout = ((
    text: string,
    features?: string[] | Record<string, boolean>,
    ...rest: unknown[]
  ) => {
    if (rest.some((argument) => argument !== undefined) || (features && !Array.isArray(features))) {
      return layout(text, features as string[], ...(rest as []));
    }
    const key = `${features ? features.join(',') : ''}\u0000${text}`;
    let run = cache.get(key);
    if (!run) {
      if (cache.size >= LAYOUT_CACHE_SIZE) cache.clear();
      run = layout(text, features);
      cache.set(key, run);
    }
    return copyRun(run);
  }) as Font['layout'];
}

function copyRun(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run)), run) as GlyphRun;
  copy.glyphs = [...run.glyphs];
  copy.positions = run.positions.map(
    (position) =>
      Object.assign(Object.create(Object.getPrototypeOf(position)), position) as GlyphPosition,
  );
  return copy;
}

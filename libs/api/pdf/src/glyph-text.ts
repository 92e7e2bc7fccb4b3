import type { Glyph, GlyphPosition } from 'fontkit';

/**
 * The parts of pdfkit's embedded font (pdfkit 0.20, `js/font/embedded.js`; the version is pinned
 * exactly) that {@link giveEachGlyphUseItsOwnText} relies on.
 */
interface EmbeddedFont {
  subset: { glyphs: number[]; includeGlyph(glyphId: number): number };
  /** Text of each subset code, written as the font's ToUnicode map. */
  unicode: number[][];
  /** Advance of each subset code, in thousandths of the font size. */
  widths: number[];
  scale: number;
  layout(
    text: string,
    features?: string[],
  ): { glyphs: Glyph[]; positions: GlyphPosition[]; advanceWidth: number };
  encode(text: string, features?: string[]): [string[], GlyphPosition[]];
}

const givenOwnText = new WeakSet<object>();

/**
 * A PDF's ToUnicode map gives every code of a font one text, and pdfkit gives every glyph one
 * code. Arabic breaks that: Noto Naskh draws ج ح خ with one skeleton glyph (per joining form) and
 * adds the dots as separate mark glyphs, and likewise ب ت ث ن ي, ف ق, د ذ, ر ز, س ش…; pdfkit then
 * maps the skeleton to whichever letter used it first in the document, so extractors read
 * "خديجة" as "جديجة". fontkit knows which letter each glyph of a run stands for (each lookup
 * reports its own code points, see pdf-fonts.ts), so here every distinct (glyph, text)
 * pair gets its own code: the subset holds the glyph once per letter it draws (a few hundred
 * bytes each), the ToUnicode map sends each code to its letter, and the mark glyphs (no code
 * points) to nothing. Extractors then read the letters in the glyphs' visual order and put
 * right-to-left text back in logical order themselves, as for any other font.
 *
 * Codes are handed out in the order of first use in the document, so the bytes stay a function
 * of what is drawn.
 */
export function giveEachGlyphUseItsOwnText(pdfkitFont: unknown): void {
  const font = pdfkitFont as EmbeddedFont;
  // pdfkit's standard (AFM) fonts have no subset; ORIS PDFs only embed TTFs.
  if (!font?.subset || givenOwnText.has(font)) return;
  givenOwnText.add(font);
  const codes = new Map<string, number>();
  const included = new Set<number>();
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
      let code = codes.get(key);
      if (code === undefined) {
        // The first use of a glyph goes through the subset as usual (composite glyphs find
        // their components there); later uses with another text get a copy at a new code.
        if (included.has(glyph.id)) {
          font.subset.glyphs.push(glyph.id);
          code = font.subset.glyphs.length - 1;
        } else {
          code = font.subset.includeGlyph(glyph.id);
          included.add(glyph.id);
        }
        codes.set(key, code);
        font.widths[code] ??= glyph.advanceWidth * font.scale;
        font.unicode[code] ??= glyph.codePoints;
      }
      return code.toString(16).padStart(4, '0');
    });
    return [encoded, positions];
  };
}

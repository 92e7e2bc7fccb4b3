import { SHAPING_FEATURES, type LineLayout } from './bidi-text';
import { giveEachGlyphUseItsOwnText } from './glyph-text';

/**
 * Draws a laid-out line (`layoutLine`, `fitText`) with its runs side by side in visual order, on
 * a shared baseline, each run in its font with the text layer rules of ORIS PDFs: Arabic
 * shaped as a whole run, and every glyph mapped to the letter it draws (glyph-text.ts), so that
 * text extracted from the PDF reads right. The document must have the ORIS fonts
 * registered under their names (`registerPdfFonts`).
 */
export function drawLaidOutLine(
  doc: PDFKit.PDFDocument,
  line: LineLayout,
  size: number,
  baseline: number,
  x: number,
  align: 'left' | 'center' | 'right',
  colour: string,
): void {
  const width = line.width * size;
  let cursor = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
  doc.fillColor(colour);
  for (const run of line.runs) {
    doc.font(run.font);
    // pdfkit creates the document's font object on first use: set up its text map then.
    giveEachGlyphUseItsOwnText((doc as unknown as { _font: unknown })._font);
    doc.fontSize(size).text(run.text, cursor, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      features: SHAPING_FEATURES as PDFKit.Mixins.OpenTypeFeatures[],
    });
    cursor += run.width * size;
  }
}

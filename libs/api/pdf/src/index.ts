// ORIS PDFs' text machinery (certificates, impact reports, practice sheets): the bundled fonts,
// bidi runs in visual order, line fitting and wrapping, and the text layer that keeps Arabic
// readable in the extracted text. Nothing here knows what a document is about.
export { loadPdfFonts, registerPdfFonts, PDF_FONT_FILES } from './pdf-fonts';
export type { PdfFontName, PdfFonts } from './pdf-fonts';
export {
  baseDirection,
  cleanText,
  fitText,
  hasArabic,
  isolate,
  layoutLine,
  SHAPING_FEATURES,
  wrapText,
} from './bidi-text';
export type { FitOptions, FittedText, LineLayout, ScriptFonts, VisualRun } from './bidi-text';
export { ORIS_NAME_AR, ORIS_NAME_FR } from './oris-identity';
export { dayInstant, printedDate } from './printed-dates';
export type { PrintLanguage } from './printed-dates';
export { giveEachGlyphUseItsOwnText } from './glyph-text';
export { drawLaidOutLine } from './text-layer';

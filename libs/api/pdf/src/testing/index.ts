// Test helpers for ORIS PDFs (pdf.js, the parser of Firefox), for libraries' and apps' tests.
export {
  carriesText,
  inspectPdf,
  inspectPdfPages,
  pdfAttachments,
  readRightToLeft,
} from './pdf-inspection';
export type { DrawnGlyph, FilledRect, PdfPageContents, TextBlock } from './pdf-inspection';

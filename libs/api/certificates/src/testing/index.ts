// Test helpers of the certificates' PDFs, for other libraries' and apps' tests (pdf.js).
export { carriesText, inspectPdf, readRightToLeft } from '../rendering/testing/pdf-inspection';
export type { PdfPageContents, TextBlock } from '../rendering/testing/pdf-inspection';

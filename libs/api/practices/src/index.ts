// The public surface of the practice library.
export * from './practices.module';
export * from './practices.exception';
export { PracticeReader } from './sheets/practice-reader';
export {
  loadPracticeSearchDocuments,
  practicePath,
  practicePublishedSheet,
  practiceSearchDocuments,
} from './sheets/published-sheet';
export type { PublishedVersion } from './sheets/published-sheet';
export { renderPracticeSheetPdf } from './print/practice-sheet-pdf';
export { practiceJsonLd, type JsonLdLink } from './print/practice-json-ld';
export { DemoPractices } from './seed/demo-practices';

import {
  dayInstant,
  loadPdfFonts,
  ORIS_NAME_FR,
  registerPdfFonts,
  type PdfFonts,
} from '@oris/api/pdf';
import type { Locale, PublishedPracticeSheet } from '@oris/shared/domain';
import PDFDocument from 'pdfkit';
import { PRINT_WORDS } from './practice-print-labels';
import { anyTitle, PracticeSheetLayout, textOf } from './practice-sheet-layout';
import { SheetWriter } from './practice-sheet-writer';

/** Fixed document metadata: nothing here may come from the clock or randomness. */
export const PRACTICE_PDF_PRODUCER = 'ORIS Academy practice sheet renderer 1';
export const PRACTICE_PDF_CREATOR = 'ORIS Academy';

/** Fonts are parsed once per process and shared by every document (see `loadPdfFonts`). */
let fonts: PdfFonts | undefined;

/**
 * Renders one published practice sheet as a bilingual A4 PDF: each section in the first
 * language, then in the second (Arabic right to left, aligned right), side-by-side labels, the
 * evidence level with its meaning and justification, the facts, the result figures, the
 * contacts, and on every page a header (title, version, publication day) and a footer (ORIS,
 * the public URL, page x / y). A text missing in a language is left out, a fact that is unknown
 * is not printed; a language that is a translation says so. The same sheet gives the same bytes
 * in any process: metadata dates are the publication day, nothing reads the clock, randomness,
 * locale data or time zone.
 *
 * `sheet.contacts` is printed as given: the caller passes only contacts who consented to be
 * published (the practices library builds `PublishedPracticeSheet` that way).
 */
export function renderPracticeSheetPdf(
  sheet: PublishedPracticeSheet,
  languages: [Locale, Locale],
): Promise<Buffer> {
  fonts ??= loadPdfFonts();
  const printed: Locale[] = languages[0] === languages[1] ? [languages[0]] : [...languages];
  const first = printed[0];
  const publishedAt = dayInstant(sheet.publishedOn);
  const title = textOf(sheet, first, 'title') ?? anyTitle(sheet);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    // No default Helvetica: only the embedded fonts end up in the file.
    font: null as unknown as string,
    lang: `${first}-MA`,
    displayTitle: true,
    info: {
      Title: title,
      Author: `${ORIS_NAME_FR} (ORIS)`,
      Subject: `${PRINT_WORDS.sheet[first]} ${sheet.id} v${sheet.version}`,
      Keywords: sheet.url,
      Creator: PRACTICE_PDF_CREATOR,
      Producer: PRACTICE_PDF_PRODUCER,
      CreationDate: publishedAt,
      ModDate: publishedAt,
    },
  });
  registerPdfFonts(doc, fonts);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    new PracticeSheetLayout(new SheetWriter(doc, fonts), sheet, printed).draw(doc, title);
    doc.end();
  } catch (error) {
    doc.destroy();
    return Promise.reject(error);
  }
  return done;
}

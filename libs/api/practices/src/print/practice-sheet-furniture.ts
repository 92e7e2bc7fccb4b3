import { ORIS_NAME_AR, ORIS_NAME_FR, printedDate } from '@oris/api/pdf';
import type { Locale, PublishedPracticeSheet } from '@oris/shared/domain';
import { PRINT_WORDS } from './practice-print-labels';
import {
  COLOURS,
  CONTENT_WIDTH,
  GUTTER,
  HALF,
  MARGIN,
  PAGE,
  type SheetWriter,
} from './practice-sheet-writer';

const HEADER = { baseline: 42, rule: 52 };
const FOOTER = { rule: PAGE.height - 62, names: PAGE.height - 48, url: PAGE.height - 33 };

/**
 * The header (ORIS and the title, the version and publication day) and footer (ORIS's name in
 * French and Arabic, the public URL, page x of y) of every page, in the first language, drawn
 * once the page count is known. With Arabic first, the sides swap.
 */
export function drawPageFurniture(
  doc: PDFKit.PDFDocument,
  writer: SheetWriter,
  sheet: PublishedPracticeSheet,
  first: Locale,
  title: string,
): void {
  const { start, count } = doc.bufferedPageRange();
  const rtl = first === 'ar';
  const direction = rtl ? 'rtl' : 'ltr';
  const near: 'left' | 'right' = rtl ? 'right' : 'left';
  const far: 'left' | 'right' = rtl ? 'left' : 'right';
  /** A box of `width` on the near (reading start) or far side of the text column. */
  const box = (side: 'near' | 'far', width: number) => ({
    x: (side === 'near') === rtl ? PAGE.width - MARGIN.side - width : MARGIN.side,
    width,
    align: side === 'near' ? near : far,
  });
  const version = `${PRINT_WORDS.version[first]} ${sheet.version} · ${printedDate(sheet.publishedOn, first)}`;
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const muted = { size: 8, colour: COLOURS.muted, direction } as const;
    writer.lineAt(`ORIS · ${title}`, {
      ...box('near', CONTENT_WIDTH * 0.64),
      ...muted,
      baseline: HEADER.baseline,
    });
    writer.lineAt(version, {
      ...box('far', CONTENT_WIDTH * 0.34),
      ...muted,
      baseline: HEADER.baseline,
    });
    for (const y of [HEADER.rule, FOOTER.rule]) {
      doc
        .lineWidth(0.5)
        .moveTo(MARGIN.side, y)
        .lineTo(PAGE.width - MARGIN.side, y)
        .stroke(COLOURS.gold);
    }
    const name = { size: 8, bold: true, colour: COLOURS.brand, baseline: FOOTER.names } as const;
    writer.lineAt(ORIS_NAME_FR, { x: MARGIN.side, width: HALF, align: 'left', ...name });
    writer.lineAt(ORIS_NAME_AR, {
      x: MARGIN.side + HALF + GUTTER,
      width: HALF,
      align: 'right',
      ...name,
      size: 8.5,
    });
    writer.lineAt(sheet.url, {
      ...box('near', CONTENT_WIDTH * 0.78),
      ...muted,
      direction: 'ltr',
      size: 7.5,
      baseline: FOOTER.url,
    });
    const pageOf = PRINT_WORDS.pageOf[first]
      .replace('{n}', String(page - start + 1))
      .replace('{count}', String(count));
    writer.lineAt(pageOf, { ...box('far', CONTENT_WIDTH * 0.2), ...muted, baseline: FOOTER.url });
  }
}

import {
  baseDirection,
  type PdfFonts,
  cleanText,
  drawLaidOutLine,
  layoutLine,
  loadPdfFonts,
  type LineLayout,
  type ScriptFonts,
} from '@oris/api/pdf';
import PDFDocument from 'pdfkit';
import type { ReportTable } from './report-table';

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const CONTENT = PAGE.width - 2 * PAGE.margin;
const REGULAR: ScriptFonts = { latin: 'latin', arabic: 'arabic' };
const BOLD: ScriptFonts = { latin: 'latinBold', arabic: 'arabicBold' };
const INK = '#1F2933';
const BRAND = '#0B5563';

let fonts: PdfFonts | undefined;

interface Style {
  size: number;
  bold?: boolean;
  colour?: string;
}

/**
 * Writes the report top to bottom on A4 pages, with the certificates' fonts and text layer
 * (Arabic shaped, every glyph readable in the extracted text): paragraphs wrapped to a width,
 * table rows whose cells wrap in their columns. In Arabic lines align right and columns run
 * from the right.
 */
class ReportWriter {
  private y = PAGE.margin;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: PdfFonts,
    private readonly rtl: boolean,
  ) {}

  /** Greedy word wrap, measured with the very layout the line is drawn with. */
  private wrap(text: string, width: number, style: Style): LineLayout[] {
    const clean = cleanText(text);
    if (!clean) return [];
    const scripts = style.bold ? BOLD : REGULAR;
    const direction = baseDirection(clean);
    const measure = (candidate: string) => layoutLine(candidate, scripts, this.fonts, direction);
    const lines: LineLayout[] = [];
    let current = '';
    for (const word of clean.split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && measure(candidate).width * style.size > width) {
        lines.push(measure(current));
        current = word;
      } else {
        current = candidate;
      }
    }
    if (current) lines.push(measure(current));
    return lines;
  }

  private lineHeight(size: number): number {
    return size * (this.rtl ? 1.75 : 1.45);
  }

  private room(height: number): void {
    if (this.y + height > PAGE.height - PAGE.margin) {
      this.doc.addPage();
      this.y = PAGE.margin;
    }
  }

  space(points: number): void {
    this.y += points;
  }

  paragraph(text: string, style: Style): void {
    const height = this.lineHeight(style.size);
    for (const line of this.wrap(text, CONTENT, style)) {
      this.room(height);
      const x = this.rtl ? PAGE.width - PAGE.margin : PAGE.margin;
      drawLaidOutLine(
        this.doc,
        line,
        style.size,
        this.y + style.size,
        x,
        this.rtl ? 'right' : 'left',
        style.colour ?? INK,
      );
      this.y += height;
    }
  }

  /** One row of a table: `widths` are shares of the content width, in reading order. */
  row(cells: string[], widths: number[], style: Style): void {
    const height = this.lineHeight(style.size);
    const wrapped = cells.map((cell, index) => this.wrap(cell, widths[index] * CONTENT - 6, style));
    const lines = Math.max(1, ...wrapped.map((cell) => cell.length));
    this.room(lines * height);
    let offset = 0;
    wrapped.forEach((cellLines, index) => {
      const width = widths[index] * CONTENT;
      const x = this.rtl ? PAGE.width - PAGE.margin - offset : PAGE.margin + offset;
      cellLines.forEach((line, lineIndex) =>
        drawLaidOutLine(
          this.doc,
          line,
          style.size,
          this.y + lineIndex * height + style.size,
          x,
          this.rtl ? 'right' : 'left',
          style.colour ?? INK,
        ),
      );
      offset += width;
    });
    this.y += lines * height + 2;
    this.doc
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.width - PAGE.margin, this.y)
      .lineWidth(0.3)
      .strokeColor('#CBD2D9')
      .stroke();
    this.y += 3;
  }
}

const text = (cell: string | number | null): string =>
  cell === null ? '—' : typeof cell === 'number' ? String(cell) : cell;

/** Column shares of each section, by its number of columns. */
const WIDTHS: Record<number, number[]> = {
  3: [0.3, 0.2, 0.5],
  5: [0.4, 0.15, 0.15, 0.15, 0.15],
  7: [0.28, 0.1, 0.11, 0.1, 0.13, 0.14, 0.14],
};

/**
 * The frozen report as a PDF. Its dates are the freeze's (metadata included), so the same
 * version in the same language gives the same document.
 */
export function reportPdf(table: ReportTable, frozenAt: Date): Promise<Buffer> {
  fonts ??= loadPdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    font: null as unknown as string,
    lang: table.locale === 'ar' ? 'ar-MA' : table.locale === 'en' ? 'en' : 'fr-MA',
    displayTitle: true,
    info: {
      Title: table.title,
      Author: 'ORIS',
      Creator: 'ORIS Academy',
      Producer: 'ORIS Academy impact report 1',
      CreationDate: frozenAt,
      ModDate: frozenAt,
    },
  });
  for (const [name, font] of Object.entries(fonts)) {
    doc.registerFont(name, font as unknown as Buffer);
  }
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const writer = new ReportWriter(doc, fonts, table.locale === 'ar');
    writer.paragraph(table.title, { size: 16, bold: true, colour: BRAND });
    writer.space(6);
    for (const [label, value] of table.about) {
      writer.row([label, value], [0.35, 0.65], { size: 9 });
    }
    for (const section of table.sections) {
      writer.space(10);
      if (section.title) writer.paragraph(section.title, { size: 12, bold: true, colour: BRAND });
      const widths =
        WIDTHS[section.columns.length] ?? section.columns.map(() => 1 / section.columns.length);
      writer.row(section.columns, widths, { size: 8, bold: true });
      for (const row of section.rows) writer.row(row.map(text), widths, { size: 8 });
    }
    doc.end();
  } catch (error) {
    doc.destroy();
    return Promise.reject(error);
  }
  return done;
}

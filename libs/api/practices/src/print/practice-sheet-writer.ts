/// <reference types="pdfkit" />
import {
  baseDirection,
  cleanText,
  drawLaidOutLine,
  wrapText,
  type LineLayout,
  type PdfFonts,
  type ScriptFonts,
} from '@oris/api/pdf';
import type { Locale } from '@oris/shared/domain';

/** A4 portrait, in points; the header and footer are drawn in the top and bottom margins. */
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { side: 50, top: 76, bottom: 78 };
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN.side;
export const COLOURS = {
  brand: '#0B5563',
  gold: '#B8860B',
  ink: '#1F2933',
  muted: '#52606D',
  band: '#EEF4F5',
};

const REGULAR: ScriptFonts = { latin: 'latin', arabic: 'arabic' };
const BOLD: ScriptFonts = { latin: 'latinBold', arabic: 'arabicBold' };

/** One paragraph of a cell: plain text (line breaks start new paragraphs) in one style. */
export interface Paragraph {
  text: string;
  size: number;
  bold?: boolean;
  colour?: string;
  /** Space after it, in points. */
  gapAfter?: number;
}

/**
 * A block of paragraphs in one language, drawn in a column: Arabic right to left and aligned
 * right, the others left to right and aligned left. `null`: text of no known language (names,
 * e-mail addresses), aligned by its own first strong character; `'neutral'`: centred (figures).
 */
export interface Cell {
  language: Locale | null | 'neutral';
  paragraphs: Paragraph[];
  x: number;
  width: number;
  /** Where lines sit in the column when not where the language puts them (page furniture). */
  align?: 'left' | 'right' | 'center';
}

interface PlacedLine {
  line: LineLayout;
  size: number;
  colour: string;
  align: 'left' | 'right' | 'center';
  /** From the cell's top to this line's box and to its baseline. */
  top: number;
  baseline: number;
}

interface PlacedCell {
  cell: Cell;
  lines: PlacedLine[];
  height: number;
}

/** Line box per script: Noto Naskh needs more room above and below than Noto Sans. */
function metrics(arabic: boolean): { ascent: number; height: number } {
  return arabic ? { ascent: 1.1, height: 1.8 } : { ascent: 0.95, height: 1.42 };
}

/**
 * Writes the sheet top to bottom on A4 pages: cells wrapped to their column with the very
 * layout they are drawn with, a row of cells kept on one page, long paragraphs broken across
 * pages line by line. Pages are kept (pdfkit `bufferPages`) so the header and footer, which
 * show the page count, are drawn once everything is written.
 */
export class SheetWriter {
  y = MARGIN.top;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: PdfFonts,
  ) {}

  /** Lays a cell out without drawing it: its lines and its height. */
  private place(cell: Cell): PlacedCell {
    const lines: PlacedLine[] = [];
    let top = 0;
    for (const paragraph of cell.paragraphs) {
      const style = paragraph.bold ? BOLD : REGULAR;
      const colour = paragraph.colour ?? COLOURS.ink;
      for (const piece of paragraph.text.split(/\r?\n/)) {
        const text = cleanText(piece);
        if (!text) continue;
        const direction =
          cell.language === 'ar'
            ? 'rtl'
            : cell.language === null || cell.language === 'neutral'
              ? baseDirection(text)
              : 'ltr';
        const align =
          cell.align ??
          (cell.language === 'neutral' ? 'center' : direction === 'rtl' ? 'right' : 'left');
        const { ascent, height } = metrics(cell.language === 'ar' || direction === 'rtl');
        for (const line of wrapText(
          text,
          style,
          this.fonts,
          paragraph.size,
          cell.width,
          direction,
        )) {
          lines.push({
            line,
            size: paragraph.size,
            colour,
            align,
            top,
            baseline: top + ascent * paragraph.size,
          });
          top += height * paragraph.size;
        }
        top += (paragraph.gapAfter ?? 0) + paragraph.size * 0.3;
      }
    }
    return { cell, lines, height: top };
  }

  private drawPlaced({ cell, lines }: PlacedCell, top: number, from = 0, to = lines.length): void {
    const shift = lines[from]?.top ?? 0;
    for (const placed of lines.slice(from, to)) {
      const x =
        placed.align === 'left'
          ? cell.x
          : placed.align === 'right'
            ? cell.x + cell.width
            : cell.x + cell.width / 2;
      drawLaidOutLine(
        this.doc,
        placed.line,
        placed.size,
        top + placed.baseline - shift,
        x,
        placed.align,
        placed.colour,
      );
    }
  }

  /** Room left on this page, in points. */
  private get room(): number {
    return PAGE.height - MARGIN.bottom - this.y;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  need(height: number): void {
    if (height > this.room) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Height a row of cells would take, to keep a heading with what follows it. */
  measure(cells: Cell[]): number {
    return Math.max(0, ...cells.map((cell) => this.place(cell).height));
  }

  /**
   * Cells side by side, top-aligned, on one page (a new page if they do not fit here). A row
   * taller than a page (one cell holding long text) is written as a flow instead.
   */
  row(cells: Cell[], options: { gapAfter?: number; background?: string } = {}): void {
    const placed = cells.map((cell) => this.place(cell));
    const height = Math.max(0, ...placed.map((cell) => cell.height));
    if (height === 0) return;
    if (height > PAGE.height - MARGIN.top - MARGIN.bottom) {
      for (const cell of placed) this.flowPlaced(cell);
    } else {
      this.need(height);
      if (options.background) {
        this.doc
          .rect(MARGIN.side - 4, this.y - 2, CONTENT_WIDTH + 8, height + 1)
          .fill(options.background);
      }
      for (const cell of placed) this.drawPlaced(cell, this.y);
      this.y += height;
    }
    this.y += options.gapAfter ?? 0;
  }

  /** A cell that may run over several pages, broken between lines. */
  flow(cell: Cell, gapAfter = 0): void {
    this.flowPlaced(this.place(cell));
    this.y += gapAfter;
  }

  private flowPlaced(placed: PlacedCell): void {
    const { lines } = placed;
    let from = 0;
    while (from < lines.length) {
      const start = from === 0 ? 0 : lines[from].top;
      let to = from;
      // Take every line whose box ends on this page (the next line's start, or the cell's end).
      while (to < lines.length) {
        const end = to + 1 < lines.length ? lines[to + 1].top : placed.height;
        if (end - start > this.room && (to > from || this.y > MARGIN.top)) break;
        to += 1;
      }
      if (to === from) {
        this.newPage();
        continue;
      }
      this.drawPlaced(placed, this.y, from, to);
      const end = to < lines.length ? lines[to].top : placed.height;
      this.y += end - start;
      from = to;
      if (from < lines.length) this.newPage();
    }
  }

  /** A thin horizontal line across the text column. */
  rule(colour: string, width = 0.6, gapAfter = 6): void {
    this.doc
      .lineWidth(width)
      .moveTo(MARGIN.side, this.y)
      .lineTo(PAGE.width - MARGIN.side, this.y)
      .stroke(colour);
    this.y += gapAfter;
  }

  /** Draws a cell at a fixed place, outside the flow (headers and footers). */
  drawAt(cell: Cell, top: number): void {
    this.drawPlaced(this.place(cell), top);
  }
}

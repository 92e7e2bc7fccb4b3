/**
 * Test helper: parses a PDF with pdfjs-dist (the parser of Firefox) and returns what a reader
 * would find on a page (the first by default, or every page): text blocks with their glyphs, and
 * the filled rectangles.
 *
 * pdfjs ships ES modules only, which Jest's CommonJS runtime cannot import; Node (≥ 20.19) can
 * `require` them, so the module is loaded with Node's own `require`, outside Jest's registry.
 */

/** One glyph as drawn: its code in the font (pdfkit writes subset glyph ids) and its text. */
export interface DrawnGlyph {
  code: number;
  unicode: string;
  /** Advance in thousandths of the font size. */
  width: number;
}

/** One BT…ET text object: pdfkit writes one per `doc.text` call, i.e. one per bidi run. */
export interface TextBlock {
  font: string;
  size: number;
  /** Start of the run and its baseline, in pdfkit's top-down page coordinates. */
  x: number;
  baseline: number;
  glyphs: DrawnGlyph[];
  /** The glyphs' text in drawing (visual) order. */
  text: string;
  /** Advance width of the run, in points. */
  width: number;
}

export interface FilledRect {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

export interface PdfPageContents {
  pageCount: number;
  pageWidth: number;
  pageHeight: number;
  blocks: TextBlock[];
  /** Every axis-aligned rectangle of every filled path, in pdfkit's top-down coordinates. */
  rects: FilledRect[];
  info: Record<string, unknown>;
}

interface PdfJsGlyph {
  unicode: string;
  originalCharCode: number;
  width: number;
}

interface PdfJs {
  OPS: Record<string, number>;
  getDocument(source: { data: Uint8Array; verbosity?: number }): {
    promise: Promise<{
      numPages: number;
      getMetadata(): Promise<{ info: Record<string, unknown> }>;
      getAttachments(): Promise<Record<string, { filename: string; content: Uint8Array }> | null>;
      getPage(n: number): Promise<{
        view: number[];
        getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
      }>;
      destroy(): Promise<void>;
    }>;
  };
}

/**
 * Whether a glyph carries text. pdf.js reads a code the ToUnicode map sends to nothing (the dots
 * Noto Naskh draws as separate mark glyphs, see glyph-text.ts) as the character of the code
 * itself; those glyphs are left out of the text read here.
 */
export function carriesText(glyph: DrawnGlyph): boolean {
  return glyph.unicode !== String.fromCharCode(glyph.code);
}

const LEFT_TO_RIGHT = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * The text of one drawn line in reading order, for a right-to-left (Arabic) line: runs from the
 * rightmost to the leftmost, each run's glyphs read right to left unless the run is left to right
 * (digits, Latin), as a reader puts the visual order back into logical order.
 */
export function readRightToLeft(blocks: TextBlock[]): string {
  return [...blocks]
    .sort((a, b) => b.x - a.x)
    .map((block) => {
      const letters = block.glyphs.filter(carriesText).map((glyph) => glyph.unicode);
      const text = letters.join('');
      return LEFT_TO_RIGHT.test(text) ? text : letters.reverse().join('');
    })
    .join('');
}

let pdfjs: PdfJs | undefined;

function loadPdfJs(): PdfJs {
  // Jest hands out its own `createRequire` from `node:module`; `getBuiltinModule` reaches Node's.
  const { createRequire } = process.getBuiltinModule('node:module');
  pdfjs ??= createRequire(__filename)('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
  return pdfjs;
}

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };

/** Splits a pdfjs path (flat array of DrawOPS codes and coordinates) into axis-aligned rectangles. */
function rectanglesOf(path: ArrayLike<number>): { x: number; y: number; w: number; h: number }[] {
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  let points: [number, number][] = [];
  let curved = false;
  const flush = () => {
    const xs = [...new Set(points.map(([x]) => Math.round(x * 1000) / 1000))];
    const ys = [...new Set(points.map(([, y]) => Math.round(y * 1000) / 1000))];
    if (!curved && points.length >= 4 && xs.length === 2 && ys.length === 2) {
      rects.push({
        x: Math.min(...xs),
        y: Math.min(...ys),
        w: Math.abs(xs[1] - xs[0]),
        h: Math.abs(ys[1] - ys[0]),
      });
    }
    points = [];
    curved = false;
  };
  for (let i = 0; i < path.length;) {
    const op = path[i];
    if (op === DRAW.moveTo) {
      flush();
      points.push([path[i + 1], path[i + 2]]);
      i += 3;
    } else if (op === DRAW.lineTo) {
      points.push([path[i + 1], path[i + 2]]);
      i += 3;
    } else if (op === DRAW.curveTo) {
      curved = true;
      i += 7;
    } else if (op === DRAW.quadraticCurveTo) {
      curved = true;
      i += 5;
    } else {
      i += 1;
    }
  }
  flush();
  return rects;
}

/** The files embedded in a PDF (its attachments), by file name, as pdf.js reads them. */
export async function pdfAttachments(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const { getDocument } = loadPdfJs();
  const document = await getDocument({ data: Uint8Array.from(bytes), verbosity: 0 }).promise;
  try {
    const attachments = (await document.getAttachments()) ?? {};
    return new Map(
      Object.values(attachments).map(({ filename, content }) => [filename, Buffer.from(content)]),
    );
  } finally {
    await document.destroy();
  }
}

export async function inspectPdf(bytes: Uint8Array, pageNumber = 1): Promise<PdfPageContents> {
  const [page] = await inspectPages(bytes, [pageNumber]);
  return page;
}

/** What `inspectPdf` reads, for every page of the document in order. */
export async function inspectPdfPages(bytes: Uint8Array): Promise<PdfPageContents[]> {
  return inspectPages(bytes, 'all');
}

async function inspectPages(
  bytes: Uint8Array,
  pageNumbers: number[] | 'all',
): Promise<PdfPageContents[]> {
  const { getDocument } = loadPdfJs();
  // A copy: pdfjs transfers (detaches) the buffer it is given.
  const document = await getDocument({ data: Uint8Array.from(bytes), verbosity: 0 }).promise;
  try {
    const { info } = await document.getMetadata();
    const numbers =
      pageNumbers === 'all'
        ? Array.from({ length: document.numPages }, (_, index) => index + 1)
        : pageNumbers;
    const pages: PdfPageContents[] = [];
    for (const number of numbers) {
      const page = await document.getPage(number);
      pages.push({ ...(await readPage(page)), pageCount: document.numPages, info });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

type PdfJsPage = Awaited<
  ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>
>;

async function readPage(page: PdfJsPage): Promise<Omit<PdfPageContents, 'pageCount' | 'info'>> {
  const { OPS } = loadPdfJs();
  const [, , pageWidth, pageHeight] = page.view;
  const { fnArray, argsArray } = await page.getOperatorList();
  const blocks: TextBlock[] = [];
  const rects: FilledRect[] = [];
  let block: TextBlock | null = null;
  let fill = '#000000';
  let pendingPath: ArrayLike<number> | null = null;
  for (let i = 0; i < fnArray.length; i += 1) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS['beginText']) {
      block = { font: '', size: 0, x: NaN, baseline: NaN, glyphs: [], text: '', width: 0 };
    } else if (fn === OPS['setFont'] && block) {
      block.font = String(args[0]);
      block.size = Number(args[1]);
    } else if (fn === OPS['setTextMatrix'] && block && Number.isNaN(block.x)) {
      const matrix = args[0] as Record<number, number>;
      // pdfkit flips the page (1 0 0 -1 0 H cm), so the text matrix holds H - baseline.
      block.x = matrix[4];
      block.baseline = pageHeight - matrix[5];
    } else if (fn === OPS['showText'] && block) {
      for (const item of args[0] as (PdfJsGlyph | number | null)[]) {
        if (item === null) continue;
        if (typeof item === 'number') {
          block.width -= (item / 1000) * block.size;
          continue;
        }
        block.glyphs.push({
          code: item.originalCharCode,
          unicode: item.unicode,
          width: item.width,
        });
        block.width += (item.width / 1000) * block.size;
      }
    } else if (fn === OPS['endText'] && block) {
      block.text = block.glyphs.map((glyph) => glyph.unicode).join('');
      blocks.push(block);
      block = null;
    } else if (fn === OPS['setFillRGBColor']) {
      fill = String(args[0]).toUpperCase();
    } else if (fn === OPS['constructPath']) {
      // pdfjs ≥ 5: [paint operator, [path data], bounding box].
      const [paint, data] = args as [number, ArrayLike<number>[]];
      pendingPath = data?.[0] ?? null;
      if ((paint === OPS['fill'] || paint === OPS['eoFill']) && pendingPath) {
        for (const rect of rectanglesOf(pendingPath)) {
          rects.push({ x: rect.x, y: rect.y, width: rect.w, height: rect.h, colour: fill });
        }
      }
    }
  }
  return { pageWidth, pageHeight, blocks, rects };
}

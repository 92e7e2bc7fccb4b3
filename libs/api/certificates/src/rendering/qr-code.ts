import { create } from 'qrcode';

/** Light modules kept around the symbol, as ISO/IEC 18004 asks, so scanners find its edges. */
export const QR_QUIET_ZONE_MODULES = 4;

/** A horizontal stretch of dark modules: one rectangle in the PDF instead of one per module. */
export interface QrRowRun {
  row: number;
  column: number;
  length: number;
}

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: QrRowRun[];
}

/** The QR symbol of `text` (error correction M: readable with up to ~15% of it damaged). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRowRun[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let start = -1;
    for (let column = 0; column <= modules.size; column += 1) {
      const dark = column < modules.size && modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/** Minimal drawing surface (a pdfkit document satisfies it). */
export interface VectorCanvas {
  rect(x: number, y: number, w: number, h: number): this;
  fill(color?: string): this;
}

/**
 * Draws the symbol as vector squares in a `side`×`side` box whose edge is the quiet zone,
 * painted white so a coloured background cannot eat it. Returns the module size used.
 */
export function drawQrCode(
  canvas: VectorCanvas,
  matrix: QrMatrix,
  x: number,
  y: number,
  side: number,
): number {
  const module = side / (matrix.size + 2 * QR_QUIET_ZONE_MODULES);
  canvas.rect(x, y, side, side).fill('#FFFFFF');
  const origin = QR_QUIET_ZONE_MODULES * module;
  for (const run of matrix.runs) {
    canvas.rect(
      x + origin + run.column * module,
      y + origin + run.row * module,
      run.length * module,
      module,
    );
  }
  canvas.fill('#000000');
  return module;
}

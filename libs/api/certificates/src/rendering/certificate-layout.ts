/// <reference types="pdfkit" />
import { formatVerificationCode } from '@oris/shared/domain';
import {
  cleanText,
  drawLaidOutLine,
  fitText,
  hasArabic,
  isolate,
  type FitOptions,
  type FittedText,
  type LineLayout,
  ORIS_NAME_AR,
  ORIS_NAME_FR,
  type PdfFonts,
  printedDate,
  type ScriptFonts,
} from '@oris/api/pdf';
import type { CertificateDocument } from './certificate-document';
import { drawQrCode, qrMatrix } from './qr-code';

const PAGE = { width: 841.89, height: 595.28 };
const COLOURS = { brand: '#0B5563', gold: '#B8860B', ink: '#1F2933', muted: '#52606D' };
const REGULAR: ScriptFonts = { latin: 'latin', arabic: 'arabic' };
const BOLD: ScriptFonts = { latin: 'latinBold', arabic: 'arabicBold' };

/** The middle block (holder, course, details) flows between these two lines. */
const FLOW_TOP = 190;
const FLOW_BOTTOM = 410;
const FLOW_WIDTH = 640;
const QR = { side: 96, right: PAGE.width - 44, top: 418 };

/** Decimal comma, no locale data: ICU differences between Node builds must not change bytes. */
function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100).replace('.', ',') : '—';
}

function hoursFr(hours: number): string {
  return `${formatNumber(hours)} ${hours > 0 && hours < 2 ? 'heure' : 'heures'}`;
}

/** Arabic counts agree with the number: 1 ساعة واحدة, 2 ساعتان, 3–10 ساعات, otherwise ساعة. */
function hoursAr(hours: number): string {
  if (hours === 1) return 'ساعة واحدة';
  if (hours === 2) return 'ساعتان';
  if (Number.isInteger(hours) && hours >= 3 && hours <= 10) return `${hours} ساعات`;
  return `${formatNumber(hours)} ساعة`;
}

interface PlannedLine {
  line: LineLayout;
  size: number;
  baseline: number;
  colour: string;
}

/** Line box of a text: Arabic (Naskh) needs more room above and below than Latin. */
function lineMetrics(fitted: FittedText): { ascent: number; height: number } {
  const arabic = fitted.lines.some((line) => line.runs.some((run) => hasArabic(run.text)));
  return arabic ? { ascent: 1.05, height: 1.6 } : { ascent: 0.95, height: 1.3 };
}

/**
 * The certificate's page: frame, ORIS identity, holder, course and details, serial, dates and QR
 * code, laid out in French and Arabic on an A4 landscape page of a pdfkit document whose fonts
 * are registered under the names of `PdfFonts`. What the PDF file holds besides the page
 * (metadata, fonts, attachments) is `CertificateRenderer`'s.
 */
export class CertificateLayout {
  constructor(private readonly fonts: PdfFonts) {}

  /** Draws the whole page of `certificate` (`serial` already cleaned). */
  draw(doc: PDFKit.PDFDocument, certificate: CertificateDocument, serial: string): void {
    this.drawFrame(doc);
    this.drawHeader(doc);
    this.drawBody(doc, certificate);
    this.drawFooter(doc, certificate, serial);
  }

  private fit(text: string, style: ScriptFonts, options: FitOptions): FittedText {
    return fitText(text, style, this.fonts, options);
  }

  /** Draws a laid-out line with its runs side by side in visual order, on a shared baseline. */
  private drawLine(
    doc: PDFKit.PDFDocument,
    { line, size, baseline, colour }: PlannedLine,
    x: number,
    align: 'left' | 'center' | 'right',
  ): void {
    drawLaidOutLine(doc, line, size, baseline, x, align, colour);
  }

  /** One short constant line (headings, labels), shrunk if it had to be. */
  private drawFitted(
    doc: PDFKit.PDFDocument,
    text: string,
    style: ScriptFonts,
    size: number,
    baseline: number,
    colour: string,
    x: number,
    align: 'left' | 'center' | 'right',
    maxWidth: number,
  ): void {
    const fitted = this.fit(text, style, { maxWidth, maxSize: size, minSize: 6, maxLines: 1 });
    for (const line of fitted.lines)
      this.drawLine(doc, { line, size: fitted.size, baseline, colour }, x, align);
  }

  private drawFrame(doc: PDFKit.PDFDocument): void {
    doc
      .lineWidth(3)
      .rect(18, 18, PAGE.width - 36, PAGE.height - 36)
      .stroke(COLOURS.brand);
    doc
      .lineWidth(0.8)
      .rect(26, 26, PAGE.width - 52, PAGE.height - 52)
      .stroke(COLOURS.gold);
    // Corner ornaments: small gold squares turned 45°.
    for (const [cx, cy] of [
      [26, 26],
      [PAGE.width - 26, 26],
      [26, PAGE.height - 26],
      [PAGE.width - 26, PAGE.height - 26],
    ]) {
      doc.polygon([cx, cy - 6], [cx + 6, cy], [cx, cy + 6], [cx - 6, cy]).fill(COLOURS.gold);
    }
  }

  /** ORIS identity drawn as vectors: a roundel of linked nodes, the names in both languages. */
  private drawHeader(doc: PDFKit.PDFDocument): void {
    const cx = 92;
    const cy = 84;
    doc.circle(cx, cy, 30).fill(COLOURS.brand);
    doc.lineWidth(1.6).strokeColor('#FFFFFF');
    const nodes: [number, number][] = [0, 1, 2, 3, 4].map((i) => {
      const angle = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
      return [cx + 17 * Math.cos(angle), cy + 17 * Math.sin(angle)];
    });
    for (const [nx, ny] of nodes) doc.moveTo(cx, cy).lineTo(nx, ny).stroke();
    for (const [nx, ny] of nodes) doc.circle(nx, ny, 4).fill(COLOURS.gold);
    doc.circle(cx, cy, 6).fill('#FFFFFF');
    this.drawFitted(doc, 'ORIS Academy', BOLD, 10, 132, COLOURS.brand, cx, 'center', 110);

    const centre = PAGE.width / 2;
    this.drawFitted(doc, ORIS_NAME_FR, BOLD, 15, 68, COLOURS.brand, centre, 'center', 520);
    this.drawFitted(doc, ORIS_NAME_AR, BOLD, 16, 96, COLOURS.brand, centre, 'center', 520);
    doc
      .lineWidth(1)
      .moveTo(centre - 180, 112)
      .lineTo(centre + 180, 112)
      .stroke(COLOURS.gold);
    this.drawFitted(
      doc,
      'Certificat de formation',
      BOLD,
      30,
      148,
      COLOURS.ink,
      centre,
      'center',
      600,
    );
    this.drawFitted(doc, 'شهادة تكوين', BOLD, 24, 180, COLOURS.ink, centre, 'center', 600);
  }

  /**
   * Holder, course and details flow down from FLOW_TOP; if the longest names and titles would
   * pass FLOW_BOTTOM, the whole block is planned again smaller, so nothing ever overflows.
   */
  private drawBody(doc: PDFKit.PDFDocument, c: CertificateDocument): void {
    const hoursLine = `Durée : ${hoursFr(c.hours)} — Session du ${printedDate(c.sessionStartsOn, 'fr')} au ${printedDate(c.sessionEndsOn, 'fr')} — Région : ${isolate(c.regionName)}`;
    const hoursLineAr = `المدة: ${hoursAr(c.hours)} — الدورة من ${printedDate(c.sessionStartsOn, 'ar')} إلى ${printedDate(c.sessionEndsOn, 'ar')} — الجهة: ${isolate(c.regionNameAr)}`;
    const blocks: {
      text: string;
      style: ScriptFonts;
      size: number;
      minSize: number;
      maxLines: number;
      colour: string;
      gapBefore: number;
    }[] = [
      {
        text: 'Décerné à · تُمنح هذه الشهادة إلى',
        style: REGULAR,
        size: 11,
        minSize: 7,
        maxLines: 1,
        colour: COLOURS.muted,
        gapBefore: 0,
      },
      {
        text: cleanText(c.holderName),
        style: BOLD,
        size: 26,
        minSize: 12,
        maxLines: 2,
        colour: COLOURS.brand,
        gapBefore: 2,
      },
      {
        text: cleanText(c.holderNameAr),
        style: BOLD,
        size: 22,
        minSize: 12,
        maxLines: 2,
        colour: COLOURS.brand,
        gapBefore: 0,
      },
      {
        text: 'pour avoir suivi avec succès la formation · بعد إتمام التكوين بنجاح',
        style: REGULAR,
        size: 11,
        minSize: 7,
        maxLines: 1,
        colour: COLOURS.muted,
        gapBefore: 6,
      },
      {
        text: cleanText(c.courseTitle),
        style: BOLD,
        size: 18,
        minSize: 9,
        maxLines: 2,
        colour: COLOURS.ink,
        gapBefore: 2,
      },
      {
        text: hoursLine,
        style: REGULAR,
        size: 11,
        minSize: 7,
        maxLines: 2,
        colour: COLOURS.ink,
        gapBefore: 6,
      },
      {
        text: hoursLineAr,
        style: REGULAR,
        size: 11.5,
        minSize: 7,
        maxLines: 2,
        colour: COLOURS.ink,
        gapBefore: 0,
      },
    ];
    let planned: PlannedLine[] = [];
    let bottom = FLOW_BOTTOM;
    for (const scale of [1, 0.9, 0.8, 0.7, 0.6, 0.5]) {
      planned = [];
      let top = FLOW_TOP;
      for (const block of blocks) {
        const fitted = this.fit(block.text, block.style, {
          maxWidth: FLOW_WIDTH,
          maxSize: block.size * scale,
          minSize: Math.min(block.minSize, block.size * scale) * (scale < 0.7 ? scale / 0.7 : 1),
          maxLines: block.maxLines,
        });
        if (fitted.lines.length === 0) continue;
        const { ascent, height } = lineMetrics(fitted);
        top += block.gapBefore * scale;
        for (const line of fitted.lines) {
          planned.push({
            line,
            size: fitted.size,
            baseline: top + ascent * fitted.size,
            colour: block.colour,
          });
          top += height * fitted.size;
        }
      }
      bottom = top;
      if (top <= FLOW_BOTTOM) break;
    }
    // Centre the block in the space it has (it starts at FLOW_TOP when it needs all of it).
    const shift = Math.max(0, (FLOW_BOTTOM - bottom) / 2);
    for (const line of planned) {
      this.drawLine(doc, { ...line, baseline: line.baseline + shift }, PAGE.width / 2, 'center');
    }
  }

  private drawFooter(doc: PDFKit.PDFDocument, c: CertificateDocument, serial: string): void {
    // Serial, bottom left.
    this.drawFitted(
      doc,
      'N° de série · الرقم التسلسلي',
      REGULAR,
      9,
      500,
      COLOURS.muted,
      60,
      'left',
      190,
    );
    this.drawFitted(doc, serial, BOLD, 14, 522, COLOURS.ink, 60, 'left', 190);

    // Completion and issue dates, bottom centre, between the serial and the QR code.
    const centre = 410;
    const width = 290;
    const lines: [string, number][] = [
      [`Formation achevée le ${printedDate(c.completedOn, 'fr')}`, 480],
      [`Certificat délivré le ${printedDate(c.issuedOn, 'fr')}`, 495],
      [`أُتمّ التكوين في ${printedDate(c.completedOn, 'ar')}`, 515],
      [`سُلّمت الشهادة في ${printedDate(c.issuedOn, 'ar')}`, 533],
    ];
    for (const [text, baseline] of lines) {
      this.drawFitted(doc, text, REGULAR, 10, baseline, COLOURS.ink, centre, 'center', width);
    }

    // QR code of the verification page, bottom right, with its code and URL in text under it.
    const left = QR.right - QR.side;
    drawQrCode(doc, qrMatrix(c.verificationUrl), left, QR.top, QR.side);
    const textWidth = QR.right - (centre + width / 2) - 10;
    const code = `Code · الرمز : ${isolate(formatVerificationCode(c.verificationCode))}`;
    this.drawFitted(
      doc,
      code,
      BOLD,
      9,
      QR.top + QR.side + 11,
      COLOURS.ink,
      QR.right,
      'right',
      textWidth,
    );
    const url = cleanText(c.verificationUrl);
    this.drawFitted(
      doc,
      url,
      REGULAR,
      7,
      QR.top + QR.side + 22,
      COLOURS.muted,
      QR.right,
      'right',
      textWidth,
    );
  }
}

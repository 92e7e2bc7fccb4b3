import {
  baseDirection,
  cleanText,
  dayInstant,
  loadPdfFonts,
  ORIS_NAME_AR,
  ORIS_NAME_FR,
  printedDate,
  registerPdfFonts,
  type PdfFonts,
} from '@oris/api/pdf';
import {
  importValueLabel,
  PRACTICE_TEXT_FIELDS,
  type Locale,
  type PracticeTextField,
  type PublishedPracticeSheet,
} from '@oris/shared/domain';
import PDFDocument from 'pdfkit';
import { printedMad, printedNumber, printedYears } from './practice-print-format';
import {
  PRINT_EVIDENCE_LEVELS,
  PRINT_FIELD_LABELS,
  PRINT_LANGUAGE_NAMES,
  PRINT_POPULATIONS,
  PRINT_THEMES,
  PRINT_WORDS,
} from './practice-print-labels';
import {
  COLOURS,
  CONTENT_WIDTH,
  MARGIN,
  PAGE,
  SheetWriter,
  type Cell,
  type Paragraph,
} from './practice-sheet-writer';

/** Fixed document metadata: nothing here may come from the clock or randomness. */
export const PRACTICE_PDF_PRODUCER = 'ORIS Academy practice sheet renderer 1';
export const PRACTICE_PDF_CREATOR = 'ORIS Academy';

const BODY = 10;
/** Naskh looks smaller than Noto Sans at the same size. */
const BODY_AR = 11;
const GUTTER = 16;
const HALF = (CONTENT_WIDTH - GUTTER) / 2;

/** French puts a space before a colon. */
const colon = (language: Locale) => (language === 'fr' ? ' : ' : ': ');

const bodySize = (language: Locale) => (language === 'ar' ? BODY_AR : BODY);

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

function textOf(
  sheet: PublishedPracticeSheet,
  language: Locale,
  field: PracticeTextField,
): string | undefined {
  const text = sheet.texts[language]?.[field]?.trim();
  return text ? text : undefined;
}

function anyTitle(sheet: PublishedPracticeSheet): string {
  return textOf(sheet, sheet.originalLanguage, 'title') ?? sheet.slug;
}

/**
 * The columns of a row of cells, one per language: the Arabic one on the right, the other on
 * the left; two left-to-right languages in their printed order.
 */
function columns(languages: Locale[]): Map<Locale, { x: number; width: number }> {
  if (languages.length === 1) {
    return new Map([[languages[0], { x: MARGIN.side, width: CONTENT_WIDTH }]]);
  }
  const ordered = languages[0] === 'ar' ? [languages[1], languages[0]] : languages;
  return new Map(
    ordered.map((language, index) => [
      language,
      { x: MARGIN.side + index * (HALF + GUTTER), width: HALF },
    ]),
  );
}

class PracticeSheetLayout {
  private readonly columns: Map<Locale, { x: number; width: number }>;

  constructor(
    private readonly writer: SheetWriter,
    private readonly sheet: PublishedPracticeSheet,
    private readonly languages: Locale[],
  ) {
    this.columns = columns(languages);
  }

  draw(doc: PDFKit.PDFDocument, title: string): void {
    this.drawTitle();
    this.drawText('summary');
    this.drawEvidence();
    this.drawFacts();
    for (const field of PRACTICE_TEXT_FIELDS) {
      if (field === 'title' || field === 'summary') continue;
      this.drawText(field);
      if (field === 'results') this.drawResultFigures();
    }
    this.drawContacts();
    this.drawPageFurniture(doc, title);
  }

  private translated(language: Locale): boolean {
    return (
      language !== this.sheet.originalLanguage && this.sheet.translatedLanguages.includes(language)
    );
  }

  /** One cell per language that has something to say, each in its column. */
  private row(
    paragraphsOf: (language: Locale) => Paragraph[],
    options: { gapAfter?: number; background?: string } = {},
  ): void {
    const cells = this.cells(paragraphsOf);
    if (cells.length) this.writer.row(cells, options);
  }

  private cells(paragraphsOf: (language: Locale) => Paragraph[]): Cell[] {
    return this.languages.flatMap((language) => {
      const paragraphs = paragraphsOf(language).filter((paragraph) => paragraph.text.trim());
      const column = this.columns.get(language);
      return paragraphs.length && column ? [{ language, paragraphs, ...column }] : [];
    });
  }

  private drawTitle(): void {
    const { sheet } = this;
    this.row(
      (language) => [
        {
          text: `ORIS · ${PRINT_WORDS.sheet[language]}`,
          size: 9,
          bold: true,
          colour: COLOURS.gold,
        },
      ],
      { gapAfter: 2 },
    );
    for (const language of this.languages) {
      const title = textOf(sheet, language, 'title');
      if (!title) continue;
      this.writer.flow(
        {
          language,
          x: MARGIN.side,
          width: CONTENT_WIDTH,
          paragraphs: [
            { text: title, size: language === 'ar' ? 19 : 18, bold: true, colour: COLOURS.brand },
          ],
        },
        2,
      );
    }
    this.writer.y += 4;
    this.row(
      (language) => [
        {
          text: `${PRINT_WORDS.version[language]} ${sheet.version} · ${PRINT_WORDS.publishedOn[language]} ${printedDate(sheet.publishedOn, language)}`,
          size: 8.5,
          colour: COLOURS.muted,
        },
        {
          text: `${PRINT_LANGUAGE_NAMES[language][language]}${colon(language)}${
            this.translated(language)
              ? PRINT_WORDS.translation[language]
              : PRINT_WORDS.original[language]
          }`,
          size: 8.5,
          colour: COLOURS.muted,
        },
      ],
      { gapAfter: 4 },
    );
    this.writer.rule(COLOURS.gold, 1, 12);
  }

  /** A section's heading: its label in each language that has content, kept with what follows. */
  private heading(labelOf: (language: Locale) => string, present: Locale[], keep: number): void {
    const cells = this.cells((language) =>
      present.includes(language)
        ? [
            {
              text: labelOf(language),
              size: language === 'ar' ? 12 : 11,
              bold: true,
              colour: COLOURS.brand,
            },
          ]
        : [],
    );
    if (!cells.length) return;
    this.writer.need(this.writer.measure(cells) + 6 + keep);
    this.writer.row(cells);
    this.writer.rule(COLOURS.brand, 0.5, 6);
  }

  /** A text field, in the first language then the second, each full width. */
  private drawText(field: PracticeTextField): void {
    const present = this.languages.filter((language) => textOf(this.sheet, language, field));
    if (!present.length) return;
    this.heading(
      (language) =>
        this.translated(language)
          ? `${PRINT_FIELD_LABELS[field][language]} (${PRINT_WORDS.translation[language]})`
          : PRINT_FIELD_LABELS[field][language],
      present,
      3 * BODY * 1.8,
    );
    for (const language of present) {
      this.writer.flow(
        {
          language,
          x: MARGIN.side,
          width: CONTENT_WIDTH,
          paragraphs: [
            { text: textOf(this.sheet, language, field) ?? '', size: bodySize(language) },
          ],
        },
        6,
      );
    }
    this.writer.y += 6;
  }

  private drawEvidence(): void {
    const level = this.sheet.evidenceLevel;
    const words = PRINT_EVIDENCE_LEVELS[level];
    this.heading((language) => PRINT_WORDS.evidence[language], this.languages, 90);
    // The scale: five squares, as many filled as the level.
    const side = 11;
    const left = PAGE.width / 2 - (5 * side + 4 * 5) / 2;
    for (let index = 0; index < 5; index += 1) {
      const x = left + index * (side + 5);
      if (index < level) this.writer.doc.rect(x, this.writer.y, side, side).fill(COLOURS.brand);
      else this.writer.doc.lineWidth(0.8).rect(x, this.writer.y, side, side).stroke(COLOURS.brand);
    }
    this.writer.y += side + 8;
    this.row((language) => [
      {
        text: `${PRINT_WORDS.levelOf[language].replace('{n}', String(level))} — ${words.name[language]}`,
        size: language === 'ar' ? 11.5 : 10.5,
        bold: true,
        colour: COLOURS.ink,
      },
      {
        text: words.meaning[language],
        size: bodySize(language) - 1,
        colour: COLOURS.muted,
        gapAfter: 2,
      },
    ]);
    const justified = this.languages.filter((language) =>
      this.sheet.evidenceJustification[language]?.trim(),
    );
    for (const language of justified) {
      this.writer.flow({
        language,
        x: MARGIN.side,
        width: CONTENT_WIDTH,
        paragraphs: [
          {
            text: PRINT_WORDS.justification[language],
            size: 8.5,
            bold: true,
            colour: COLOURS.muted,
          },
          { text: this.sheet.evidenceJustification[language] ?? '', size: bodySize(language) },
        ],
      });
    }
    this.writer.y += 8;
  }

  private facts(language: Locale): [string, string][] {
    const { sheet } = this;
    const list = (values: string[]) => values.join(language === 'ar' ? '، ' : ', ');
    const facts: [string, string | null][] = [
      [
        PRINT_WORDS.regions[language],
        sheet.regions.length
          ? list(sheet.regions.map((code) => importValueLabel('regionCode', code, language)))
          : null,
      ],
      [
        PRINT_WORDS.themes[language],
        sheet.themes.length
          ? list(sheet.themes.map((theme) => PRINT_THEMES[theme][language]))
          : null,
      ],
      [
        PRINT_WORDS.populations[language],
        sheet.populations.length
          ? list(sheet.populations.map((population) => PRINT_POPULATIONS[population][language]))
          : null,
      ],
      [PRINT_WORDS.years[language], printedYears(sheet.startYear, sheet.endYear, language)],
      [
        PRINT_WORDS.beneficiaries[language],
        sheet.beneficiaries === null ? null : printedNumber(sheet.beneficiaries, language),
      ],
      [
        PRINT_WORDS.totalCost[language],
        sheet.totalCostMad === null ? null : printedMad(sheet.totalCostMad, language),
      ],
      [
        PRINT_WORDS.costPerBeneficiary[language],
        sheet.costPerBeneficiaryMad === null
          ? null
          : printedMad(sheet.costPerBeneficiaryMad, language),
      ],
    ];
    return facts.filter((fact): fact is [string, string] => fact[1] !== null);
  }

  /** Regions, themes, populations, years, beneficiaries and costs: label over value, per language. */
  private drawFacts(): void {
    const count = this.facts(this.languages[0]).length;
    if (!count) return;
    this.heading((language) => PRINT_WORDS.facts[language], this.languages, 40);
    for (let index = 0; index < count; index += 1) {
      this.row(
        (language) => {
          const [label, value] = this.facts(language)[index];
          return [
            { text: label, size: 8.5, bold: true, colour: COLOURS.muted },
            { text: value, size: bodySize(language) },
          ];
        },
        { gapAfter: 3 },
      );
    }
    this.writer.y += 8;
  }

  /** One row per figure: its label in each language beside the value, on banded rows. */
  private drawResultFigures(): void {
    const figures = this.sheet.resultFigures;
    if (!figures.length) return;
    const first = this.languages[0];
    this.heading((language) => PRINT_WORDS.resultFigures[language], this.languages, 30);
    const labelWidth = this.languages.length === 1 ? CONTENT_WIDTH * 0.7 : CONTENT_WIDTH * 0.38;
    const valueWidth = CONTENT_WIDTH - labelWidth * this.languages.length - 16;
    const sides = [...this.columns.keys()];
    figures.forEach((figure, index) => {
      const value = `${printedNumber(figure.value, first)}${figure.unit ? `\u00A0${figure.unit}` : ''}`;
      const cells: Cell[] = [];
      sides.forEach((language, side) => {
        const label = figure.label[language]?.trim();
        const x = side === 0 ? MARGIN.side : PAGE.width - MARGIN.side - labelWidth;
        if (label)
          cells.push({
            language,
            x,
            width: labelWidth,
            paragraphs: [{ text: label, size: bodySize(language) - 0.5 }],
          });
      });
      if (!cells.length) {
        const fallback = Object.values(figure.label).find((label) => label?.trim()) ?? '';
        cells.push({
          language: null,
          x: MARGIN.side,
          width: labelWidth,
          paragraphs: [{ text: fallback, size: BODY - 0.5 }],
        });
      }
      const valueX =
        this.languages.length === 1 ? MARGIN.side + labelWidth + 16 : MARGIN.side + labelWidth + 8;
      cells.push({
        language: 'neutral',
        x: valueX,
        width: valueWidth,
        paragraphs: [{ text: value, size: BODY, bold: true, colour: COLOURS.brand }],
      });
      this.writer.row(cells, {
        gapAfter: 2,
        background: index % 2 === 0 ? COLOURS.band : undefined,
      });
    });
    this.writer.y += 10;
  }

  /** Contacts who consented to be published (the caller filters): name, role, how to reach them. */
  private drawContacts(): void {
    const contacts = this.sheet.contacts;
    if (!contacts.length) return;
    this.heading((language) => PRINT_WORDS.contacts[language], this.languages, 40);
    for (const contact of contacts) {
      const paragraphs: Paragraph[] = [
        { text: contact.name, size: BODY, bold: true },
        {
          text: [contact.role, contact.organisation].filter(Boolean).join(' — '),
          size: BODY - 0.5,
        },
        {
          text: [contact.email, contact.phone].filter(Boolean).join(' · '),
          size: BODY - 0.5,
          colour: COLOURS.muted,
        },
      ];
      // A contact whose name is Arabic is aligned right; each line keeps its own direction,
      // so a phone number stays left to right.
      const align = baseDirection(cleanText(contact.name)) === 'rtl' ? 'right' : 'left';
      this.writer.row(
        [{ language: null, x: MARGIN.side, width: CONTENT_WIDTH, align, paragraphs }],
        {
          gapAfter: 6,
        },
      );
    }
  }

  /** Header and footer of every page, drawn once the page count is known. */
  private drawPageFurniture(doc: PDFKit.PDFDocument, title: string): void {
    const { start, count } = doc.bufferedPageRange();
    const first = this.languages[0];
    const side = first === 'ar' ? PAGE.width - MARGIN.side - CONTENT_WIDTH * 0.62 : MARGIN.side;
    const other = first === 'ar' ? MARGIN.side : PAGE.width - MARGIN.side - CONTENT_WIDTH * 0.36;
    for (let page = start; page < start + count; page += 1) {
      doc.switchToPage(page);
      this.writer.drawAt(
        {
          language: first,
          x: side,
          width: CONTENT_WIDTH * 0.62,
          align: first === 'ar' ? 'right' : 'left',
          paragraphs: [{ text: `ORIS · ${title}`, size: 8, colour: COLOURS.muted }],
        },
        34,
      );
      this.writer.drawAt(
        {
          language: first,
          x: other,
          width: CONTENT_WIDTH * 0.36,
          align: first === 'ar' ? 'left' : 'right',
          paragraphs: [
            {
              text: `${PRINT_WORDS.version[first]} ${this.sheet.version} · ${printedDate(this.sheet.publishedOn, first)}`,
              size: 8,
              colour: COLOURS.muted,
            },
          ],
        },
        34,
      );
      doc
        .lineWidth(0.5)
        .moveTo(MARGIN.side, 52)
        .lineTo(PAGE.width - MARGIN.side, 52)
        .stroke(COLOURS.gold);
      const bottom = PAGE.height - MARGIN.bottom + 22;
      doc
        .lineWidth(0.5)
        .moveTo(MARGIN.side, bottom - 6)
        .lineTo(PAGE.width - MARGIN.side, bottom - 6)
        .stroke(COLOURS.gold);
      this.writer.drawAt(
        {
          language: 'fr',
          x: MARGIN.side,
          width: HALF,
          paragraphs: [{ text: ORIS_NAME_FR, size: 8, bold: true, colour: COLOURS.brand }],
        },
        bottom,
      );
      this.writer.drawAt(
        {
          language: 'ar',
          x: MARGIN.side + HALF + GUTTER,
          width: HALF,
          paragraphs: [{ text: ORIS_NAME_AR, size: 8.5, bold: true, colour: COLOURS.brand }],
        },
        bottom - 1,
      );
      this.writer.drawAt(
        {
          language: null,
          x: first === 'ar' ? PAGE.width - MARGIN.side - CONTENT_WIDTH * 0.78 : MARGIN.side,
          width: CONTENT_WIDTH * 0.78,
          align: first === 'ar' ? 'right' : 'left',
          paragraphs: [{ text: this.sheet.url, size: 7.5, colour: COLOURS.muted }],
        },
        bottom + 16,
      );
      this.writer.drawAt(
        {
          language: first,
          x: first === 'ar' ? MARGIN.side : PAGE.width - MARGIN.side - CONTENT_WIDTH * 0.2,
          width: CONTENT_WIDTH * 0.2,
          align: first === 'ar' ? 'left' : 'right',
          paragraphs: [
            {
              text: PRINT_WORDS.pageOf[first]
                .replace('{n}', String(page - start + 1))
                .replace('{count}', String(count)),
              size: 8,
              colour: COLOURS.muted,
            },
          ],
        },
        bottom + 16,
      );
    }
  }
}

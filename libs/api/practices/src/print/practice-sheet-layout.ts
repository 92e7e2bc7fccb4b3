import { baseDirection, cleanText, printedDate } from '@oris/api/pdf';
import {
  PRACTICE_TEXT_FIELDS,
  type Locale,
  type PracticeTextField,
  type PublishedPracticeSheet,
} from '@oris/shared/domain';
import { practiceFacts } from './practice-facts';
import { printedNumber } from './practice-print-format';
import {
  PRINT_EVIDENCE_LEVELS,
  PRINT_FIELD_LABELS,
  PRINT_LANGUAGE_NAMES,
  PRINT_WORDS,
} from './practice-print-labels';
import { drawPageFurniture } from './practice-sheet-furniture';
import {
  COLOURS,
  CONTENT_WIDTH,
  GUTTER,
  HALF,
  MARGIN,
  PAGE,
  SheetWriter,
  type Cell,
  type Paragraph,
} from './practice-sheet-writer';

const BODY = 10;
/** Naskh looks smaller than Noto Sans at the same size. */
const BODY_AR = 11;

/** French puts a space before a colon. */
const colon = (language: Locale) => (language === 'fr' ? ' : ' : ': ');

const bodySize = (language: Locale) => (language === 'ar' ? BODY_AR : BODY);

export function textOf(
  sheet: PublishedPracticeSheet,
  language: Locale,
  field: PracticeTextField,
): string | undefined {
  const text = sheet.texts[language]?.[field]?.trim();
  return text ? text : undefined;
}

export function anyTitle(sheet: PublishedPracticeSheet): string {
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

/**
 * The sheet's content, top to bottom: title block, summary, evidence level, facts, the texts in
 * \`PRACTICE_TEXT_FIELDS\` order (result figures after the results), contacts; each section in
 * the first language then the second, then every page's header and footer.
 */
export class PracticeSheetLayout {
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
    drawPageFurniture(doc, this.writer, this.sheet, this.languages[0], title);
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

  /** Regions, themes, populations, years, beneficiaries and costs: label over value, per language. */
  private drawFacts(): void {
    const count = practiceFacts(this.sheet, this.languages[0]).length;
    if (!count) return;
    this.heading((language) => PRINT_WORDS.facts[language], this.languages, 40);
    for (let index = 0; index < count; index += 1) {
      this.row(
        (language) => {
          const [label, value] = practiceFacts(this.sheet, language)[index];
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
}

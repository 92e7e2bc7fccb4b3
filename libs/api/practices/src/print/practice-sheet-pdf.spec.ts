import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  inspectPdfPages,
  readRightToLeft,
  type PdfPageContents,
  type TextBlock,
} from '@oris/api/pdf/testing';
import type { PublishedPracticeSheet } from '@oris/shared/domain';
import {
  PRACTICE_PDF_CREATOR,
  PRACTICE_PDF_PRODUCER,
  renderPracticeSheetPdf,
} from './practice-sheet-pdf';
import { MARGIN, PAGE } from './practice-sheet-writer';
import { EXAMPLE_PRACTICE_SHEET as sheet } from './testing/practice-sheet-example';

const WORKSPACE = resolve(__dirname, '../../../../..');

// Each test renders and parses whole multi-page PDFs on a busy 2-core machine.
jest.setTimeout(60_000);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ARABIC = /[\u0600-\u06FF]/u;

/**
 * Lines of a page as a reader reads them: blocks (bidi runs) on one baseline, split into cells
 * where a wide gap separates them (two columns, header left and right), each cell read left to
 * right, or right to left when it holds Arabic.
 */
function linesOf(page: PdfPageContents): string[] {
  const rows = new Map<number, TextBlock[]>();
  for (const block of page.blocks) {
    const key = Math.round(block.baseline);
    rows.set(key, [...(rows.get(key) ?? []), block]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([, blocks]) => {
      const cells: TextBlock[][] = [];
      for (const block of [...blocks].sort((a, b) => a.x - b.x)) {
        const cell = cells[cells.length - 1];
        const last = cell?.[cell.length - 1];
        if (last && block.x - (last.x + last.width) < 12) cell.push(block);
        else cells.push([block]);
      }
      return cells.map((cell) =>
        cell.some((block) => ARABIC.test(block.text))
          ? readRightToLeft(cell)
          : cell.map((block) => block.text).join(''),
      );
    });
}

const textOf = (pages: PdfPageContents[]) => pages.flatMap(linesOf).join('\n');

describe('renderPracticeSheetPdf', () => {
  let pdf: Buffer;
  let pages: PdfPageContents[];
  let text: string;

  beforeAll(async () => {
    pdf = await renderPracticeSheetPdf(sheet, ['fr', 'ar']);
    pages = await inspectPdfPages(pdf);
    text = textOf(pages);
  });

  it('renders A4 pages with fixed metadata from the sheet', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page.pageWidth).toBeCloseTo(PAGE.width, 1);
      expect(page.pageHeight).toBeCloseTo(PAGE.height, 1);
    }
    expect(pages[0].info).toMatchObject({
      Title: sheet.texts.fr?.title,
      Creator: PRACTICE_PDF_CREATOR,
      Producer: PRACTICE_PDF_PRODUCER,
      CreationDate: 'D:20260312000000Z',
      ModDate: 'D:20260312000000Z',
    });
  });

  it('prints French with its accents, the facts with Moroccan number formatting, and every page’s header and footer', () => {
    // Numbers group thousands with no-break spaces (never a line break inside); the text layer
    // gives them the space glyph's text, so a reader copies plain spaces.
    for (const expected of [
      'Coopératives féminines d’argan : de la cueillette à',
      'Drâa-Tafilalet',
      'Autonomisation des femmes',
      'Niveau 2 sur 5 — Changement observé',
      '4 850 000 MAD',
      '7 460,5 MAD',
      '2019–2023',
      'Résultats chiffrés',
      '12 600 000,75 MAD',
      'Fatima Zahra Aït Brahim',
      'Vente directe sans intermédiaire.',
    ]) {
      expect(text).toContain(expected);
    }
    pages.forEach((page, index) => {
      const lines = linesOf(page);
      expect(lines).toContain("Observatoire Régional de l'Innovation Sociale");
      expect(lines).toContain('المرصد الجهوي للابتكار الاجتماعي');
      expect(lines).toContain(sheet.url);
      expect(lines).toContain(`Page ${index + 1} sur ${pages.length}`);
      expect(lines.some((line) => line.startsWith('Version 2 · 12 mars 2026'))).toBe(true);
    });
  });

  it('pdf.js reads the Arabic words with the right letters (ج ح خ, ب ت ث ن ي, lam-alef) and digits in order', () => {
    for (const expected of [
      'التعاونيات النسائية للأركان: من الجني إلى التصدير',
      'رئيسة تعاونية تيفاوين',
      'بعد ثلاث سنوات',
      'تعاونية للنساء القرويات بجهة سوس ماسة',
      'لا يقل عن 150000 درهم',
      'الإصدار 2 · نُشرت في 12 مارس 2026',
      'المستوى 2 من 5 — تغيير ملحوظ',
      '4.850.000',
      'خديجة بن ثابت',
      'العربية: ترجمة',
    ]) {
      expect(text).toContain(expected);
    }
    // Brackets in Arabic are drawn mirrored (fontkit does not apply the font's rtlm), and the
    // text layer names the glyph drawn: read back in logical order they face the other way.
    expect(text).toContain('المشكلة المعالجة )ترجمة(');
    for (const expected of []) {
      expect(text).toContain(expected);
    }
  });

  it('marks the translated language and skips what the sheet does not have', async () => {
    expect(text).toContain('Français : texte original');
    // Arabic has no adaptable components: only the French text and label are printed.
    expect(text).toContain('Composantes adaptables');
    expect(text).not.toContain('المكونات القابلة للتكييف');
    const bare: PublishedPracticeSheet = {
      ...sheet,
      totalCostMad: null,
      costPerBeneficiaryMad: null,
      beneficiaries: null,
      startYear: null,
      endYear: null,
      resultFigures: [],
      contacts: [],
      evidenceJustification: {},
      texts: { fr: { title: 'Une fiche courte', summary: 'Résumé seul.' } },
    };
    const bareText = textOf(
      await inspectPdfPages(await renderPracticeSheetPdf(bare, ['fr', 'ar'])),
    );
    for (const absent of [
      'Coût total',
      'Bénéficiaires',
      'Période',
      'Résultats chiffrés',
      'Contacts',
      'Justification',
      'Problème traité',
      'الكلفة الإجمالية',
    ]) {
      expect(bareText).not.toContain(absent);
    }
    expect(bareText).toContain('Résumé seul.');
    expect(bareText).toContain('Souss-Massa');
  });

  it('prints every contact it is given: the caller passes only those who consented', () => {
    // `PublishedPracticeSheet.contacts` has no consent flag: the practices library leaves out
    // contacts without recorded consent when it builds the sheet, before anything is printed.
    expect(Object.keys(sheet.contacts[0]).sort()).toEqual([
      'email',
      'name',
      'organisation',
      'phone',
      'role',
    ]);
    expect(text).toContain('contact@tighanimine.example · +212 528 00 00 00');
    expect(text).toContain('+212 661 00 00 00');
  });

  it('breaks a long sheet across pages, inside the margins, losing nothing', async () => {
    const paragraphs = Array.from(
      { length: 70 },
      (_, index) =>
        `Étape ${index + 1} : une réunion mensuelle réunit les coopératrices, le conseiller agricole et l’acheteur pour fixer les lots.`,
    );
    const arabic = Array.from(
      { length: 40 },
      (_, index) =>
        `المرحلة ${index + 1}: اجتماع شهري يجمع المتعاونات والمستشار الفلاحي والمشتري لتحديد الدفعات.`,
    );
    const long: PublishedPracticeSheet = {
      ...sheet,
      texts: {
        ...sheet.texts,
        fr: { ...sheet.texts.fr, intervention: paragraphs.join('\n') },
        ar: { ...sheet.texts.ar, intervention: arabic.join('\n') },
      },
    };
    const longPages = await inspectPdfPages(await renderPracticeSheetPdf(long, ['fr', 'ar']));
    expect(longPages.length).toBeGreaterThan(pages.length + 1);
    const longText = textOf(longPages);
    for (const paragraph of paragraphs) {
      expect(longText.split(paragraph.slice(0, paragraph.indexOf(':') + 1)).length - 1).toBe(1);
    }
    for (let index = 1; index <= 40; index += 1) {
      expect(longText).toContain(`المرحلة ${index}: اجتماع شهري`);
    }
    for (const page of longPages) {
      for (const block of page.blocks) {
        expect(block.x).toBeGreaterThanOrEqual(MARGIN.side - 0.5);
        expect(block.x + block.width).toBeLessThanOrEqual(PAGE.width - MARGIN.side + 0.5);
        expect(block.baseline).toBeGreaterThan(30);
        expect(block.baseline).toBeLessThan(PAGE.height - 20);
      }
      // Body text stays between the header and the footer.
      const body = page.blocks.filter(
        (block) => block.baseline > 60 && block.baseline < PAGE.height - 70,
      );
      for (const block of body)
        expect(block.baseline).toBeLessThanOrEqual(PAGE.height - MARGIN.bottom);
    }
  });

  it('lays out Arabic first when asked: Arabic header and page numbers', async () => {
    const arabicFirst = await inspectPdfPages(await renderPracticeSheetPdf(sheet, ['ar', 'fr']));
    const lines = linesOf(arabicFirst[0]);
    expect(lines).toContain(`صفحة 1 من ${arabicFirst.length}`);
    expect(arabicFirst[0].info).toMatchObject({ Title: sheet.texts.ar?.title });
  });

  const pdftotextFound = spawnSync('pdftotext', ['-v']).error === undefined;
  const withPdftotext = pdftotextFound ? it : it.skip;
  withPdftotext(
    `pdftotext (poppler) reads the same words${pdftotextFound ? '' : ' — SKIPPED: pdftotext is not installed (apt-get install poppler-utils)'}`,
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'practice-text-'));
      try {
        const file = join(directory, 'sheet.pdf');
        await writeFile(file, pdf);
        const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-']);
        // poppler wraps right-to-left pieces in embedding marks and orders pieces for display:
        // compare words.
        const words = new Set(stdout.replace(/[\u202A-\u202E]/g, '').split(/[\s:،.()]+/u));
        for (const word of [
          'Coopératives',
          'féminines',
          'Drâa-Tafilalet',
          'Régional',
          'خديجة',
          'الجني',
          'التحويل',
          'ثلاث',
          'بنفسها',
          'يقل',
          'للأركان',
          'تيفاوين',
          'ثابت',

          '2026',
        ]) {
          expect(words).toContain(word);
        }
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    },
  );

  describe('determinism', () => {
    it('gives the same bytes for the same sheet, and other bytes for the other order of languages', async () => {
      expect(sha256(await renderPracticeSheetPdf(structuredClone(sheet), ['fr', 'ar']))).toBe(
        sha256(pdf),
      );
      expect(sha256(await renderPracticeSheetPdf(sheet, ['ar', 'fr']))).not.toBe(sha256(pdf));
    });

    it('gives the same bytes in another Node process, in another time zone', async () => {
      const script = `
        const { createHash } = require('node:crypto');
        const { renderPracticeSheetPdf } = require('./libs/api/practices/src/print/practice-sheet-pdf.ts');
        renderPracticeSheetPdf(JSON.parse(process.env.SHEET), ['fr', 'ar']).then((pdf) =>
          process.stdout.write(createHash('sha256').update(pdf).digest('hex')));`;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', '-e', script],
        {
          cwd: WORKSPACE,
          env: {
            ...process.env,
            SWC_NODE_PROJECT: 'tsconfig.base.json',
            TZ: 'Pacific/Kiritimati',
            SHEET: JSON.stringify(sheet),
          },
        },
      );
      expect(stdout.trim()).toBe(sha256(pdf));
    });
  });
});

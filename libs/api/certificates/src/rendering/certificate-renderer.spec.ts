import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { loadPdfFonts, SHAPING_FEATURES } from '@oris/api/pdf';
import {
  carriesText,
  inspectPdf,
  pdfAttachments,
  readRightToLeft,
  type FilledRect,
  type PdfPageContents,
  type TextBlock,
} from '@oris/api/pdf/testing';
import type { CertificateDocument } from './certificate-document';
import {
  CERTIFICATE_PDF_CREATOR,
  CERTIFICATE_PDF_PRODUCER,
  CertificateRenderer,
  ORIS_NAME_FR,
} from './certificate-renderer';
import { QR_QUIET_ZONE_MODULES } from './qr-code';

const WORKSPACE = resolve(__dirname, '../../../../..');

// Each test renders and parses whole PDFs; a busy 2-core machine can take seconds for that.
jest.setTimeout(30_000);

const sample: CertificateDocument = {
  serial: 'ORIS-2026-000123',
  verificationUrl: 'https://academy.oris.example/verify/7KQ2M9XD4RTPW3HZ',
  verificationCode: '7KQ2M9XD4RTPW3HZ',
  holderName: "Aïcha N'Diaye-Ağaoğlu",
  holderNameAr: 'عائشة محمد',
  courseTitle: 'Entrepreneuriat social : du projet à la coopérative',
  hours: 24,
  sessionStartsOn: '2026-03-02',
  sessionEndsOn: '2026-03-20',
  completedOn: '2026-03-20',
  issuedOn: '2026-03-25',
  regionName: 'Souss-Massa',
  regionNameAr: 'سوس ماسة',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Text of the page as pdfjs reads it, one block (bidi run) after the other. */
const pageText = (page: PdfPageContents) => page.blocks.map((block) => block.text).join('\n');

/**
 * Rebuilds the QR symbol from the black squares drawn in the PDF (one rectangle per run of dark
 * modules) into a bitmap with its quiet zone, and decodes it with jsQR.
 */
function decodeQr(rects: FilledRect[]): string | null {
  const dark = rects.filter((rect) => rect.colour === '#000000');
  const module = Math.min(...dark.map((rect) => rect.height));
  const left = Math.min(...dark.map((rect) => rect.x));
  const top = Math.min(...dark.map((rect) => rect.y));
  const modules = Math.round(
    (Math.max(...dark.map((rect) => rect.x + rect.width)) - left) / module,
  );
  const scale = 6;
  const side = (modules + 2 * QR_QUIET_ZONE_MODULES) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const rect of dark) {
    const column = Math.round((rect.x - left) / module) + QR_QUIET_ZONE_MODULES;
    const row = Math.round((rect.y - top) / module) + QR_QUIET_ZONE_MODULES;
    const length = Math.round(rect.width / module);
    for (let y = row * scale; y < (row + 1) * scale; y += 1) {
      for (let x = column * scale; x < (column + length) * scale; x += 1) {
        const offset = (y * side + x) * 4;
        pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

/** Every text run lies inside the inner frame of the page. */
function expectInsideFrame(page: PdfPageContents) {
  for (const block of page.blocks) {
    expect(block.x).toBeGreaterThanOrEqual(26);
    expect(block.x + block.width).toBeLessThanOrEqual(page.pageWidth - 26 + 0.01);
    expect(block.baseline).toBeGreaterThan(26);
    expect(block.baseline).toBeLessThan(page.pageHeight - 26);
  }
}

describe('CertificateRenderer', () => {
  const renderer = new CertificateRenderer();
  const fonts = loadPdfFonts();
  let pdf: Buffer;
  let page: PdfPageContents;

  beforeAll(async () => {
    pdf = await renderer.render(sample);
    page = await inspectPdf(pdf);
  });

  it('renders one A4 landscape page with fixed metadata', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(page.pageCount).toBe(1);
    expect(page.pageWidth).toBeCloseTo(841.89, 1);
    expect(page.pageHeight).toBeCloseTo(595.28, 1);
    expect(page.info).toMatchObject({
      Title: 'Certificat ORIS-2026-000123',
      Creator: CERTIFICATE_PDF_CREATOR,
      Producer: CERTIFICATE_PDF_PRODUCER,
      CreationDate: 'D:20260325000000Z',
      ModDate: 'D:20260325000000Z',
    });
  });

  it('embeds only the fonts of the npm packages, as subsets', () => {
    const fontNames = [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map(
      (match) => match[1].split('+')[1],
    );
    expect(new Set(fontNames)).toEqual(
      new Set([
        'NotoSans-Regular',
        'NotoSans-Bold',
        'NotoNaskhArabic-Regular',
        'NotoNaskhArabic-Bold',
      ]),
    );
  });

  it('prints the identity, Latin name, course, serial, verification code and URL as text', () => {
    const text = pageText(page);
    for (const expected of [
      ORIS_NAME_FR,
      'Certificat de formation',
      sample.holderName,
      sample.courseTitle,
      sample.serial,
      sample.verificationCode,
      sample.verificationUrl,
      'Durée : 24 heures — Session du 2 mars 2026 au 20 mars 2026 — Région : ',
      'Souss-Massa',
      'Certificat délivré le 25 mars 2026',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws the Arabic name as the shaped glyphs fontkit lays out, in right-to-left visual order', () => {
    const latinIndex = page.blocks.findIndex((block) => block.text === sample.holderName);
    const arabic = page.blocks[latinIndex + 1];
    const run = fonts.arabicBold.layout(sample.holderNameAr as string, SHAPING_FEATURES);
    expect(run.direction).toBe('rtl');

    // Same glyph sequence: each subset code draws one of fontkit's glyph ids, and a glyph has
    // one code per letter it stands for (see glyph-text.ts).
    expect(arabic.glyphs).toHaveLength(run.glyphs.length);
    const codeOf = new Map<string, number>();
    const idOf = new Map<number, number>();
    run.glyphs.forEach((glyph, i) => {
      const code = arabic.glyphs[i].code;
      const use = `${glyph.id}:${glyph.codePoints.join(',')}`;
      expect(codeOf.get(use) ?? code).toBe(code);
      expect(idOf.get(code) ?? glyph.id).toBe(glyph.id);
      codeOf.set(use, code);
      idOf.set(code, glyph.id);
    });

    // Visual order: the first glyph drawn (leftmost) is the name's last letter, "د" of محمد.
    const letters = [...(sample.holderNameAr as string)].filter((char) => char !== ' ');
    const drawnLetters = arabic.glyphs
      .filter(carriesText)
      .map((glyph) => glyph.unicode)
      .filter((u) => /\p{L}/u.test(u));
    expect(drawnLetters[0]).toBe(letters[letters.length - 1]);
    expect(drawnLetters[drawnLetters.length - 1]).toBe(letters[0]);

    // Contextual forms: fontkit's ids are not the isolated forms, and the two "م" of محمد are
    // two different glyphs (initial and medial) in the PDF too.
    const isolated = letters.map(
      (char) => fonts.arabicBold.glyphForCodePoint(char.codePointAt(0) ?? 0).id,
    );
    const shaped = run.glyphs.map((glyph) => glyph.id);
    expect(isolated.filter((id) => shaped.includes(id)).length).toBeLessThan(isolated.length / 2);
    const meemCodes = arabic.glyphs
      .filter((glyph) => glyph.unicode === 'م')
      .map((glyph) => glyph.code);
    expect(meemCodes).toHaveLength(2);
    expect(meemCodes[0]).not.toBe(meemCodes[1]);
  });

  it('keeps the digits of a mixed Arabic line in order, placed right to left', async () => {
    const mixed = await inspectPdf(
      await renderer.render({
        ...sample,
        courseTitle: 'برنامج 2026 للتكوين في ريادة الأعمال (المستوى 12)',
      }),
    );
    const blocks = mixed.blocks;
    const year = blocks.find((block) => block.text === '2026' && block.size > 12) as TextBlock;
    const level = blocks.find((block) => block.text === '12' && block.size > 12) as TextBlock;
    expect(year).toMatchObject({ text: '2026' });
    expect(level).toMatchObject({ text: '12' });
    expect(blocks.some((block) => block.text === '6202' || block.text === '21')).toBe(false);
    // Logical order "…2026 … 12": right to left on the page, so 2026 is right of 12.
    expect(year.baseline).toBeCloseTo(level.baseline, 3);
    expect(year.x).toBeGreaterThan(level.x + level.width);
    expectInsideFrame(mixed);
  });

  it('draws a QR code, as vector squares, that decodes to the verification URL', () => {
    expect(decodeQr(page.rects)).toBe(sample.verificationUrl);
    // A quiet zone: the white square behind it is 4 modules wider on each side.
    const white = page.rects.find(
      (rect) => rect.colour === '#FFFFFF' && rect.width > 50,
    ) as FilledRect;
    const dark = page.rects.filter((rect) => rect.colour === '#000000');
    const module = Math.min(...dark.map((rect) => rect.height));
    expect(Math.min(...dark.map((rect) => rect.x)) - white.x).toBeCloseTo(4 * module, 2);
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('keeps all text inside the frame', () => {
    expectInsideFrame(page);
  });

  describe('text layer: extractors read the Arabic letters that are drawn', () => {
    // ج ح خ share one skeleton glyph per joining form in Noto Naskh, as do ب ت ث ن ي (and the
    // dots are separate glyphs): each name mixes letters of those families; lam-alef in the
    // third; the hours line puts digits inside Arabic.
    const names = [
      { holderName: 'Khadija El Amrani', holderNameAr: 'خديجة العمراني' },
      { holderName: 'Hanane El Khayati', holderNameAr: 'حنان الخياطي' },
      { holderName: 'Abdelilah Slaoui', holderNameAr: 'عبد الإله السلاوي' },
      { holderName: 'Tabit Ben Younes Tazi', holderNameAr: 'ثابت بن يونس التازي' },
    ];
    const hoursLine = 'المدة: 40 ساعة — الدورة من 2 مارس 2026 إلى 20 مارس 2026 — الجهة: سوس ماسة';
    const rendered: { pdf: Buffer; holderName: string; holderNameAr: string }[] = [];

    beforeAll(async () => {
      for (const name of names) {
        rendered.push({ ...name, pdf: await renderer.render({ ...sample, ...name, hours: 40 }) });
      }
    });

    /** Every right-to-left line of the page as pdf.js reads it, lines found by their baseline. */
    function rightToLeftLines(contents: PdfPageContents): string[] {
      const lines = new Map<string, TextBlock[]>();
      for (const block of contents.blocks) {
        const key = block.baseline.toFixed(2);
        lines.set(key, [...(lines.get(key) ?? []), block]);
      }
      return [...lines.values()].map(readRightToLeft);
    }

    it('pdf.js reads each Arabic name, the title and the hours line with the right letters', async () => {
      for (const { pdf: bytes, holderName, holderNameAr } of rendered) {
        const contents = await inspectPdf(bytes);
        const latinIndex = contents.blocks.findIndex((block) => block.text === holderName);
        expect(readRightToLeft([contents.blocks[latinIndex + 1]])).toBe(holderNameAr);
        const lines = rightToLeftLines(contents);
        expect(lines).toContain('شهادة تكوين');
        expect(lines).toContain(hoursLine);
        expect(lines).toContain('سُلّمت الشهادة في 25 مارس 2026');
        // Latin lines read as before, glyph for glyph.
        const text = pageText(contents);
        expect(text).toContain(holderName);
        expect(text).toContain('Durée : 40 heures — Session du 2 mars 2026 au 20 mars 2026');
      }
    });

    const pdftotextFound = spawnSync('pdftotext', ['-v']).error === undefined;
    const withPdftotext = pdftotextFound ? it : it.skip;
    withPdftotext(
      `pdftotext (poppler) reads the same text${pdftotextFound ? '' : ' — SKIPPED: pdftotext is not installed (apt-get install poppler-utils)'}`,
      async () => {
        const directory = await mkdtemp(join(tmpdir(), 'certificate-text-'));
        try {
          for (const [index, { pdf: bytes, holderName, holderNameAr }] of rendered.entries()) {
            const file = join(directory, `${index}.pdf`);
            await writeFile(file, bytes);
            const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-']);
            // poppler wraps right-to-left pieces in embedding marks (RLE … PDF) for display.
            const lines = stdout
              .replace(/[\u202A-\u202E]/g, '')
              .split('\n')
              .map((line) => line.trim());
            expect(lines).toContain(holderNameAr);
            expect(lines).toContain(holderName);
            expect(lines).toContain('شهادة تكوين');
            expect(lines).toContain('Certificat de formation');
            expect(lines).toContain(sample.serial);
            expect(lines).toContain(
              'Durée : 40 heures — Session du 2 mars 2026 au 20 mars 2026 — Région : Souss-Massa',
            );
            // The mixed line comes out piece by piece (poppler orders the pieces for display):
            // every Arabic word with its letters, every number with its digits in order.
            const mixed = lines.find((line) => line.includes('المدة')) as string;
            const tokens = mixed.split(/[\s:—]+|(?<=\d)(?=\D)|(?<=\D)(?=\d)/u).filter(Boolean);
            const expected = hoursLine.split(/[\s:—]+/u).filter(Boolean);
            expect([...tokens].sort()).toEqual([...expected].sort());
          }
        } finally {
          await rm(directory, { recursive: true, force: true });
        }
      },
    );
  });

  describe('determinism', () => {
    it('gives the same bytes for the same data, from any renderer instance', async () => {
      const again = await renderer.render(sample);
      const other = await new CertificateRenderer().render({ ...sample });
      expect(sha256(again)).toBe(sha256(pdf));
      expect(sha256(other)).toBe(sha256(pdf));
    });

    it('does not depend on what the renderer drew before', async () => {
      // fontkit caches glyphs with the characters first asked for, and pdfkit's ToUnicode map
      // comes from them: a renderer with a history must still write the same bytes.
      const later: CertificateDocument = {
        ...sample,
        holderName: 'Ali (Ben) [Salah] 1.7 fi',
        holderNameAr: 'علي (بن) [صالح] 1.7',
        courseTitle: 'برنامج (2026) للتكوين [المستوى 12]',
      };
      const fresh = await new CertificateRenderer().render(later);
      expect(sha256(await renderer.render(later))).toBe(sha256(fresh));
    });

    it('does not depend on the time zone of the process', async () => {
      const zone = process.env['TZ'];
      try {
        process.env['TZ'] = 'Pacific/Kiritimati';
        expect(sha256(await renderer.render(sample))).toBe(sha256(pdf));
      } finally {
        if (zone === undefined) delete process.env['TZ'];
        else process.env['TZ'] = zone;
      }
    });

    it('changes when any printed field changes', async () => {
      const reference = sha256(pdf);
      const changes: Partial<CertificateDocument>[] = [
        { holderName: "Aïcha N'Diaye-Agaoglu" },
        { holderNameAr: null },
        { serial: 'ORIS-2026-000124' },
        { verificationUrl: `${sample.verificationUrl}X` },
        { hours: 25 },
        { issuedOn: '2026-03-26' },
      ];
      const hashes = await Promise.all(
        changes.map(async (change) => sha256(await renderer.render({ ...sample, ...change }))),
      );
      expect(new Set([reference, ...hashes]).size).toBe(changes.length + 1);
    });

    it('gives the same bytes in another Node process', async () => {
      const script = `
        const { createHash } = require('node:crypto');
        const { CertificateRenderer } = require('./libs/api/certificates/src/rendering/certificate-renderer.ts');
        new CertificateRenderer().render(JSON.parse(process.env.CERTIFICATE)).then((pdf) =>
          process.stdout.write(createHash('sha256').update(pdf).digest('hex')));`;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', '-e', script],
        {
          cwd: WORKSPACE,
          env: {
            ...process.env,
            SWC_NODE_PROJECT: 'tsconfig.base.json',
            TZ: 'America/Sao_Paulo',
            CERTIFICATE: JSON.stringify(sample),
          },
        },
      );
      expect(stdout.trim()).toBe(sha256(pdf));
    }, 60_000);
  });

  describe('the attached credential', () => {
    const credentialJson = JSON.stringify({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Gérer une coopérative — ORIS-2026-000042',
      proof: {
        type: 'DataIntegrityProof',
        proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk',
      },
    });
    const withCredential = { ...sample, credentialJson };

    it('embeds the credential as a JSON file that a reader extracts byte for byte', async () => {
      const bytes = await renderer.render(withCredential);
      const attachments = await pdfAttachments(bytes);
      expect([...attachments.keys()]).toEqual([`${sample.serial}.credential.json`]);
      expect(attachments.get(`${sample.serial}.credential.json`)?.toString('utf8')).toBe(
        credentialJson,
      );
      // The page itself is drawn the same as without it (pdf.js names fonts per document).
      const drawn = (blocks: TextBlock[]) => blocks.map(({ font: _font, ...block }) => block);
      expect(drawn((await inspectPdf(bytes)).blocks)).toEqual(drawn(page.blocks));
      expect(await pdfAttachments(pdf)).toEqual(new Map());
    });

    it('embeds the same credential as a VC-JWT beside it, as its own file', async () => {
      const credentialJwt =
        'eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCJ9.eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl19.c2ln';
      const bytes = await renderer.render({ ...withCredential, credentialJwt });
      const attachments = await pdfAttachments(bytes);
      expect([...attachments.keys()].sort()).toEqual([
        `${sample.serial}.credential.json`,
        `${sample.serial}.credential.jwt`,
      ]);
      expect(attachments.get(`${sample.serial}.credential.jwt`)?.toString('utf8')).toBe(
        credentialJwt,
      );
      expect(sha256(await renderer.render({ ...withCredential, credentialJwt }))).toBe(
        sha256(bytes),
      );
    });

    it('keeps the bytes deterministic: same credential, same PDF, in this and another process', async () => {
      const bytes = await renderer.render(withCredential);
      expect(sha256(await new CertificateRenderer().render(withCredential))).toBe(sha256(bytes));
      expect(
        sha256(await renderer.render({ ...withCredential, credentialJson: `${credentialJson} ` })),
      ).not.toBe(sha256(bytes));
      const script = `
        const { createHash } = require('node:crypto');
        const { CertificateRenderer } = require('./libs/api/certificates/src/rendering/certificate-renderer.ts');
        new CertificateRenderer().render(JSON.parse(process.env.CERTIFICATE)).then((pdf) =>
          process.stdout.write(createHash('sha256').update(pdf).digest('hex')));`;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', '-e', script],
        {
          cwd: WORKSPACE,
          env: {
            ...process.env,
            SWC_NODE_PROJECT: 'tsconfig.base.json',
            TZ: 'Asia/Tokyo',
            CERTIFICATE: JSON.stringify(withCredential),
          },
        },
      );
      expect(stdout.trim()).toBe(sha256(bytes));
    }, 60_000);
  });

  describe('hostile or extreme text', () => {
    const hostileName = '<script>alert(1)</script> ) ( \\ %PDF-1.7 %%EOF endstream';

    it('draws markup and PDF syntax as plain text, never as structure', async () => {
      const bytes = await renderer.render({
        ...sample,
        holderName: hostileName,
        courseTitle: 'Cours (1) \\n ) BT /F1 99 Tf ET',
        holderNameAr: '',
      });
      const latin1 = bytes.toString('latin1');
      expect(latin1).not.toContain('<script>');
      expect(latin1.match(/%%EOF/g)).toHaveLength(1);
      expect(latin1.trimEnd().endsWith('%%EOF')).toBe(true);
      const hostile = await inspectPdf(bytes);
      const text = pageText(hostile);
      expect(text).toContain(hostileName);
      expect(text).toContain('Cours (1) \\n ) BT /F1 99 Tf ET');
      expect(decodeQr(hostile.rects)).toBe(sample.verificationUrl);
      expectInsideFrame(hostile);
    });

    it('treats an empty Arabic name like none', async () => {
      const empty = await renderer.render({ ...sample, holderNameAr: '  ' });
      const none = await renderer.render({ ...sample, holderNameAr: null });
      expect(sha256(empty)).toBe(sha256(none));
    });

    it('strips control and bidi override characters from names', async () => {
      const spoofed = await renderer.render({ ...sample, holderName: "Aïcha\u202E N'Diaye\n" });
      const clean = await renderer.render({ ...sample, holderName: "Aïcha N'Diaye" });
      expect(sha256(spoofed)).toBe(sha256(clean));
    });

    it('shrinks, wraps and at worst cuts very long names and titles, inside the page', async () => {
      const bytes = await renderer.render({
        ...sample,
        holderName: Array.from({ length: 60 }, (_, i) => `Prénom${i}`).join(' '),
        holderNameAr: Array.from({ length: 40 }, () => 'عبد الرحمن').join(' '),
        courseTitle: 'Formation '.repeat(80),
        regionName: 'Région '.repeat(40),
        regionNameAr: 'جهة '.repeat(40),
      });
      const long = await inspectPdf(bytes);
      expect(long.pageCount).toBe(1);
      expectInsideFrame(long);
      const text = pageText(long);
      expect(text).toContain('Prénom0 Prénom1');
      expect(text).toContain('…');
      expect(text).toContain(sample.serial);
      expect(decodeQr(long.rects)).toBe(sample.verificationUrl);
      // Nothing of the body reaches the footer (serial, dates, QR code start at y = 418).
      const footerTop = 418;
      const body = long.blocks.filter(
        (block) => block.baseline > 180 && block.baseline < footerTop,
      );
      expect(body.length).toBeGreaterThan(0);
      for (const block of long.blocks) {
        if (block.baseline < footerTop)
          expect(block.baseline + block.size * 0.6).toBeLessThan(footerTop);
      }
    });
  });
});

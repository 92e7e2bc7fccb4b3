// P5 (docs/PERFORMANCE.md, QUALITY.md): the certificate pipeline per certificate against bare
// pdfkit drawing the same page, measured in the same process and the same run.
//
// - ceiling: pdfkit alone replays the drawing calls the renderer made for each certificate
//   (the same TTF files parsed once by fontkit beforehand, same texts with the same shaping
//   features, same QR squares): no bidi, no fitting, no QR encoding, no hashing, no storage;
// - the same replay with the renderer's own fonts, whose shaped runs are cached: the pipeline's
//   overhead over drawing alone;
// - pipeline: CertificateRenderer.render + SHA-256 + LocalDirectoryStorage.put, on this thread;
// - the worker's pipeline: the same, with the render drawn on a render thread (RenderThreadPool
//   with one thread, the document sent over and the PDF transferred back), as the worker does for
//   each certificate (its database record is measured later, with the domain). The P5 ratio is
//   taken on this one.
//
// Beside each loop's rate, the CPU time the calling (main) thread spent per certificate: with the
// render on a thread, the main thread only hashes, stores and hands messages over, which is what
// keeps the worker's event loop free during a batch (the API test of the render threads asserts
// where the PDFs are drawn; this figure says what it saves).
//
// The TypeScript sources are loaded through @swc-node/register, as the db:* scripts do. P6 imports
// the sample certificates and the bare pdfkit replay from here (nothing runs on import).
//
//   npm run bench:p5 [-- --runs 5 --count 150 --warmup 40 --write]
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstall } from '../dev/ensure-install.mjs';
import {
  ROOT,
  UserFacingError,
  bold,
  error,
  green,
  log,
  main,
  red,
  requireFromRoot,
} from '../dev/lib.mjs';

const BAR = 0.7;
const PERFORMANCE_DOC = join(ROOT, 'docs', 'PERFORMANCE.md');
const SECTION_START = '<!-- bench:p5:start -->';
const SECTION_END = '<!-- bench:p5:end -->';

const OPTIONS = {
  runs: { type: 'string', default: '5' },
  count: { type: 'string', default: '150' },
  warmup: { type: 'string', default: '40' },
  write: { type: 'boolean', default: false },
};

function readOptions() {
  try {
    const { values } = parseArgs({ options: OPTIONS });
    for (const name of ['runs', 'count', 'warmup']) {
      const value = Number(values[name]);
      if (!Number.isInteger(value) || value < 1)
        throw new Error(`--${name} must be a positive integer`);
      values[name] = value;
    }
    return values;
  } catch (err) {
    error(
      `${err.message}\nOptions: ${Object.keys(OPTIONS)
        .map((name) => `--${name}`)
        .join(' ')}`,
    );
    process.exit(64);
  }
}

/** Run as a script (npm run bench:p5), not imported by another benchmark. */
const isMain = Boolean(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href;
const opts = isMain ? readOptions() : null;

/** Loads the TypeScript renderer and storage the way the worker would run them. */
export function loadSources() {
  process.env.SWC_NODE_PROJECT ??= join(ROOT, 'tsconfig.base.json');
  requireFromRoot('@swc-node/register');
  const rendering = requireFromRoot(
    join(ROOT, 'libs/api/certificates/src/rendering/certificate-renderer.ts'),
  );
  const fonts = requireFromRoot(join(ROOT, 'libs/api/pdf/src/pdf-fonts.ts'));
  const storage = requireFromRoot(
    join(ROOT, 'libs/api/platform/src/storage/local-directory-storage.ts'),
  );
  const threads = requireFromRoot(
    join(ROOT, 'libs/api/certificates/src/rendering/render-thread-pool.ts'),
  );
  return {
    rendering,
    fontFiles: fonts.PDF_FONT_FILES,
    loadPdfFonts: fonts.loadPdfFonts,
    CertificateRenderer: rendering.CertificateRenderer,
    LocalDirectoryStorage: storage.LocalDirectoryStorage,
    RenderThreadPool: threads.RenderThreadPool,
    PDFDocument: requireFromRoot('pdfkit'),
  };
}

const FIRST = ['Aïcha', 'Youssef', 'Fatima Zahra', 'Łukasz', 'Mamadou', 'Salma', 'Hamza', 'Inès'];
const LAST = ["N'Diaye", 'El Idrissi', 'Ağaoğlu', 'Benali', 'Ait Ouahmane', 'Tazi', 'Chraibi'];
const FIRST_AR = ['عائشة', 'يوسف', 'فاطمة الزهراء', 'سلمى', 'حمزة', 'إيناس'];
const LAST_AR = ['الإدريسي', 'بنعلي', 'آيت واحمان', 'التازي', 'الشرايبي'];
const COURSES = [
  'Entrepreneuriat social : du projet à la coopérative',
  'Gestion financière des associations (niveau 2)',
  'ريادة الأعمال الاجتماعية 2026 (المستوى 1)',
  'Numérique et inclusion des jeunes en milieu rural',
];

/** A made-up family name per index, so no two certificates share a name (none is cached). */
function uniqueSurname(i, consonants, vowels) {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / consonants.length)) {
    name += consonants[n % consonants.length] + vowels[n % vowels.length];
  }
  return name;
}

/**
 * Varied certificates, like a session's batch: every holder a different person (Latin names,
 * two in three with an Arabic name too), a few courses, French and Arabic titles.
 */
export function sampleDocuments(count) {
  return Array.from({ length: count }, (_, i) => {
    const serial = `ORIS-2026-${String(100000 + i).padStart(6, '0')}`;
    const code = createHash('sha256').update(serial).digest('hex').slice(0, 16).toUpperCase();
    const latin = uniqueSurname(i, 'bdfklmnrstz', 'aeiou');
    const arabic = uniqueSurname(i, 'بتدرسفكلمن', 'اوي');
    return {
      serial,
      verificationUrl: `https://academy.oris.example/verify/${code}`,
      verificationCode: code,
      holderName: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}-${latin[0].toUpperCase()}${latin.slice(1)}`,
      holderNameAr:
        i % 3 === 2
          ? null
          : `${FIRST_AR[i % FIRST_AR.length]} ${LAST_AR[i % LAST_AR.length]} ${arabic}`,
      courseTitle: COURSES[Math.floor(i / 25) % COURSES.length],
      hours: 12 + (Math.floor(i / 25) % 5) * 6,
      sessionStartsOn: '2026-03-02',
      sessionEndsOn: '2026-03-20',
      completedOn: '2026-03-20',
      issuedOn: '2026-03-25',
      regionName: 'Souss-Massa',
      regionNameAr: 'سوس ماسة',
    };
  });
}

const DRAWING_METHODS = [
  'font',
  'fontSize',
  'fillColor',
  'strokeColor',
  'lineWidth',
  'text',
  'rect',
  'circle',
  'polygon',
  'moveTo',
  'lineTo',
  'fill',
  'stroke',
];

/**
 * Runs one render with pdfkit's drawing methods wrapped, and keeps the calls the renderer made
 * (not pdfkit's own nested ones) with the document options: enough to draw the page again
 * with pdfkit alone.
 */
export function recordDrawing(PDFDocument, renderer, document) {
  const proto = PDFDocument.prototype;
  const originals = Object.fromEntries(DRAWING_METHODS.map((name) => [name, proto[name]]));
  const calls = [];
  let depth = 0;
  for (const name of DRAWING_METHODS) {
    proto[name] = function (...args) {
      if (depth === 0) calls.push([name, structuredClone(args)]);
      depth += 1;
      try {
        return originals[name].apply(this, args);
      } finally {
        depth -= 1;
      }
    };
  }
  try {
    return renderer.render(document).then(() => calls);
  } finally {
    Object.assign(proto, originals);
  }
}

export function documentOptions(rendering, document) {
  const issued = new Date(`${document.issuedOn}T00:00:00Z`);
  return {
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    font: null,
    lang: 'fr-MA',
    displayTitle: true,
    info: {
      Title: `Certificat ${document.serial}`,
      Author: `${rendering.ORIS_NAME_FR} (ORIS)`,
      Subject: 'Certificat de formation ORIS Academy',
      Creator: rendering.CERTIFICATE_PDF_CREATOR,
      Producer: rendering.CERTIFICATE_PDF_PRODUCER,
      CreationDate: issued,
      ModDate: issued,
    },
  };
}

/** The ceiling: pdfkit alone drawing the recorded page, to a Buffer. */
export function drawBare(PDFDocument, fonts, options, calls) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    for (const [name, font] of fonts) doc.registerFont(name, font);
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const [name, args] of calls) doc[name](...args);
    doc.end();
  });
}

/**
 * CPU time of this process's main thread so far, in ms: the first field of the kernel's schedstat
 * for the thread whose id is the process id (Linux). Unlike a wall time, it does not grow when other
 * processes share the cores. Null where there is no /proc.
 */
function mainThreadCpuMs() {
  try {
    const schedstat = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8');
    return Number(schedstat.split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rate = (value) => value.toFixed(1);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function machine() {
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    load: loadavg()[0].toFixed(1),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    pdfkit: JSON.parse(readFileSync(join(ROOT, 'node_modules/pdfkit/package.json'), 'utf8'))
      .version,
  };
}

function commandLine() {
  const args = process.argv.slice(2);
  return `npm run bench:p5${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

function table(results, info) {
  const [ceiling, cached, inProcess, pipeline] = results;
  const rows = [
    '| loop | certificates/s (median) | certificates/s (min–max) | ms per certificate | main-thread CPU ms per certificate | bytes per certificate |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const s of results) {
    const cpu = s.cpuMs === null ? 'n/a' : s.cpuMs.toFixed(1);
    rows.push(
      `| ${s.label} | ${rate(s.rate)} | ${rate(s.min)}–${rate(s.max)} | ${(1000 / s.rate).toFixed(1)} | ${cpu} | ${Math.round(s.bytes).toLocaleString('en-US')} (${kib(s.bytes)}) |`,
    );
  }
  const mainThreadShare =
    pipeline.cpuMs !== null && inProcess.cpuMs
      ? ` On the main thread, the worker's pipeline costs ${(pipeline.cpuMs / inProcess.cpuMs).toFixed(2)}× ` +
        `the CPU of the same pipeline drawn there (median main-thread CPU per certificate): the drawing ` +
        `is done on the render thread, while the main thread serves the event loop.`
      : '';
  const ratio = pipeline.rate / ceiling.rate;
  const verdict = ratio >= BAR ? 'meets' : 'misses';
  const lines = [
    ...rows,
    '',
    `**P5 ratio (the worker's pipeline, on a render thread, ÷ bare pdfkit): ${ratio.toFixed(2)}** — ${verdict} the ≥ ${BAR} bar. ` +
      `Against the same pipeline on the calling thread: ${(pipeline.rate / inProcess.rate).toFixed(2)} ` +
      `(what handing the document to a thread and the PDF back costs, one certificate at a time). ` +
      `Against pdfkit given the renderer's cached fonts: ${(pipeline.rate / cached.rate).toFixed(2)} ` +
      `(what bidi, fitting, the QR code, hashing and storage cost on top of drawing).` +
      mainThreadShare,
    '',
    `Measured ${info.date} on ${info.nproc} cores (${info.cpu}), Node ${info.node}, pdfkit ${info.pdfkit}; ` +
      `one process, ${opts.count} certificates per run and loop, each drawn once per loop, every holder a different person ` +
      `(Latin name, two in three with an Arabic name too; French and Arabic course titles), ` +
      `${opts.warmup} warm-up certificates per loop, ${opts.runs} run${opts.runs === 1 ? '' : 's'} with the loops alternated, medians shown; ` +
      `storage on the local disk (tmp/); load average ${loadAtStart} at the start, ${info.load} at the end ` +
      `(other work on the machine widens the min–max).`,
    '',
    `Command: \`${commandLine()}\``,
  ];
  return { markdown: lines.join('\n'), ratio };
}

/** Replaces the P5 section of docs/PERFORMANCE.md, formatted as the format check expects. */
async function writeSection(markdown) {
  const doc = readFileSync(PERFORMANCE_DOC, 'utf8');
  const start = doc.indexOf(SECTION_START);
  const end = doc.indexOf(SECTION_END);
  if (start < 0 || end < start) {
    throw new UserFacingError(
      `${PERFORMANCE_DOC} has no ${SECTION_START} … ${SECTION_END} section to update.`,
    );
  }
  const updated = `${doc.slice(0, start + SECTION_START.length)}\n${markdown}\n${doc.slice(end)}`;
  const loaded = await import(pathToFileURL(requireFromRoot.resolve('prettier')).href);
  const prettier = loaded.default ?? loaded;
  const options = (await prettier.resolveConfig(PERFORMANCE_DOC)) ?? {};
  writeFileSync(
    PERFORMANCE_DOC,
    await prettier.format(updated, { ...options, filepath: PERFORMANCE_DOC }),
  );
  log('Updated docs/PERFORMANCE.md');
}

/** The same TTF files parsed once by plain fontkit: pdfkit as anyone uses it, no shaping cache. */
export function plainFonts(fontFiles) {
  const fontkit = requireFromRoot('fontkit');
  return Object.entries(fontFiles).map(([name, file]) => [
    name,
    fontkit.create(readFileSync(requireFromRoot.resolve(file))),
  ]);
}

const loadAtStart = loadavg()[0].toFixed(1);

if (isMain)
  main(async () => {
    await ensureInstall();
    const {
      rendering,
      fontFiles,
      loadPdfFonts,
      CertificateRenderer,
      LocalDirectoryStorage,
      RenderThreadPool,
      PDFDocument,
    } = loadSources();
    const renderer = new CertificateRenderer();
    // One render thread, one certificate at a time: the per-certificate cost of the worker's path.
    const renderThread = new RenderThreadPool({ threads: 1, renderTimeoutMs: 60_000 });
    // The same TTF files, parsed once before the loops by plain fontkit: pdfkit as anyone uses it,
    // without the renderer's shaping cache.
    const fonts = plainFonts(fontFiles);
    // And with the renderer's fonts (shaping cache included): what the pipeline adds to pdfkit.
    const cachedFonts = Object.entries(loadPdfFonts());

    const storageDir = join(ROOT, 'tmp', 'bench', `p5-${randomBytes(4).toString('hex')}`);
    mkdirSync(storageDir, { recursive: true });
    const storage = new LocalDirectoryStorage(storageDir);

    try {
      // Each loop draws each certificate once: warm-up, then one slice per run.
      const documents = sampleDocuments(opts.warmup + opts.runs * opts.count);
      log(
        `Recording the drawing calls of ${documents.length} certificates for the bare pdfkit loops`,
      );
      const recorder = new CertificateRenderer();
      const recordings = [];
      for (const document of documents) {
        recordings.push({
          options: documentOptions(rendering, document),
          calls: await recordDrawing(PDFDocument, recorder, document),
        });
      }

      // The replay must be the very same page: with fonts loaded as the renderer loads them, it
      // gives the renderer's bytes exactly.
      const replayed = await drawBare(
        PDFDocument,
        Object.entries(loadPdfFonts()),
        recordings[0].options,
        recordings[0].calls,
      );
      const rendered = await new CertificateRenderer().render(documents[0]);
      if (!replayed.equals(rendered)) {
        throw new UserFacingError(
          "The bare pdfkit replay does not reproduce the renderer's page byte for byte: " +
            'the recording misses a drawing call, so the comparison would not be fair.',
        );
      }
      log("The bare pdfkit replay reproduces the renderer's PDF byte for byte.");
      if (!(await renderThread.render(documents[0])).equals(rendered)) {
        throw new UserFacingError("A render thread does not draw the renderer's bytes.");
      }
      log('A render thread draws the same bytes.');

      const loops = [
        {
          label: 'bare pdfkit, same page (ceiling)',
          async once(i) {
            const { options, calls } = recordings[i];
            return drawBare(PDFDocument, fonts, options, calls);
          },
        },
        {
          label: "bare pdfkit, same page, the renderer's cached fonts",
          async once(i) {
            const { options, calls } = recordings[i];
            return drawBare(PDFDocument, cachedFonts, options, calls);
          },
        },
        {
          label: 'pipeline on the calling thread: render + SHA-256 + `LocalDirectoryStorage.put`',
          async once(i) {
            const document = documents[i];
            const pdf = await renderer.render(document);
            const sha256 = createHash('sha256').update(pdf).digest('hex');
            await storage.put(
              `certificates/2026/${document.serial}-${sha256.slice(0, 8)}.pdf`,
              pdf,
            );
            return pdf;
          },
        },
        {
          label: "the worker's pipeline: render on a render thread + SHA-256 + `put`",
          async once(i) {
            const document = documents[i];
            const pdf = await renderThread.render(document);
            const sha256 = createHash('sha256').update(pdf).digest('hex');
            await storage.put(
              `certificates/2026/${document.serial}-${sha256.slice(0, 8)}-t.pdf`,
              pdf,
            );
            return pdf;
          },
        },
      ].map((loop) => ({ ...loop, rates: [], cpuPerCertificate: [], bytes: 0, made: 0 }));

      for (const loop of loops) {
        log(`Warming up: ${loop.label}, ${opts.warmup} certificates`);
        for (let i = 0; i < opts.warmup; i += 1) await loop.once(i);
      }
      for (let round = 0; round < opts.runs; round += 1) {
        // Alternate the order so that drift on a shared machine hits both loops alike.
        const order = round % 2 === 0 ? loops : [...loops].reverse();
        for (const loop of order) {
          const started = performance.now();
          const cpuAtStart = mainThreadCpuMs();
          const first = opts.warmup + round * opts.count;
          for (let i = first; i < first + opts.count; i += 1) {
            const pdf = await loop.once(i);
            loop.bytes += pdf.length;
            loop.made += 1;
          }
          const seconds = (performance.now() - started) / 1000;
          const cpuAtEnd = mainThreadCpuMs();
          loop.rates.push(opts.count / seconds);
          if (cpuAtStart !== null && cpuAtEnd !== null)
            loop.cpuPerCertificate.push((cpuAtEnd - cpuAtStart) / opts.count);
          log(
            `run ${round + 1}/${opts.runs} ${loop.label}: ${rate(opts.count / seconds)} certificates/s`,
          );
        }
      }

      const results = loops.map((loop) => ({
        label: loop.label,
        rate: median(loop.rates),
        min: Math.min(...loop.rates),
        max: Math.max(...loop.rates),
        cpuMs: loop.cpuPerCertificate.length > 0 ? median(loop.cpuPerCertificate) : null,
        bytes: loop.bytes / loop.made,
      }));
      const { markdown, ratio } = table(results, machine());
      process.stdout.write(`\n${markdown}\n\n`);
      log(
        ratio >= BAR
          ? green(`P5 ${ratio.toFixed(2)} ≥ ${BAR}`)
          : red(`P5 ${ratio.toFixed(2)} < ${BAR}`),
      );
      if (opts.write) await writeSection(markdown);
      else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
    } finally {
      await renderThread.close();
      rmSync(storageDir, { recursive: true, force: true });
    }
  });

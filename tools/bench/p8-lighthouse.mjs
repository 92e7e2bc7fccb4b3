// P8 (docs/PERFORMANCE.md, QUALITY.md): the web app's first load, measured by Lighthouse on the
// production build served as in production: the public pages rendered on the server by Angular's
// server bundle (hydrated in the browser), docker/nginx.conf's headers, cache rules and
// compression, all by tools/web/web-server.mjs (no nginx needed), with /api proxied
// to the API's production build on a throwaway database loaded with the demo data. Four public
// pages: the catalogue, a course page, a certificate's verification page and the public
// indicators. Lighthouse's mobile profile with its default simulated throttling (slow 4G, a 4×
// slower CPU), each page several times in a fresh Chromium profile; the medians are shown.
// Nothing is downloaded: Chromium is the system's (CHROME_PATH, else /usr/bin/chromium).
//
// With --cpu-slowdown N, Lighthouse's CPU multiplier (4 by default) is replaced, as its throttling
// guide advises when the host is slower than the desktop it assumes (its `benchmarkIndex`, shown
// with the figures, below 1,000): a diagnostic of what the code does apart from the machine's
// load, never the bar's figure (--write refuses it).
//
// The public pages start their app when the visitor first reaches for the page
// (libs/web/core/src/lib/ssr/schedule-app-start.ts), which Lighthouse never does: it
// measures a page whose scripts are fetched but not run. What that moves to the visitor's first
// tap is measured next to it, in the same Chromium with its CPU slowed as Lighthouse's is (4×) and
// its network as Lighthouse's slow 4G (as DevTools applies it):
// on each page, a tap on the language button, from the finger down to the menu painted, first
// with the app not yet started (as a visitor's first tap now is), then with the app started by an
// earlier movement of the pointer (as every tap was when the app started at load).
//
// With --serve, nothing is measured: the same production stack (demo data, server rendering,
// nginx's rules) stays up until Ctrl-C, for a look at the pages in a browser or a trace.
//
//   npm run bench:p8 [-- --runs 3 --no-build --write --cpu-slowdown 4 --serve]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  NX,
  NX_ENV,
  ROOT,
  UserFacingError,
  bold,
  green,
  log,
  readSettings,
  red,
  requireFromRoot,
  runOrThrow,
} from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import {
  API_DIST,
  LOG_DIR,
  commandLine,
  loadAverage,
  median,
  readOptions,
  runBench,
  startApi,
  withDatabase,
  writeSection,
} from './lib/http-load.mjs';
import { precompress } from '../web/precompress.mjs';
import { startWebServer } from '../web/web-server.mjs';

const PERFORMANCE_BAR = 90;
const ACCESSIBILITY_BAR = 95;
const WEB_DIST = join(ROOT, 'dist', 'apps', 'web', 'browser');
const WEB_SERVER_BUNDLE = join(ROOT, 'dist', 'apps', 'web', 'server', 'server.mjs');
const REPORT_DIR = join(LOG_DIR, 'p8');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

const opts = readOptions(
  {
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'warn' },
    'cpu-slowdown': { type: 'string' },
    serve: { type: 'boolean', default: false },
  },
  ['runs'],
);
const CPU_SLOWDOWN = opts['cpu-slowdown'] === undefined ? null : Number(opts['cpu-slowdown']);

/** The pages measured, given a published demo course and a valid demo certificate. */
const pages = ({ courseId, code }) => [
  { label: 'Catalogue', path: '/catalogue' },
  { label: 'Course page', path: `/catalogue/${courseId}` },
  { label: 'Certificate verification', path: `/verify/${code}` },
  { label: 'Public indicators', path: '/indicators' },
];

/** The metrics shown beside the score, as Lighthouse names its audits. */
const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
  ['SI', 'speed-index'],
];

async function buildWeb() {
  if (!opts['no-build']) {
    log('Building the web app (production): nx run web:build:production');
    await runOrThrow(NX, ['run', 'web:build:production', '--skip-nx-cache'], { env: NX_ENV });
    log('Building the API (production): nx run api:build');
    await runOrThrow(NX, ['run', 'api:build'], { env: NX_ENV });
  }
  if (!existsSync(join(WEB_DIST, 'index.csr.html')) || !existsSync(WEB_SERVER_BUNDLE)) {
    throw new UserFacingError(
      'dist/apps/web (browser/index.csr.html, server/server.mjs) is missing: build the web app first ' +
        '(nx run web:build:production), or drop --no-build.',
    );
  }
  // As docker/web.Dockerfile does after the build, for nginx's gzip_static.
  log(`Precompressing the build: ${precompress(WEB_DIST)} files gzipped`);
}

/** The demo data (accounts, catalogue, enrollments, certificates…) through the API's own CLI. */
function seedDemo(databaseUrl, settings, extraEnv) {
  log('Loading the demo data: node dist/apps/api/cli.js seed:demo');
  const seeded = spawnSync(process.execPath, [join(API_DIST, 'cli.js'), 'seed:demo'], {
    cwd: ROOT,
    encoding: 'utf8',
    // The seed refuses NODE_ENV=production; the API it fills runs with it.
    env: {
      ...process.env,
      ...extraEnv,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      REDIS_URL: settings.REDIS_URL,
    },
  });
  if (seeded.status !== 0) {
    throw new UserFacingError(`seed:demo failed:\n${seeded.stdout}\n${seeded.stderr}`);
  }
}

async function demoTargets(databaseUrl) {
  return withDatabase(databaseUrl, async (client) => {
    const course = await client.query(
      `SELECT id FROM course WHERE status = 'published' ORDER BY code LIMIT 1`,
    );
    const certificate = await client.query(
      `SELECT verification_code AS code FROM certificate WHERE status = 'valid'
        ORDER BY serial LIMIT 1`,
    );
    if (!course.rows[0] || !certificate.rows[0]) {
      throw new UserFacingError('The demo data has no published course or no valid certificate.');
    }
    return { courseId: course.rows[0].id, code: certificate.rows[0].code };
  });
}

async function lighthouseRunner() {
  if (!existsSync(CHROMIUM)) {
    throw new UserFacingError(`No Chromium at ${CHROMIUM}: install it (apt-get install chromium).`);
  }
  const { default: lighthouse } = await import(requireFromRoot.resolve('lighthouse'));
  const { throttling } = await import(
    requireFromRoot.resolve('lighthouse/core/config/constants.js')
  );
  const chromeLauncher = await import(requireFromRoot.resolve('chrome-launcher'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'oris-p8-chromium-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir,
    logLevel: 'error',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  return {
    /**
     * One Lighthouse run: the default (mobile) configuration, storage cleared before it. A run
     * whose trace Chromium failed to record (NO_NAVSTART: "Please run Lighthouse again", seen on
     * any of the pages in a browser that has loaded others) is run again, twice at most, and
     * said; it measured nothing.
     */
    async run(url, attempt = 1) {
      const result = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        output: ['html', 'json'],
        onlyCategories: ['performance', 'accessibility'],
        ...(CPU_SLOWDOWN === null
          ? {}
          : { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: CPU_SLOWDOWN } }),
      });
      if (!result?.lhr) throw new UserFacingError(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError?.code === 'NO_NAVSTART' && attempt < 3) {
        log(`Lighthouse recorded no navigation for ${url} (NO_NAVSTART): running it again`);
        return this.run(url, attempt + 1);
      }
      if (result.lhr.runtimeError) {
        throw new UserFacingError(
          `Lighthouse could not load ${url}: ${result.lhr.runtimeError.message}`,
        );
      }
      return result;
    },
    async close() {
      await chrome.kill();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The first-tap measurement: playwright-core drives the same Chromium, a phone's screen and touch,
 * the CPU and network slowed by CDP as Lighthouse's simulation assumes. The page records the tap's
 * time (pointerdown's timestamp) and the frame after the menu's first item appears.
 */
async function firstTapRunner() {
  // Its CommonJS entry, imported: the exports are under `default`.
  const { chromium } = (await import(requireFromRoot.resolve('playwright-core'))).default;
  const { throttling } = await import(
    requireFromRoot.resolve('lighthouse/core/config/constants.js')
  );
  const slow4G = throttling.mobileSlow4G;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  return {
    /** Milliseconds from the finger down on the language button to its menu painted. */
    async tap(url, { startedBefore }) {
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const times = (window.__orisFirstTap = {});
          addEventListener('pointerdown', (event) => (times.down ??= event.timeStamp), true);
          new MutationObserver(() => {
            if (times.shown === undefined && document.querySelector('[role="menuitemradio"]')) {
              times.shown = null;
              requestAnimationFrame(() => setTimeout(() => (times.shown = performance.now())));
            }
          }).observe(document, { childList: true, subtree: true });
        });
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN ?? 4 });
        // Lighthouse's slow 4G as DevTools applies it: what the tap still has to fetch counts.
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: slow4G.requestLatencyMs,
          downloadThroughput: (slow4G.downloadThroughputKbps * 1024) / 8,
          uploadThroughput: (slow4G.uploadThroughputKbps * 1024) / 8,
        });
        // The scripts are fetched once the page is painted: the visitor taps once they are here.
        await page.goto(url, { waitUntil: 'networkidle' });
        if (startedBefore) {
          await page.mouse.move(1, 1);
          await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
          await page.waitForLoadState('networkidle');
        } else if (await page.locator('html[data-interactive]').count()) {
          throw new UserFacingError(`${url}: the app started before the visitor touched the page`);
        }
        const box = await page.locator('oris-language-menu button').boundingBox();
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForFunction(() => typeof window.__orisFirstTap.shown === 'number');
        const { down, shown } = await page.evaluate(() => window.__orisFirstTap);
        return shown - down;
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

const score = (lhr, category) => Math.round((lhr.categories[category].score ?? 0) * 100);

function summarise(page, results) {
  const metric = (audit) => median(results.map(({ lhr }) => lhr.audits[audit].numericValue));
  return {
    page,
    performance: median(results.map(({ lhr }) => score(lhr, 'performance'))),
    performanceRuns: results.map(({ lhr }) => score(lhr, 'performance')),
    accessibility: median(results.map(({ lhr }) => score(lhr, 'accessibility'))),
    metrics: Object.fromEntries(METRICS.map(([label, audit]) => [label, metric(audit)])),
    bytes: median(results.map(({ lhr }) => lhr.audits['total-byte-weight'].numericValue)),
    benchmarkIndex: median(results.map(({ lhr }) => lhr.environment.benchmarkIndex)),
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function table(rows, info) {
  const lines = [
    '| Page | Performance (median) | Runs | Accessibility | FCP | LCP | TBT | CLS | Speed Index | Transferred |',
    '| ---- | -------------------: | ---- | ------------: | --: | --: | --: | --: | ----------: | ----------: |',
    ...rows.map(
      ({ page, performance, performanceRuns, accessibility, metrics, bytes }) =>
        `| ${page.label} (\`${page.path.replace(/[0-9a-f-]{36}|[A-Za-z0-9_-]{24}$/, ':id')}\`) ` +
        `| **${performance}** | ${performanceRuns.join(', ')} | ${accessibility} ` +
        `| ${seconds(metrics.FCP)} | ${seconds(metrics.LCP)} | ${Math.round(metrics.TBT)} ms ` +
        `| ${metrics.CLS.toFixed(3)} | ${seconds(metrics.SI)} | ${Math.round(bytes / 1000)} kB |`,
    ),
    '',
    '| Page | First tap, app not started (median) | Runs | Same tap, app started | Runs |',
    '| ---- | ----------------------------------: | ---- | --------------------: | ---- |',
    ...rows.map(
      ({ page, taps }) =>
        `| ${page.label} | **${Math.round(median(taps.first))} ms** | ${taps.first.map(Math.round).join(', ')} ` +
        `| ${Math.round(median(taps.started))} ms | ${taps.started.map(Math.round).join(', ')} |`,
    ),
    '',
    `Measured ${info.date} on ${info.nproc} cores (${info.cpu}), Node ${info.node}, ` +
      `Lighthouse ${info.lighthouse}, ${info.chromium}; mobile profile, simulated throttling ` +
      (CPU_SLOWDOWN === null
        ? `(Lighthouse's defaults)`
        : `(Lighthouse's slow 4G, **CPU multiplier ${CPU_SLOWDOWN} instead of 4**)`) +
      `, Lighthouse's benchmarkIndex of this host ${Math.round(median(rows.map((row) => row.benchmarkIndex)))} ` +
      `(median; it expects more than 1,000), ${opts.runs} run${opts.runs === 1 ? '' : 's'} per page, each in ` +
      `a cleared profile, medians shown; production web build, pages rendered on the server, ` +
      `their app fetched once painted and started at the visitor's first interaction, served by tools/web/web-server.mjs with docker/nginx.conf's headers, ` +
      `caching and compression, ` +
      `/api proxied to the API's production build with the demo data; load average ` +
      `${info.loadAtStart} at the start, ${info.loadAtEnd} at the end (2 cores shared with other ` +
      `work when above 2). Taps: the language button tapped on a ${CPU_SLOWDOWN ?? 4}× slowed CPU ` +
      `and Lighthouse's slow 4G (CDP: 562.5 ms a request, 1.4 Mbit/s down), from the finger down to the frame after the menu appears, in a new context each ` +
      `time, ${opts.runs} per page and case.`,
    '',
    `Command: \`${commandLine('p8')}\``,
  ];
  return lines.join('\n');
}

runBench(opts, async (cleanups) => {
  if (CPU_SLOWDOWN !== null && !(CPU_SLOWDOWN >= 1)) {
    throw new UserFacingError('--cpu-slowdown must be a number ≥ 1 (Lighthouse uses 4).');
  }
  if (opts.write && CPU_SLOWDOWN !== null) {
    throw new UserFacingError('--cpu-slowdown is a diagnostic: do not --write its figures.');
  }
  const loadAtStart = loadAverage();
  const settings = readSettings();
  await ensureServices(settings);
  await buildWeb();
  const workDir = mkdtempSync(join(tmpdir(), 'oris-p8-'));
  cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));
  // Its own queue prefix and files, so that no worker elsewhere takes the demo's render jobs.
  const isolated = {
    QUEUE_PREFIX: `oris-bench-p8-${randomBytes(4).toString('hex')}`,
    MAIL_DROP_DIR: join(workDir, 'mail'),
    STORAGE_DIR: join(workDir, 'files'),
    SMTP_URL: '',
    COOKIE_SECURE: 'false',
  };
  let targets;
  const api = await startApi({
    bench: 'p8',
    settings,
    cleanups,
    opts: { ...opts, 'no-build': true, profile: false },
    env: isolated,
    prepare: async (databaseUrl) => {
      seedDemo(databaseUrl, settings, isolated);
      targets = await demoTargets(databaseUrl);
    },
  });
  const web = await startWebServer({
    root: WEB_DIST,
    apiBase: api.base,
    serverBundle: WEB_SERVER_BUNDLE,
    allowedHosts: ['127.0.0.1'],
  });
  cleanups.push(() => web.close());
  log(
    `Web app served at ${web.url} (server-side rendering, docker/nginx.conf's rules), API at ${api.base}`,
  );

  if (opts.serve) {
    for (const page of pages(targets)) log(`${page.label}: ${web.url}${page.path}`);
    log('Serving until Ctrl-C (--serve: nothing is measured).');
    await new Promise(() => undefined); // until Ctrl-C
  }

  const lighthouse = await lighthouseRunner();
  cleanups.push(() => lighthouse.close());
  rmSync(REPORT_DIR, { recursive: true, force: true });
  mkdirSync(REPORT_DIR, { recursive: true });

  const runsByPage = pages(targets).map((page) => ({ page, results: [] }));
  for (let round = 0; round < opts.runs; round += 1) {
    for (const entry of runsByPage) {
      const result = await lighthouse.run(`${web.url}${entry.page.path}`);
      entry.results.push(result);
      const name = `${entry.page.label.toLowerCase().replace(/\W+/g, '-')}-${round + 1}`;
      writeFileSync(join(REPORT_DIR, `${name}.report.html`), result.report[0]);
      writeFileSync(join(REPORT_DIR, `${name}.report.json`), result.report[1]);
      log(
        `run ${round + 1}/${opts.runs} ${entry.page.label}: performance ` +
          `${score(result.lhr, 'performance')}, accessibility ${score(result.lhr, 'accessibility')}`,
      );
    }
  }

  const firstTap = await firstTapRunner();
  cleanups.push(() => firstTap.close());
  for (const entry of runsByPage) {
    entry.taps = { first: [], started: [] };
    for (let round = 0; round < opts.runs; round += 1) {
      const url = `${web.url}${entry.page.path}`;
      entry.taps.first.push(await firstTap.tap(url, { startedBefore: false }));
      entry.taps.started.push(await firstTap.tap(url, { startedBefore: true }));
    }
    log(
      `${entry.page.label}: first tap ${entry.taps.first.map(Math.round).join(', ')} ms, ` +
        `once started ${entry.taps.started.map(Math.round).join(', ')} ms`,
    );
  }

  const rows = runsByPage.map(({ page, results, taps }) => ({
    ...summarise(page, results),
    taps,
  }));
  const first = runsByPage[0].results[0].lhr;
  const info = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    nproc: (await import('node:os')).availableParallelism(),
    cpu: (await import('node:os')).cpus()[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    lighthouse: first.lighthouseVersion,
    chromium:
      first.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium',
    loadAtStart,
    loadAtEnd: loadAverage(),
  };
  const markdown = table(rows, info);
  process.stdout.write(`\n${markdown}\n\n`);
  log(`Reports (HTML and JSON) in ${REPORT_DIR}`);
  const misses = rows.filter(
    (row) => row.performance < PERFORMANCE_BAR || row.accessibility < ACCESSIBILITY_BAR,
  );
  log(
    misses.length === 0
      ? green(
          `P8: every page ≥ ${PERFORMANCE_BAR} performance, ≥ ${ACCESSIBILITY_BAR} accessibility`,
        )
      : red(`P8 missed on: ${misses.map((row) => row.page.label).join(', ')}`),
  );
  if (opts.write) await writeSection('p8', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});

// What `npm test` needs from the machine, checked in its first seconds rather than found missing
// twenty minutes in: a supported Node, Chromium for the browser tests, PostgreSQL and Redis.
// Runnable alone: `node tools/dev/prerequisites.mjs [--skip-browser]`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { UserFacingError, loadDotEnv, log, main, readSettings, warn } from './lib.mjs';
import { servicesBeforeInstall } from './services.mjs';

export const SKIP_BROWSER_FLAG = '--skip-browser';

// The browser the journeys launch: apps/web-e2e/src/support/browser.ts applies the same rule.
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Other installs of Chromium or Chrome that playwright-core drives as well; used when the default
// is missing and CHROMIUM_PATH is unset, so a machine that has a browser just works. Not Ubuntu's
// snap: confined to a /tmp of its own, it would not see the profile folder the tests create.
export const OTHER_BROWSERS = [
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const HOW_TO_GET_CHROMIUM = [
  '  Debian (as root):  apt-get install -y chromium',
  '  Ubuntu:            Google Chrome, the .deb of https://www.google.com/chrome (found by itself)',
  '  macOS:             Google Chrome or Chromium in /Applications (found by itself)',
  '  Anywhere:          any Chromium or Chrome, with CHROMIUM_PATH=<its executable> in .env',
  '',
  `Or run every other check without the browser tests: npm test -- ${SKIP_BROWSER_FLAG}`,
];

/** Throws with the way to get a supported Node (package.json "engines"). */
export function checkNodeVersion(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24;
  if (!supported) {
    throw new UserFacingError(
      [
        `Node ${version} is not supported: use Node 20.19+, 22.12+ or 24+ (package.json "engines").`,
        '  With nvm (any system):  nvm install 22 && nvm use 22',
        '  Debian/Ubuntu:          the Node 22 packages of https://github.com/nodesource/distributions',
        '  Otherwise:              https://nodejs.org/en/download',
      ].join('\n'),
    );
  }
}

/** Why the executable cannot serve as the test browser, or null when it starts. */
function browserProblem(path) {
  if (!existsSync(path)) return 'not found';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return 'not executable';
  }
  // Catches a wrapper without its browser (Ubuntu's chromium-browser without the snap) or missing
  // libraries. Debian's wrapper script talks on stderr even when all is well: only the code counts.
  const result = spawnSync(path, ['--version'], { stdio: 'ignore', timeout: 30_000 });
  if (result.error) return `\`${path} --version\` failed: ${result.error.message}`;
  if (result.status !== 0) return `\`${path} --version\` exited with code ${result.status}`;
  return null;
}

/**
 * Finds the browser for the journeys. Returns `{ path, adopted }` (adopted: found elsewhere than
 * the default, to be passed on as CHROMIUM_PATH), or `{ problem }` with how to get one.
 */
export function findChromium({
  env = process.env,
  defaultPath = DEFAULT_CHROMIUM,
  otherBrowsers = OTHER_BROWSERS,
} = {}) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined) {
    const problem = browserProblem(chosen);
    if (!problem) return { path: chosen, adopted: false };
    return {
      problem: [
        `Chromium: CHROMIUM_PATH is ${JSON.stringify(chosen)}, ${problem}. The browser tests need it.`,
        'Correct CHROMIUM_PATH (shell or .env), or install Chromium:',
        ...HOW_TO_GET_CHROMIUM,
      ].join('\n'),
    };
  }
  const problem = browserProblem(defaultPath);
  if (!problem) return { path: defaultPath, adopted: false };
  const other = otherBrowsers.find((path) => path !== defaultPath && !browserProblem(path));
  if (other) return { path: other, adopted: true };
  return {
    problem: [
      `Chromium: ${defaultPath} ${problem === 'not found' ? 'is missing' : `is unusable (${problem})`}, and the browser tests need it. Install it:`,
      ...HOW_TO_GET_CHROMIUM,
    ].join('\n'),
  };
}

/**
 * Checks everything and throws one message naming every missing prerequisite with how to get it.
 * Starts nothing: PostgreSQL and Redis that Docker can start are left to ensureServices. Resolves
 * with what was found, for the record.
 */
export async function checkPrerequisites({ skipBrowser = false } = {}) {
  checkNodeVersion();
  loadDotEnv(); // CHROMIUM_PATH, DATABASE_URL and REDIS_URL may come from .env
  const problems = [];
  let chromium = null;
  if (!skipBrowser) {
    chromium = findChromium();
    if (chromium.problem) problems.push(chromium.problem);
    else if (chromium.adopted) {
      // The browser tests read CHROMIUM_PATH from the environment this process passes on.
      process.env.CHROMIUM_PATH = chromium.path;
      warn(
        `Chromium: ${DEFAULT_CHROMIUM} is missing; the browser tests use ${chromium.path} ` +
          `(set CHROMIUM_PATH in .env to choose another).`,
      );
    }
  }
  const services = await servicesBeforeInstall(readSettings());
  if (services.problem) problems.push(services.problem);
  if (problems.length > 0) throw new UserFacingError(problems.join('\n\n'));
  const found = [
    `Node ${process.versions.node}`,
    chromium ? `Chromium at ${chromium.path}` : `Chromium not needed (${SKIP_BROWSER_FLAG})`,
    services.status === 'listening'
      ? 'PostgreSQL and Redis listening'
      : 'PostgreSQL and Redis to be started with Docker',
  ];
  log(`Prerequisites: ${found.join(', ')}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(async () => {
    const flags = process.argv.slice(2);
    const unknown = flags.filter((flag) => flag !== SKIP_BROWSER_FLAG);
    if (unknown.length > 0) {
      throw new UserFacingError(`Unknown option ${unknown.join(' ')}. Known: ${SKIP_BROWSER_FLAG}`);
    }
    await checkPrerequisites({ skipBrowser: flags.includes(SKIP_BROWSER_FLAG) });
  });
}

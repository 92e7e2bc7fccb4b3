// Installs the workspace's packages when they are missing or older than package-lock.json.
// Used by `npm start` and `npm test`; runnable alone: `node tools/dev/ensure-install.mjs`.
import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NPM, ROOT, log, main, runOrThrow } from './lib.mjs';
import { checkNodeVersion } from './prerequisites.mjs';

const NODE_MODULES = join(ROOT, 'node_modules');
// npm rewrites this file at the end of every successful install.
const INSTALLED_MARKER = join(NODE_MODULES, '.package-lock.json');

/** Why an install is needed, or null when node_modules is up to date. */
export function installReason() {
  if (!existsSync(NODE_MODULES) || !existsSync(INSTALLED_MARKER)) return 'node_modules is missing';
  const installedAt = statSync(INSTALLED_MARKER).mtimeMs;
  for (const file of ['package-lock.json', 'package.json']) {
    const path = join(ROOT, file);
    if (existsSync(path) && statSync(path).mtimeMs > installedAt)
      return `${file} changed since the last install`;
  }
  return null;
}

export async function ensureInstall() {
  checkNodeVersion();
  const reason = installReason();
  if (!reason) return false;
  log(`Installing packages (${reason}): npm install`);
  // `npm install`, never `npm ci`: the lockfile made on this registry lacks other platforms'
  // optional packages, which `npm ci` refuses (STACK.md, trap 4).
  await runOrThrow(NPM, ['install', '--no-audit', '--no-fund']);
  // npm leaves the marker untouched when nothing changed; touch it so the next run skips the install.
  if (existsSync(INSTALLED_MARKER)) {
    const now = new Date();
    utimesSync(INSTALLED_MARKER, now, now);
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(async () => {
    const installed = await ensureInstall();
    if (!installed) log('Packages are up to date.');
  });
}

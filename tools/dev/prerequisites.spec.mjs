import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, UserFacingError } from './lib.mjs';
import { checkNodeVersion, findChromium } from './prerequisites.mjs';

const onWindows = process.platform === 'win32';
const scratch = mkdtempSync(join(tmpdir(), 'oris-prerequisites-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** An executable standing in for a browser: `--version` exits with the given code. */
function fakeBrowser(name, exitCode) {
  const path = join(scratch, name);
  writeFileSync(path, `#!/bin/sh\nexit ${exitCode}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A port nothing listens on (reserved, then released). */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// The scripts run from a copy in an empty workspace: no .env of the developer's changes what they
// see, and were the check ever to let `npm test` through, its next steps (install, servers) would
// act on that empty folder, never on this clone.
const workspace = join(scratch, 'workspace');
mkdirSync(join(workspace, 'tools', 'dev'), { recursive: true });
for (const file of readdirSync(join(ROOT, 'tools', 'dev'))) {
  if (file.endsWith('.mjs') && !file.endsWith('.spec.mjs')) {
    cpSync(join(ROOT, 'tools', 'dev', file), join(workspace, 'tools', 'dev', file));
  }
}

/** Runs one of the scripts of tools/dev; a guard stops it should it ever hang. */
function runScript(script, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(workspace, 'tools', 'dev', script), ...args], {
      cwd: workspace,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('npm test prerequisites', () => {
  // Something listens where PostgreSQL and Redis are said to be, so that only the browser decides.
  const listeners = [];
  const servers = {};
  before(async () => {
    for (const name of ['postgres', 'redis']) {
      const server = createServer((socket) => socket.destroy());
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      listeners.push(server);
      servers[name] = server.address().port;
    }
  });
  after(() => listeners.forEach((server) => server.close()));
  const reachableServices = () => ({
    DATABASE_URL: `postgres://postgres@127.0.0.1:${servers.postgres}/oris`,
    REDIS_URL: `redis://127.0.0.1:${servers.redis}`,
  });
  const missingChromium = () => join(scratch, 'no-such-chromium');

  it('stops npm test at its first step with the install command when Chromium is missing', async () => {
    const { code, output } = await runScript('test.mjs', [], {
      ...reachableServices(),
      CHROMIUM_PATH: missingChromium(),
    });
    assert.equal(code, 1);
    assert.match(output, /Tests failed at "prerequisites"/);
    assert.ok(output.includes(missingChromium()), 'names the path it looked at');
    assert.match(output, /apt-get install -y chromium/);
    assert.match(output, /npm test -- --skip-browser/);
    assert.doesNotMatch(output, /▶ install/, 'nothing after the check ran');
  });

  it('passes the check without Chromium when asked to skip the browser tests', async () => {
    const { code, output } = await runScript('prerequisites.mjs', ['--skip-browser'], {
      ...reachableServices(),
      CHROMIUM_PATH: missingChromium(),
    });
    assert.equal(code, 0, output);
    assert.match(output, /Chromium not needed \(--skip-browser\)/);
  });

  it('names every missing prerequisite in one message', async () => {
    // 127.0.0.2 counts as another machine: nothing is started there, and no Docker is tried.
    const { code, output } = await runScript('prerequisites.mjs', [], {
      DATABASE_URL: `postgres://postgres@127.0.0.2:${await freePort()}/oris`,
      REDIS_URL: `redis://127.0.0.2:${await freePort()}`,
      CHROMIUM_PATH: missingChromium(),
    });
    assert.equal(code, 1);
    assert.match(output, /apt-get install -y chromium/);
    assert.match(output, /PostgreSQL: nothing answers on 127\.0\.0\.2/);
    assert.match(output, /Redis: nothing answers on 127\.0\.0\.2/);
    assert.match(output, /apt-get install -y postgresql/);
    assert.match(output, /apt-get install -y redis-server/);
  });

  it('refuses an unknown option', async () => {
    const { code, output } = await runScript('test.mjs', ['--skip-browsers'], {});
    assert.equal(code, 1);
    assert.match(output, /Unknown option --skip-browsers\. Known: .*--skip-browser/);
  });
});

describe('findChromium', { skip: onWindows && 'shell-script browsers' }, () => {
  it('uses the default browser when it starts', () => {
    const browser = fakeBrowser('chromium', 0);
    assert.deepEqual(findChromium({ env: {}, defaultPath: browser, otherBrowsers: [] }), {
      path: browser,
      adopted: false,
    });
  });

  it('adopts another installed browser when the default is missing and CHROMIUM_PATH is unset', () => {
    const broken = fakeBrowser('chromium-browser', 1);
    const chrome = fakeBrowser('google-chrome', 0);
    const found = findChromium({
      env: {},
      defaultPath: join(scratch, 'absent'),
      otherBrowsers: [broken, chrome],
    });
    assert.deepEqual(found, { path: chrome, adopted: true });
  });

  it('never looks elsewhere when CHROMIUM_PATH names a browser that is not there', () => {
    const chrome = fakeBrowser('chrome-elsewhere', 0);
    const found = findChromium({
      env: { CHROMIUM_PATH: join(scratch, 'absent') },
      otherBrowsers: [chrome],
    });
    assert.match(found.problem, /CHROMIUM_PATH is ".*absent", not found/);
    assert.match(found.problem, /apt-get install -y chromium/);
  });

  it('reports a browser that does not start', () => {
    const broken = fakeBrowser('broken-chromium', 3);
    const found = findChromium({ env: {}, defaultPath: broken, otherBrowsers: [] });
    assert.match(found.problem, /is unusable \(`.*broken-chromium --version` exited with code 3\)/);
  });
});

describe('checkNodeVersion', () => {
  it('accepts the versions of package.json "engines"', () => {
    for (const version of ['20.19.0', '22.12.0', '24.0.0', '25.1.0']) checkNodeVersion(version);
  });

  it('rejects older versions and says how to get a supported one', () => {
    for (const version of ['18.20.4', '20.18.1', '22.11.0', '23.0.0']) {
      assert.throws(
        () => checkNodeVersion(version),
        (err) => err instanceof UserFacingError && /nvm install 22/.test(err.message),
      );
    }
  });
});

// Unit tests of the dependency audit, run by `node --test tools/audit` (the tools-audit:test target).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { audit, runtimePackages, unpinnedDependencies } from './audit-deps.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const fixture = (name) => join(HERE, 'fixtures', name);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const advisoryList = readJson(join(HERE, 'advisories.json'));
const CHECKED = Date.parse(`${advisoryList.checked}T12:00:00Z`);

const cli = (...args) =>
  spawnSync(process.execPath, [join(HERE, 'audit-deps.mjs'), ...args], { encoding: 'utf8' });

describe('the committed advisory list', () => {
  it('is dated and gives each entry a valid range, a fix and a summary', () => {
    assert.match(advisoryList.checked, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(advisoryList.advisories.length > 0);
    for (const entry of advisoryList.advisories) {
      assert.ok(entry.package && entry.fixedIn && entry.summary && entry.severity, entry.package);
      assert.ok(Array.isArray(entry.ids), entry.package);
    }
  });
});

describe('runtimePackages', () => {
  it('collects every version with the paths that bring it in, deduped or nested', () => {
    const packages = runtimePackages(readJson(fixture('tree-vulnerable.json')));
    assert.deepEqual(packages.get('find-my-way').get('9.6.0'), [
      '@nestjs/platform-fastify > fastify > find-my-way',
      '@nestjs/platform-fastify > find-my-way',
    ]);
    assert.deepEqual([...packages.get('fastify').keys()], ['5.10.0', '5.12.8']);
    assert.equal(packages.has('absent-optional'), false);
  });
});

describe('audit', () => {
  it('reports each vulnerable version, with its advisory and path, and fails', () => {
    const report = audit({
      tree: readJson(fixture('tree-vulnerable.json')),
      advisoryList,
      packageJson: readJson(fixture('package-pinned.json')),
      now: CHECKED,
    });
    assert.equal(report.ok, false);
    const found = report.findings.map(({ advisory, version }) => `${advisory.package}@${version}`);
    assert.deepEqual(found.sort(), ['fastify@5.10.0', 'find-my-way@9.6.0', 'js-yaml@4.1.1']);
    const text = report.lines.join('\n');
    assert.match(text, /VULNERABLE fastify@5\.10\.0 \(high; GHSA-3m5p-2c4r-xxw2/);
    assert.match(text, /via @nestjs\/platform-fastify > fastify\n/);
    assert.match(text, /fixed in 5\.12\.5/);
    assert.match(text, /FAILED \(3 vulnerable, 0 not pinned\)/);
  });

  it('passes a tree past every fix, with every runtime dependency pinned', () => {
    const report = audit({
      tree: readJson(fixture('tree-clean.json')),
      advisoryList,
      packageJson: readJson(fixture('package-pinned.json')),
      now: CHECKED,
    });
    assert.deepEqual(report.findings, []);
    assert.equal(report.ok, true);
    assert.doesNotMatch(report.lines.join('\n'), /days old/);
  });

  it('refuses runtime dependencies declared with a range or a tag, not devDependencies', () => {
    assert.deepEqual(unpinnedDependencies(readJson(fixture('package-unpinned.json'))), [
      ['@nestjs/platform-express', '^11.0.0'],
      ['pg', '~8.23.1'],
      ['rxjs', 'latest'],
    ]);
    assert.deepEqual(unpinnedDependencies(readJson(fixture('package-pinned.json'))), []);
  });

  it('says when the list is due for a refresh, without failing for it', () => {
    const report = audit({
      tree: readJson(fixture('tree-clean.json')),
      advisoryList,
      packageJson: readJson(fixture('package-pinned.json')),
      now: CHECKED + 200 * 86_400_000,
    });
    assert.equal(report.ok, true);
    assert.match(report.lines.join('\n'), /advisory list is 200 days old/);
  });
});

describe('the command', () => {
  it('exits 1 and names the package for a vulnerable tree', () => {
    const result = cli(
      '--tree',
      fixture('tree-vulnerable.json'),
      '--package-json',
      fixture('package-pinned.json'),
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /VULNERABLE find-my-way@9\.6\.0/);
  });

  it('exits 1 for an unpinned runtime dependency', () => {
    const result = cli(
      '--tree',
      fixture('tree-clean.json'),
      '--package-json',
      fixture('package-unpinned.json'),
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /NOT PINNED @nestjs\/platform-express: "\^11\.0\.0"/);
  });

  it('exits 0 for a clean, pinned tree', () => {
    const result = cli(
      '--tree',
      fixture('tree-clean.json'),
      '--package-json',
      fixture('package-pinned.json'),
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /no known-vulnerable version/);
  });
});

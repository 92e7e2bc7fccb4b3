// `npm run audit:deps`: checks the runtime dependency tree without a network. It lists every
// package that ships (`npm ls --omit=dev --all --json`), compares each version with the committed,
// dated list of known-vulnerable ranges (tools/audit/advisories.json), and checks that every
// runtime dependency in package.json is pinned to one exact version. Exits 1 on any finding.
//
// Options (for tests, or to check a tree saved elsewhere):
//   --tree <file>          a saved `npm ls --omit=dev --all --json` instead of running npm ls
//   --advisories <file>    another advisory list
//   --package-json <file>  another package.json for the pinning check
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
/** Past this age the list is reported as due for a refresh (it still gates). */
const STALE_AFTER_DAYS = 90;

/**
 * Every installed runtime package version, with the dependency paths that bring it in.
 * `npm ls` marks repeated packages as deduped and still gives their version, so each path counts.
 */
export function runtimePackages(tree) {
  const found = new Map(); // name → Map(version → paths)
  const visit = (dependencies, path) => {
    for (const [name, node] of Object.entries(dependencies ?? {})) {
      if (node.version && !node.missing) {
        const versions = found.get(name) ?? new Map();
        const paths = versions.get(node.version) ?? [];
        paths.push([...path, name].join(' > '));
        versions.set(node.version, paths);
        found.set(name, versions);
      }
      visit(node.dependencies, [...path, name]);
    }
  };
  visit(tree.dependencies, []);
  return found;
}

/** Installed versions inside an advisory's vulnerable range. */
export function vulnerableVersions(packages, advisories) {
  const findings = [];
  for (const advisory of advisories) {
    if (!semver.validRange(advisory.vulnerable)) {
      throw new Error(`advisories: invalid range "${advisory.vulnerable}" for ${advisory.package}`);
    }
    for (const [version, paths] of packages.get(advisory.package) ?? []) {
      if (semver.satisfies(version, advisory.vulnerable, { includePrerelease: true })) {
        findings.push({ advisory, version, paths });
      }
    }
  }
  return findings;
}

/** Runtime dependencies declared with a range (^, ~, *, x, tags…) rather than one exact version. */
export function unpinnedDependencies(packageJson) {
  return Object.entries(packageJson.dependencies ?? {}).filter(
    ([, spec]) => semver.valid(spec) === null,
  );
}

const ageInDays = (isoDate, now) =>
  Math.floor((now - Date.parse(`${isoDate}T00:00:00Z`)) / 86_400_000);

/** The report as lines of text, and whether it passes. */
export function audit({ tree, advisoryList, packageJson, now = Date.now() }) {
  const packages = runtimePackages(tree);
  const findings = vulnerableVersions(packages, advisoryList.advisories);
  const unpinned = unpinnedDependencies(packageJson);
  const versionCount = [...packages.values()].reduce((sum, versions) => sum + versions.size, 0);
  const lines = [
    `dependency audit: ${versionCount} runtime package versions against ` +
      `${advisoryList.advisories.length} advisories (list checked ${advisoryList.checked})`,
  ];
  for (const { advisory, version, paths } of findings) {
    const ids = advisory.ids.length > 0 ? advisory.ids.join(', ') : 'no id recorded';
    lines.push(
      `VULNERABLE ${advisory.package}@${version} (${advisory.severity}; ${ids})`,
      `  in range ${advisory.vulnerable}, fixed in ${advisory.fixedIn}: ${advisory.summary}`,
      ...paths.slice(0, 5).map((path) => `  via ${path}`),
      ...(paths.length > 5 ? [`  and ${paths.length - 5} more paths`] : []),
    );
  }
  for (const [name, spec] of unpinned) {
    lines.push(`NOT PINNED ${name}: "${spec}" in package.json dependencies; use one exact version`);
  }
  const age = ageInDays(advisoryList.checked, now);
  if (age > STALE_AFTER_DAYS) {
    lines.push(`note: the advisory list is ${age} days old; refresh it (docs/SECURITY.md, S9)`);
  }
  const ok = findings.length === 0 && unpinned.length === 0;
  lines.push(
    ok
      ? 'dependency audit: no known-vulnerable version, every runtime dependency pinned'
      : `dependency audit: FAILED (${findings.length} vulnerable, ${unpinned.length} not pinned)`,
  );
  return { ok, lines, findings, unpinned };
}

/** `npm ls` exits 1 when the tree has problems (extraneous, invalid) but still prints the tree. */
function installedRuntimeTree() {
  const npm = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (npm.error) throw npm.error;
  try {
    return JSON.parse(npm.stdout);
  } catch {
    throw new Error(`npm ls printed no dependency tree:\n${npm.stderr}`);
  }
}

function option(args, name) {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a file`);
  return value;
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function run(args) {
  const treeFile = option(args, '--tree');
  const tree = treeFile ? readJson(treeFile) : installedRuntimeTree();
  for (const problem of tree.problems ?? []) console.warn(`npm ls: ${problem}`);
  const report = audit({
    tree,
    advisoryList: readJson(option(args, '--advisories') ?? join(HERE, 'advisories.json')),
    packageJson: readJson(option(args, '--package-json') ?? join(ROOT, 'package.json')),
  });
  (report.ok ? console.log : console.error)(report.lines.join('\n'));
  return report.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (error) {
    console.error(`dependency audit: ${error.message}`);
    process.exitCode = 2;
  }
}

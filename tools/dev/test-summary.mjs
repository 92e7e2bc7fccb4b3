// The closing lines of a failed `npm test`: which test files failed, and the commands that re-run
// just what failed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, bold } from './lib.mjs';
import { rerunCommand } from './test-tally.mjs';

/** Nx project name → its folder, to show jest's task-relative file paths from the workspace root. */
function projectRoots() {
  const roots = new Map();
  for (const top of ['apps', 'libs', 'tools']) {
    const entries = readdirSync(join(ROOT, top), { recursive: true });
    for (const entry of entries) {
      if (!String(entry).endsWith('project.json') || String(entry).includes('node_modules'))
        continue;
      const file = join(top, String(entry));
      const { name } = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      if (name) roots.set(name, dirname(file));
    }
  }
  return roots;
}

function workspacePath(roots, task, file) {
  const root = task ? roots.get(task.split(':')[0]) : undefined;
  const fromRoot = root ? join(root, file) : file;
  return existsSync(join(ROOT, fromRoot)) ? fromRoot : file;
}

/**
 * The closing lines after a failure: the failing test files, then the commands that re-run just
 * what failed (the failing Nx tasks, or the failing step's own command).
 */
export function failureLines(failedStep, tally) {
  const failures = tally.failures();
  const roots = failures.some(({ files }) => files.length > 0) ? projectRoots() : new Map();
  const files = failures.flatMap(({ task, files }) =>
    files.map((file) => workspacePath(roots, task, file)),
  );
  const commands = failures.map(rerunCommand);
  if (commands.length === 0) {
    commands.push(
      failedStep.rerun ?? `npx nx ${[...failedStep.nx, ...failedStep.nxFlags].join(' ')}`,
    );
  }
  const lines = failedStep.explanation ? [''] : [];
  if (files.length > 0) lines.push(bold('Failing test files:'), ...files.map((f) => `  ${f}`));
  lines.push(bold(commands.length > 1 ? 'Re-run them:' : 'Re-run it:'));
  lines.push(...commands.map((command) => `  ${command}`));
  return lines;
}

// `npm test`: every check CI runs, in order, stopping at the first failure, then a summary that
// names what failed and how to re-run just that.
// Options: --skip-nx-cache (re-run everything instead of replaying Nx's cache), --skip-browser
// (everything but the browser tests, for a machine without Chromium).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstall } from './ensure-install.mjs';
import {
  NX,
  NX_ENV,
  ROOT,
  UserFacingError,
  bold,
  duration,
  error,
  forwardSignalsToForegroundSteps,
  green,
  log,
  main,
  readSettings,
  red,
  stoppedExitCode,
  trackChild,
  yellow,
} from './lib.mjs';
import { SKIP_BROWSER_FLAG, checkPrerequisites } from './prerequisites.mjs';
import { ensureServices } from './services.mjs';
import { failureLines } from './test-summary.mjs';
import { TestTally } from './test-tally.mjs';

// Flags for Nx, passed on to every Nx step.
const NX_FLAGS = new Set(['--skip-nx-cache']);
const PRETTIER = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');

/** Runs a command with its output shown as it comes and fed to the tally. */
function runCounted(command, args, tally) {
  return new Promise((resolve, reject) => {
    const child = trackChild(
      spawn(command, args, {
        cwd: ROOT,
        // Output is piped to be counted; keep the colours when a person is watching.
        env: { ...process.env, ...NX_ENV, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
        stdio: ['inherit', 'pipe', 'pipe'],
      }),
    );
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tally.feed(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      tally.feed(chunk, 'stderr');
    });
    child.on('error', reject);
    // 'close', not 'exit': all output has been read by then.
    child.on('close', (code, signal) => {
      tally.flush();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function stepsFor({ nxFlags, skipBrowser }) {
  const runMany = (targets) => ['run-many', '-t', ...targets, '--parallel=2', '--nxBail'];
  const nxRun = (target) => ['run', target];
  const skipNote = skipBrowser ? ` ${SKIP_BROWSER_FLAG}` : '';
  return [
    // Everything the machine must provide, in seconds: a missing browser or server is otherwise
    // found only when its tests start, after the builds.
    {
      name: 'prerequisites',
      run: () => checkPrerequisites({ skipBrowser }),
      rerun: `node tools/dev/prerequisites.mjs${skipNote}`,
    },
    { name: 'install', run: ensureInstall, rerun: 'node tools/dev/ensure-install.mjs' },
    {
      name: 'PostgreSQL and Redis',
      run: () => ensureServices(readSettings()),
      rerun: 'node tools/dev/services.mjs',
    },
    {
      name: 'format',
      command: [process.execPath, [PRETTIER, '--check', '.']],
      rerun: 'npm run format:check',
    },
    {
      name: 'dependency audit',
      command: [process.execPath, [join('tools', 'audit', 'audit-deps.mjs')]],
      rerun: 'npm run audit:deps',
    },
    { name: 'lint and unit tests', nx: runMany(['lint', 'test']) },
    {
      name: 'typecheck',
      command: [process.execPath, [join('tools', 'dev', 'typecheck.mjs')]],
      rerun: 'npm run typecheck',
    },
    { name: 'build', nx: runMany(['build']) },
    { name: 'OpenAPI spec up to date', nx: nxRun('api:openapi-check') },
    { name: 'API client up to date', nx: nxRun('shared-api-client:check') },
    { name: 'API tests (PostgreSQL, Redis)', nx: nxRun('api:e2e') },
    { name: 'browser tests (Chromium)', nx: nxRun('web-e2e:e2e'), skip: skipBrowser },
  ].map((step) => ({ ...step, nxFlags }));
}

function printSummary(results, tally, totalMs) {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = ['', bold('Summary')];
  for (const result of results) {
    const mark =
      result.status === 'passed'
        ? green('passed')
        : result.status === 'failed'
          ? red('FAILED')
          : yellow('skipped');
    const time = result.ms === undefined ? (result.note ?? '') : duration(result.ms);
    lines.push(`  ${result.name.padEnd(width)}  ${mark}  ${time}`);
  }
  lines.push(`  ${'total'.padEnd(width)}          ${duration(totalMs)}`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
  // One plain closing line with the counts the test runners printed above.
  const total = tally.passed + tally.failed + tally.skipped;
  if (total > 0) {
    const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
    process.stdout.write(`tests: ${tally.passed} passed, ${tally.failed} failed${skipped}\n`);
  }
}

main(async () => {
  forwardSignalsToForegroundSteps();
  const flags = process.argv.slice(2);
  const known = [...NX_FLAGS, SKIP_BROWSER_FLAG];
  const unknown = flags.filter((flag) => !known.includes(flag));
  if (unknown.length > 0) {
    throw new UserFacingError(`Unknown option ${unknown.join(' ')}. Known: ${known.join(', ')}`);
  }
  const tally = new TestTally();
  const skipBrowser = flags.includes(SKIP_BROWSER_FLAG);
  const steps = stepsFor({ nxFlags: flags.filter((flag) => NX_FLAGS.has(flag)), skipBrowser });
  const results = steps.map((step) => ({ name: step.name, status: 'skipped' }));
  const startedAt = Date.now();
  let failedStep = null;

  for (const [index, step] of steps.entries()) {
    if (step.skip) {
      results[index].note = `(${SKIP_BROWSER_FLAG})`;
      continue;
    }
    log(bold(`▶ ${step.name}`));
    const stepStart = Date.now();
    let ok;
    let explanation = null;
    try {
      if (step.nx) {
        // Static output: Nx otherwise hides the output of passing tasks, and their test counts.
        const args = [...step.nx, '--output-style=static', ...step.nxFlags];
        ok = (await runCounted(NX, args, tally)) === 0;
      } else if (step.command) ok = (await runCounted(...step.command, tally)) === 0;
      else {
        await step.run();
        ok = true;
      }
    } catch (err) {
      // What to do about an expected problem (a missing server or browser) closes the output;
      // anything else is a bug of these scripts: its stack goes out at once.
      if (err instanceof UserFacingError) explanation = err.message;
      else error(err?.stack ?? String(err));
      ok = false;
    }
    if (stoppedExitCode() !== null) {
      error('Stopped.');
      process.exit(stoppedExitCode());
    }
    results[index] = {
      name: step.name,
      status: ok ? 'passed' : 'failed',
      ms: Date.now() - stepStart,
    };
    if (!ok) {
      failedStep = { ...step, explanation };
      break;
    }
  }

  printSummary(results, tally, Date.now() - startedAt);
  if (failedStep) {
    error(
      failedStep.explanation
        ? `Tests failed at "${failedStep.name}".\n${failedStep.explanation}`
        : `Tests failed at "${failedStep.name}": see its output above.`,
    );
    process.stdout.write(`${failureLines(failedStep, tally).join('\n')}\n`);
    process.exitCode = 1;
  } else if (skipBrowser) {
    log(green(`All checks passed, except the browser tests: skipped (${SKIP_BROWSER_FLAG}).`));
  } else {
    log(green('All checks passed.'));
  }
});

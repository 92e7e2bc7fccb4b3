// `npm test`: every check CI runs, in order, stopping at the first failure, then a summary.
// Options: --skip-nx-cache (re-run everything instead of replaying Nx's cache).
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
  loadDotEnv,
  log,
  main,
  readSettings,
  red,
  stoppedExitCode,
  trackChild,
  yellow,
} from './lib.mjs';
import { ensureServices } from './services.mjs';
import { TestTally } from './test-tally.mjs';

const KNOWN_FLAGS = new Set(['--skip-nx-cache']);
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

function stepsFor(extraFlags) {
  const runMany = (targets) => ['run-many', '-t', ...targets, '--parallel=2', '--nxBail'];
  const nxRun = (target) => ['run', target];
  return [
    {
      name: 'install',
      run: async () => {
        await ensureInstall();
        loadDotEnv(); // after the Node version check, for every step that follows
      },
    },
    // The API tests need both servers; finding that out first saves a long wait for a late failure.
    { name: 'PostgreSQL and Redis', run: async () => void (await ensureServices(readSettings())) },
    {
      name: 'dependency audit',
      command: [process.execPath, [join('tools', 'audit', 'audit-deps.mjs')]],
    },
    { name: 'format', command: [process.execPath, [PRETTIER, '--check', '.']] },
    { name: 'lint and unit tests', nx: runMany(['lint', 'test']) },
    { name: 'typecheck', command: [process.execPath, [join('tools', 'dev', 'typecheck.mjs')]] },
    { name: 'build', nx: runMany(['build']) },
    { name: 'OpenAPI spec up to date', nx: nxRun('api:openapi-check') },
    { name: 'API client up to date', nx: nxRun('shared-api-client:check') },
    { name: 'API tests (PostgreSQL, Redis)', nx: nxRun('api:e2e') },
    { name: 'browser tests (Chromium)', nx: nxRun('web-e2e:e2e') },
  ].map((step) => ({ ...step, extraFlags }));
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
    const time = result.ms === undefined ? '' : duration(result.ms);
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
  const unknown = flags.filter((flag) => !KNOWN_FLAGS.has(flag));
  if (unknown.length > 0) {
    throw new UserFacingError(
      `Unknown option ${unknown.join(' ')}. Known: ${[...KNOWN_FLAGS].join(', ')}`,
    );
  }
  const tally = new TestTally();
  const steps = stepsFor(flags);
  const results = steps.map((step) => ({ name: step.name, status: 'skipped' }));
  const startedAt = Date.now();
  let failed = false;

  for (const [index, step] of steps.entries()) {
    log(bold(`▶ ${step.name}`));
    const stepStart = Date.now();
    let ok;
    try {
      if (step.nx) {
        // Static output: Nx otherwise hides the output of passing tasks, and their test counts.
        const args = [...step.nx, '--output-style=static', ...step.extraFlags];
        ok = (await runCounted(NX, args, tally)) === 0;
      } else if (step.command) ok = (await runCounted(...step.command, tally)) === 0;
      else {
        await step.run();
        ok = true;
      }
    } catch (err) {
      error(err instanceof UserFacingError ? err.message : (err?.stack ?? String(err)));
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
      failed = true;
      break;
    }
  }

  printSummary(results, tally, Date.now() - startedAt);
  if (failed) {
    error('Tests failed: see the first failing step above.');
    process.exitCode = 1;
  } else {
    log(green('All checks passed.'));
  }
});

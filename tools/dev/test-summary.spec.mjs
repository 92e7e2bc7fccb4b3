import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureLines } from './test-summary.mjs';
import { TestTally } from './test-tally.mjs';

function tallyOf(output) {
  const tally = new TestTally();
  tally.feed(Buffer.from(output));
  tally.flush();
  return tally;
}

const unitTests = {
  name: 'lint and unit tests',
  nx: ['run-many', '-t', 'lint', 'test'],
  nxFlags: [],
};

describe('failureLines', () => {
  it('names the failing files from the workspace root and re-runs them in their task', () => {
    // jest prints paths relative to the task's folder: tools/dev for this project.
    const output = [
      '> nx run dev-tools:test',
      ' FAIL   dev-tools  test-tally.spec.mjs',
      '> nx run api:e2e',
      ' FAIL   api-e2e  apps/api/test/health.api-test.ts (12.3 s)',
      'Failed tasks:',
      '- dev-tools:test',
      '- api:e2e',
    ].join('\n');
    assert.deepEqual(failureLines(unitTests, tallyOf(output)), [
      'Failing test files:',
      '  tools/dev/test-tally.spec.mjs',
      '  apps/api/test/health.api-test.ts',
      'Re-run them:',
      '  npx nx run dev-tools:test -- --runTestsByPath test-tally.spec.mjs',
      '  npx nx run api:e2e -- --runTestsByPath apps/api/test/health.api-test.ts',
    ]);
  });

  it('re-runs the failed tasks when no test file failed', () => {
    const output = 'Failed tasks:\n\n- api-identity:lint\n';
    assert.deepEqual(failureLines(unitTests, tallyOf(output)), [
      'Re-run it:',
      '  npx nx run api-identity:lint',
    ]);
  });

  it("falls back on the step's own command", () => {
    const typecheck = { name: 'typecheck', rerun: 'npm run typecheck' };
    assert.deepEqual(failureLines(typecheck, tallyOf('error TS2322\n')), [
      'Re-run it:',
      '  npm run typecheck',
    ]);
    assert.deepEqual(failureLines({ ...unitTests, nxFlags: ['--skip-nx-cache'] }, tallyOf('')), [
      'Re-run it:',
      '  npx nx run-many -t lint test --skip-nx-cache',
    ]);
  });
});

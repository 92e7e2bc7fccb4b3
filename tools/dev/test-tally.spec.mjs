import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TestTally, rerunCommand } from './test-tally.mjs';

const ESC = String.fromCharCode(27);
const colour = (code, text) => `${ESC}[${code}m${text}${ESC}[0m`;

// Nx's static output of `nx run-many -t lint test` with one failing jest file, as jest colours it
// (the badges are inverse video) and with the carriage returns Nx leaves in.
const FAILED_RUN = [
  '> nx run shared-domain:test',
  '> jest\r',
  '\r',
  `${colour('7;1;32', ' PASS ')} ${colour('7;37', ' shared-domain ')} ${colour(2, 'src/')}${colour(1, 'csv.spec.ts')}`,
  `${colour('7;1;31', ' FAIL ')} ${colour('7;37', ' shared-domain ')} ${colour(2, 'src/')}${colour(1, 'enrollments.spec.ts')} (5.12 s)`,
  '  ● enrollments › waitlists the trainee when the session is full',
  '    Expected: 2',
  '    Received: 1',
  `${colour(1, 'Tests:       ')}${colour(31, '1 failed')}, ${colour(32, '44 passed')}, 45 total`,
  '> nx run api-identity:lint',
  '  12:3  error  Unexpected any  @typescript-eslint/no-explicit-any',
  '> nx run api-identity:test',
  'Summary of all failing tests',
  ' FAIL   api-identity  src/auth/auth.service.spec.ts',
  'Tests:       2 failed, 30 passed, 32 total',
  '',
  ' NX   Running targets lint, test for 3 projects failed',
  '',
  'Tasks not run because their dependencies failed or --nx-bail=true:',
  '',
  '- api-catalogue:test',
  '',
  'Failed tasks:',
  '',
  '- shared-domain:test',
  '- api-identity:lint',
  '- api-identity:test',
  '',
  '  Run duration:      7.9s',
].join('\n');

function tallyOf(...chunks) {
  const tally = new TestTally();
  for (const chunk of chunks) tally.feed(Buffer.from(chunk));
  tally.flush();
  return tally;
}

describe('TestTally', () => {
  it('adds up the counts of every jest run', () => {
    const tally = tallyOf(FAILED_RUN);
    assert.equal(tally.passed, 74);
    assert.equal(tally.failed, 3);
  });

  it('names the failing jest files under their Nx task, and the failed tasks without files', () => {
    assert.deepEqual(tallyOf(FAILED_RUN).failures(), [
      { task: 'shared-domain:test', files: ['src/enrollments.spec.ts'] },
      { task: 'api-identity:test', files: ['src/auth/auth.service.spec.ts'] },
      { task: 'api-identity:lint', files: [] },
    ]);
  });

  it('reads lines split across chunks and counts a file once when jest repeats it', () => {
    const line = ' FAIL   api  apps/api/test/health.api-test.ts';
    const tally = tallyOf(
      '> nx run api:e2e\n',
      line.slice(0, 9),
      `${line.slice(9)}\n`,
      `${line}\n`,
    );
    assert.deepEqual(tally.failures(), [
      { task: 'api:e2e', files: ['apps/api/test/health.api-test.ts'] },
    ]);
  });

  it('ignores output that merely starts with FAIL', () => {
    const tally = tallyOf('> nx run web:lint\nFAIL  the build is broken\n');
    assert.deepEqual(tally.failures(), []);
  });

  it('reports nothing when every task passed', () => {
    const passed = FAILED_RUN.split('\n')
      .filter((line) => !/FAIL|Failed tasks|^- /.test(line))
      .join('\n');
    assert.deepEqual(tallyOf(passed).failures(), []);
  });
});

describe('rerunCommand', () => {
  it('re-runs only the failing files of a jest task, by path', () => {
    assert.equal(
      rerunCommand({
        task: 'api:e2e',
        files: ['apps/api/test/a.api-test.ts', 'apps/api/test/b.api-test.ts'],
      }),
      'npx nx run api:e2e -- --runTestsByPath apps/api/test/a.api-test.ts apps/api/test/b.api-test.ts',
    );
  });

  it('re-runs a failed task that names no test file as a whole', () => {
    assert.equal(
      rerunCommand({ task: 'api-identity:lint', files: [] }),
      'npx nx run api-identity:lint',
    );
  });

  it('quotes a file name the shell would misread', () => {
    assert.equal(
      rerunCommand({ task: 'web-e2e:e2e', files: ['src/(admin)/imports.e2e.ts'] }),
      "npx nx run web-e2e:e2e -- --runTestsByPath 'src/(admin)/imports.e2e.ts'",
    );
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';
import { login, register, uniqueEmail } from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

const ROOT = join(__dirname, '../../../..');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('admin:create, the command an operator runs', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  /** The real CLI entry point in a child process, on the test's database, with `stdin` piped in. */
  function cli(args: string[], stdin = ''): Promise<Outcome> {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'apps/api/src/cli.ts'), 'admin:create', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: api.config.DATABASE_URL,
          REDIS_URL: api.config.REDIS_URL,
          QUEUE_PREFIX: api.config.QUEUE_PREFIX,
          SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin);
    return new Promise((resolve) =>
      child.once('exit', (code) => resolve({ code, stdout, stderr })),
    );
  }

  it('reads the password from standard input, without its final line break', async () => {
    const email = uniqueEmail('operator');
    const password = 'grenade-safran-2026!';
    const outcome = await cli(['--email', email, '--password-stdin'], `${password}\n`);
    expect(outcome).toMatchObject({ code: 0, stdout: `Created admin ${email}.\n` });
    expect(outcome.stdout + outcome.stderr).not.toContain(password);
    const session = await login(api, email, password);
    expect(session.user.roles).toEqual(['admin']);
  }, 120_000);

  it('refuses to promote an existing account without --promote, and promotes it with', async () => {
    const person = await register(api);
    const refused = await cli(
      ['--email', person.email, '--password-stdin'],
      'sans-importance-42\n',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--promote');
    expect((await login(api, person.email, person.password)).user.roles).toEqual(['trainee']);

    const promoted = await cli(
      ['--email', person.email, '--password-stdin', '--promote'],
      'sans-importance-42\n',
    );
    expect(promoted).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Promoted/) });
    // The account keeps its own password.
    expect((await login(api, person.email, person.password)).user.roles).toEqual([
      'trainee',
      'admin',
    ]);
  }, 120_000);

  it('wants exactly one of --password and --password-stdin', async () => {
    const email = uniqueEmail('operator');
    const both = await cli(['--email', email, '--password', 'x', '--password-stdin'], 'y\n');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--password-stdin');
    const neither = await cli(['--email', email]);
    expect(neither.code).toBe(1);
  }, 120_000);
});

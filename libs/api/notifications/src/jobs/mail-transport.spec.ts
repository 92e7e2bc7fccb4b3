import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@oris/api/platform';
import { parseMessage } from '../testing/parse-message';
import { renderEmail } from '../templates/render-email';
import { createMailTransport } from './mail-transport';

const silent = { log: jest.fn() } as never;

describe('createMailTransport', () => {
  let directory: string;
  beforeEach(async () => (directory = await mkdtemp(join(tmpdir(), 'oris-mail-'))));
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('writes an .eml file per email when no SMTP_URL is set', async () => {
    const transport = createMailTransport(
      loadConfig({ NODE_ENV: 'test', MAIL_DROP_DIR: directory }),
      silent,
    );
    expect(transport.destination).toBe(`.eml files in ${directory}`);
    const rendered = renderEmail(
      'welcome',
      'ar',
      { confirmUrl: 'http://localhost:4200/confirm-email?token=t' },
      { webUrl: 'http://localhost:4200' },
    );
    const { messageId } = await transport.send({
      id: 'a1b2',
      to: 'amina@example.ma',
      locale: 'ar',
      ...rendered,
    });
    expect(messageId).toBe('<a1b2@oris.example>');
    const [file] = await readdir(directory);
    expect(file).toMatch(/-a1b2\.eml$/);
    const message = parseMessage(await readFile(join(directory, file), 'utf8'));
    expect(message.subject).toBe(rendered.subject);
    expect(message.text).toBe(rendered.text);
    expect(message.html).toContain('dir="rtl"');
    expect(message.headers['to']).toBe('amina@example.ma');
    expect(message.headers['auto-submitted']).toBe('auto-generated');
    transport.close();
  });

  it('describes an SMTP destination without its password', () => {
    const transport = createMailTransport(
      loadConfig({ NODE_ENV: 'test', SMTP_URL: 'smtp://oris:s3cret@mail.example:2525' }),
    );
    expect(transport.destination).toBe('SMTP smtp://oris:***@mail.example:2525');
    transport.close();
  });

  it('refuses to start in production without SMTP_URL', () => {
    expect(() =>
      createMailTransport(
        loadConfig({
          NODE_ENV: 'production',
          JWT_SECRET: 'x'.repeat(40),
          CREDENTIAL_SIGNING_SEED: 'ab'.repeat(32),
        }),
      ),
    ).toThrow(/SMTP_URL/);
  });
});

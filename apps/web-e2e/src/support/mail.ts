import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

function mailDir(): string {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is unset: the global setup did not run');
  return dir;
}

/** Reads an .eml body as text: quoted-printable soft breaks joined and `=3D` decoded. */
function decode(eml: string): string {
  return eml.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
}

/** Waits for the worker to deliver an email to `recipient` whose text matches `pattern`. */
export async function waitForEmail(
  recipient: string,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = await readdir(mailDir()).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith('.eml'))) {
      const text = decode(await readFile(join(mailDir(), file), 'utf8'));
      const match = text.includes(recipient) ? text.match(pattern) : null;
      if (match) return match;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No email to ${recipient} matching ${pattern} within ${timeoutMs} ms`);
}

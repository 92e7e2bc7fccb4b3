// The chaos run's SMTP server: it keeps every message it accepts, for the exactly-once checks.
import { requireFromRoot } from '../dev/lib.mjs';

/** Every message the sink accepted, by Message-ID. */
export async function startSmtpSink() {
  const { SMTPServer } = requireFromRoot('smtp-server');
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
        const messageId = /^message-id:\s*(.+)$/im.exec(head)?.[1].trim() ?? null;
        messages.push({
          messageId,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          pdf: /application\/pdf/i.test(raw),
        });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    messages,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

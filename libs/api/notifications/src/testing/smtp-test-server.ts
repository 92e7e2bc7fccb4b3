import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMessage, type ParsedMessage } from './parse-message';

export interface ReceivedEmail extends ParsedMessage {
  /** Envelope recipients. */
  to: string[];
  from: string;
  raw: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  url: string;
  /** Every email accepted so far, in order. */
  readonly messages: ReceivedEmail[];
  /** Recipients refused so far by `refuse`. */
  readonly refusals: number;
  /** Resolves with the first email (already received or to come) that matches. */
  waitFor(
    predicate?: (email: ReceivedEmail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEmail>;
  /** Refuses the next `count` recipients (RCPT TO) with this reply code (451: try again later). */
  refuse(count: number, responseCode?: number): void;
  /** Holds each message this long before accepting it: a slow server. */
  delayAcceptance(ms: number): void;
  close(): Promise<void>;
}

/** A local SMTP server that keeps what it receives, for tests of real email delivery. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  let toRefuse = 0;
  let refuseCode = 451;
  let refusals = 0;
  let delayMs = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (toRefuse > 0) {
        toRefuse -= 1;
        refusals += 1;
        const error = Object.assign(new Error('Mailbox temporarily unavailable'), {
          responseCode: refuseCode,
        });
        return callback(error);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          messages.push({
            ...parseMessage(raw),
            raw,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          });
          waiters.forEach((wake) => wake());
          callback();
        };
        if (delayMs > 0) setTimeout(accept, delayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get refusals() {
      return refusals;
    },
    waitFor(predicate = () => true, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`No matching email within ${timeoutMs} ms (received ${messages.length})`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    refuse(count, responseCode = 451) {
      toRefuse = count;
      refuseCode = responseCode;
    },
    delayAcceptance(ms) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

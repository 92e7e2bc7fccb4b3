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
  /** Recipients and messages refused so far by `refuse` and `refuseData`. */
  readonly refusals: number;
  /** Resolves with the first email (already received or to come) that matches. */
  waitFor(
    predicate?: (email: ReceivedEmail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEmail>;
  /** Refuses the next `count` recipients (RCPT TO) with this reply code (451: try again later). */
  refuse(count: number, responseCode?: number): void;
  /** Refuses the next `count` messages after their data arrived (DATA), with this reply code. */
  refuseData(count: number, responseCode?: number): void;
  /**
   * Runs this when a message has arrived and before the server answers it (the client waits for
   * the answer meanwhile): the moment between "sent" and "accepted". `undefined` removes it.
   */
  beforeAccept(hook: ((email: ReceivedEmail) => Promise<void>) | undefined): void;
  /** Holds each message this long before accepting it: a slow server. */
  delayAcceptance(ms: number): void;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Listen on this loopback port (one reserved by the test), not on one the system picks. */
  port?: number;
}

/** A local SMTP server that keeps what it receives, for tests of real email delivery. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  let toRefuse = 0;
  let refuseCode = 451;
  let refusals = 0;
  let dataToRefuse = 0;
  let dataRefuseCode = 451;
  let delayMs = 0;
  let hook: ((email: ReceivedEmail) => Promise<void>) | undefined;

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
        const email: ReceivedEmail = {
          ...parseMessage(raw),
          raw,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        if (dataToRefuse > 0) {
          dataToRefuse -= 1;
          refusals += 1;
          const error = Object.assign(new Error('Message not accepted for now'), {
            responseCode: dataRefuseCode,
          });
          return callback(error);
        }
        const accept = () => {
          messages.push(email);
          waiters.forEach((wake) => wake());
          callback();
        };
        const beforeAccepting = hook ? hook(email) : Promise.resolve();
        beforeAccepting.then(
          () => (delayMs > 0 ? setTimeout(accept, delayMs) : accept()),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
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
    refuseData(count, responseCode = 451) {
      dataToRefuse = count;
      dataRefuseCode = responseCode;
    },
    beforeAccept(newHook) {
      hook = newHook;
    },
    delayAcceptance(ms) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

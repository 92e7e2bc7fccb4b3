import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { AppConfig, InvalidConfigError } from '@oris/api/platform';
import { createTransport } from 'nodemailer';

export interface OutgoingEmail {
  /** The outbox row's id: names the message (Message-ID) and the dropped file. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
  /** Files sent with the email, already read from storage. */
  attachments?: OutgoingAttachment[];
}

export interface OutgoingAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** Where emails go: an SMTP server, or `.eml` files in development. */
export interface MailTransport {
  /** Where emails go, for the logs; never contains credentials. */
  readonly destination: string;
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

function message(config: AppConfig, email: OutgoingEmail) {
  const domain = config.MAIL_FROM.split('@').pop();
  return {
    from: { name: 'ORIS Academy', address: config.MAIL_FROM },
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    // The same id on every attempt: if a crash makes an email go twice, clients can fold the copies.
    messageId: `<${email.id}@${domain}>`,
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': email.locale },
    attachments: (email.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: attachment.contentType,
      contentDisposition: 'attachment' as const,
    })),
  };
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** SMTP when `SMTP_URL` is set; otherwise `.eml` files under `MAIL_DROP_DIR` (refused in production). */
export function createMailTransport(
  config: AppConfig,
  logger = new Logger('MailTransport'),
): MailTransport {
  if (config.SMTP_URL) {
    const smtp = createTransport({
      url: config.SMTP_URL,
      pool: true,
      maxConnections: 4,
      ...SMTP_TIMEOUTS,
    });
    return {
      destination: `SMTP ${redacted(config.SMTP_URL)}`,
      send: async (email) => {
        const info = await smtp.sendMail(message(config, email));
        return { messageId: info.messageId };
      },
      close: () => smtp.close(),
    };
  }
  if (config.isProduction) {
    throw new InvalidConfigError([
      'SMTP_URL: required in production, or emails would only be written to files',
    ]);
  }
  const directory = resolve(config.MAIL_DROP_DIR);
  const files = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    destination: `.eml files in ${directory}`,
    send: async (email) => {
      const info = await files.sendMail(message(config, email));
      const path = resolve(
        directory,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.id}.eml`,
      );
      await mkdir(directory, { recursive: true });
      await writeFile(path, info.message as Buffer);
      logger.log(`Email "${email.subject}" to ${email.to} written to ${path}`);
      return { messageId: info.messageId };
    },
    close: () => files.close(),
  };
}

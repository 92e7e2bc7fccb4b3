import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgChannelHandlers {
  /** A transaction that sent `pg_notify(channel, payload)` has committed. */
  notified(payload: string): void;
  /**
   * The session listens (first time or again): notifications sent while it was not listening are
   * lost, so the caller catches up another way.
   */
  listening(): void;
  /** The listening session ended (it reconnects by itself); not called by `stop()`. */
  lost(): void;
}

export interface PgChannelListenerOptions {
  connectionString: string;
  /** Shown in `pg_stat_activity.application_name`, so the session can be found. */
  applicationName: string;
  /** A plain lower-case identifier. */
  channel: string;
  /** Who listens, for the logs (e.g. 'Search cache'). */
  label: string;
  /** Delays between attempts, doubling from the first to the maximum: 1 s → 30 s by default. */
  retry?: { firstMs: number; maxMs: number };
  /** What a failure means for the owner, appended to the warning. */
  whileLost?: string;
}

const DEFAULT_RETRY = { firstMs: 1_000, maxMs: 30_000 };
const WARN_EVERY_MS = 30_000;

/**
 * A PostgreSQL session of its own that LISTENs to one channel. LISTEN belongs to a session, so it
 * cannot borrow the pool's connections; TCP keepalive lets a dead link end the session, after which
 * it reconnects with a growing delay until stopped. An older session that ends after a newer one
 * began is ignored. Warnings are at most one per 30 s.
 */
export class PgChannelListener {
  private readonly logger: Logger;
  private readonly retry: { firstMs: number; maxMs: number };
  /** The current session, connecting or listening. */
  private client?: Client;
  private isListening = false;
  private retryMs: number;
  private retryTimer?: NodeJS.Timeout;
  private attempt?: Promise<void>;
  private stopped = true;
  private lastWarning = -Infinity;

  constructor(
    private readonly options: PgChannelListenerOptions,
    private readonly handlers: PgChannelHandlers,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) {
      throw new Error(`Not a plain channel name: ${options.channel}`);
    }
    this.logger = new Logger(options.label);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.retryMs = this.retry.firstMs;
  }

  /** Whether the current session has done its LISTEN. */
  get listening(): boolean {
    return this.isListening;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = this.connect();
  }

  /** Resolves once the current attempt listens or has failed (it then retries on its own). */
  ready(): Promise<void> {
    return this.attempt ?? Promise.resolve();
  }

  /** Ends the session and the retries; no handler is called afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.attempt;
    const client = this.client;
    this.client = undefined;
    this.isListening = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { channel } = this.options;
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    this.client = client;
    // Without a listener an 'error' event would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (this.client === client && !this.stopped && message.channel === channel) {
        this.handlers.notified(message.payload ?? '');
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.stopped || this.client !== client) return;
    if (this.retryMs > this.retry.firstMs) this.logger.log(`Listening to ${channel} again`);
    this.retryMs = this.retry.firstMs;
    this.isListening = true;
    this.handlers.listening();
  }

  /** The session ended or never began: another one later, unless stopping. */
  private lost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const wasListening = this.isListening;
    this.isListening = false;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.retry.maxMs);
    this.warn(error?.message ?? 'session ended', delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) this.attempt = this.connect();
    }, delay);
    this.retryTimer.unref();
    if (wasListening) this.handlers.lost();
  }

  private warn(reason: string, delay: number): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    const consequence = this.options.whileLost ? `; ${this.options.whileLost}` : '';
    this.logger.warn(
      `Not listening to ${this.options.channel} (${reason}), next attempt in ${delay} ms${consequence}`,
    );
  }
}

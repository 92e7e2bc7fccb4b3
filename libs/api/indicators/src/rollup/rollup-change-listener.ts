import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@oris/api/platform';
import { Client } from 'pg';
import { ROLLUP_SOURCES_CHANNEL } from './insertion-rollup.service';

export interface RollupChangeHandlers {
  /** A transaction that changed what the rollup reads has committed (`table` changed). */
  changed(table: string): void;
  /**
   * The session listens (again): notifications sent while it was not listening are lost, so the
   * caller looks for changes another way (the signature).
   */
  connected(): void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * A PostgreSQL session of its own that LISTENs to the source tables' notifications. LISTEN
 * belongs to a session, so it cannot borrow the pool's connections; TCP keepalive lets a dead
 * link end the session, after which it reconnects with a growing delay until it is stopped.
 */
@Injectable()
export class RollupChangeListener {
  private readonly logger = new Logger(RollupChangeListener.name);
  /** The current session, connecting or listening; an older one that ends is ignored. */
  private client?: Client;
  private handlers?: RollupChangeHandlers;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer?: NodeJS.Timeout;
  private connecting?: Promise<void>;
  private stopped = false;

  constructor(private readonly config: AppConfig) {}

  start(handlers: RollupChangeHandlers): void {
    this.handlers = handlers;
    this.stopped = false;
    this.connecting = this.connect();
  }

  /** Resolves once the current attempt listens or has failed (it then retries on its own). */
  ready(): Promise<void> {
    return this.connecting ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'oris-worker-rollup-listener',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    this.client = client;
    // Without a listener an 'error' event would crash the process; 'end' follows it.
    client.on('error', (error) => this.logger.warn(`Rollup listener: ${error.message}`));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel === ROLLUP_SOURCES_CHANNEL) this.handlers?.changed(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ROLLUP_SOURCES_CHANNEL}`);
    } catch (error) {
      if (!this.stopped) {
        this.logger.warn(
          `Rollup listener cannot listen: ${error instanceof Error ? error.message : error}`,
        );
      }
      this.lost(client);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.stopped || this.client !== client) return;
    if (this.retryMs > FIRST_RETRY_MS) this.logger.log('Rollup listener listening again');
    this.retryMs = FIRST_RETRY_MS;
    this.handlers?.connected();
  }

  /** The session ended or never began: another one later, unless stopping. */
  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.stopped) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) this.connecting = this.connect();
    }, delay);
  }
}

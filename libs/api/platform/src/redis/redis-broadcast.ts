import { Logger } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';

export interface BroadcastListener {
  /** A message published by any process, this one included. */
  message(payload: string): void;
  /**
   * The subscription started, or stopped (`live` false): messages published meanwhile were
   * missed, so whatever they would have corrected must be dropped.
   */
  liveChanged(live: boolean): void;
}

const WARN_EVERY_MS = 30_000;

/**
 * One Redis pub/sub channel between the API processes, for signals such as "forget this cached
 * answer". It is `live` only while its subscription is confirmed: a process that relies on the
 * signals (a cache) must not rely on them while it could be missing some.
 *
 * Two connections of its own: a subscribing connection can run nothing else, and publishing
 * fails fast while Redis is down instead of queueing.
 */
export class RedisBroadcast {
  private readonly logger = new Logger(RedisBroadcast.name);
  private readonly subscriber: Redis;
  private readonly publisher: Redis;
  private subscribed = false;
  private closed = false;
  private lastWarning = 0;

  constructor(
    options: RedisOptions,
    private readonly channel: string,
    private readonly listener: BroadcastListener,
  ) {
    // Subscribed again by hand on every connection, so that `live` turns true only once
    // Redis has confirmed the subscription.
    this.subscriber = new Redis({
      ...options,
      lazyConnect: true,
      autoResubscribe: false,
      // Named, so that `CLIENT LIST` tells what each connection is for.
      connectionName: `${channel}:subscriber`,
    });
    this.publisher = new Redis({
      ...options,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      commandTimeout: 500,
    });
    this.subscriber.on('ready', () => this.subscribe());
    this.subscriber.on('close', () => this.setLive(false));
    this.subscriber.on('message', (channel: string, payload: string) => {
      if (channel === this.channel) this.listener.message(payload);
    });
    this.subscriber.on('error', (error) => this.warn('subscriber', error));
    this.publisher.on('error', (error) => this.warn('publisher', error));
  }

  get live(): boolean {
    return this.subscribed;
  }

  /** Connects both connections; they reconnect by themselves after an outage. */
  start(): void {
    this.subscriber.connect().catch((error) => this.warn('subscriber', error));
    this.publisher.connect().catch((error) => this.warn('publisher', error));
  }

  /** Sends `payload` to every subscribed process; false (and a warning) when Redis is unreachable. */
  async publish(payload: string): Promise<boolean> {
    try {
      await this.publisher.publish(this.channel, payload);
      return true;
    } catch (error) {
      this.warn('publisher', error);
      return false;
    }
  }

  close(): void {
    this.closed = true;
    this.setLive(false);
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private async subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
      if (!this.closed && this.subscriber.status === 'ready') this.setLive(true);
    } catch (error) {
      // The connection dropped in between: its next 'ready' subscribes again.
      this.warn('subscriber', error);
    }
  }

  private setLive(live: boolean): void {
    if (this.subscribed === live) return;
    this.subscribed = live;
    this.listener.liveChanged(live);
  }

  private warn(connection: string, error: unknown): void {
    if (this.closed) return;
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Redis channel ${this.channel} (${connection}) unreachable: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
}

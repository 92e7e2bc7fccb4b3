import { Injectable } from '@nestjs/common';
import { PgChannelListener } from '@oris/api/database';
import { AppConfig } from '@oris/api/platform';
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

/**
 * The worker's session LISTENing to the source tables' notifications (a `PgChannelListener`:
 * its own connection, reconnecting with a growing delay until stopped).
 */
@Injectable()
export class RollupChangeListener {
  private listener?: PgChannelListener;

  constructor(private readonly config: AppConfig) {}

  start(handlers: RollupChangeHandlers): void {
    void this.listener?.stop();
    this.listener = new PgChannelListener(
      {
        connectionString: this.config.DATABASE_URL,
        applicationName: 'oris-worker-rollup-listener',
        channel: ROLLUP_SOURCES_CHANNEL,
        label: 'Rollup listener',
        whileLost: 'the signature check finds the changes meanwhile',
      },
      {
        notified: (table) => handlers.changed(table),
        listening: () => handlers.connected(),
        lost: () => undefined,
      },
    );
    this.listener.start();
  }

  /** Resolves once the current attempt listens or has failed (it then retries on its own). */
  ready(): Promise<void> {
    return this.listener?.ready() ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
  }
}

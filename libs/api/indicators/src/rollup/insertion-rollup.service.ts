import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { rollupRebuildStatements } from '../engine/rollup-rebuild';

export const INSERTION_ROLLUP = 'insertion';

export interface RollupState {
  refreshedAt: Date;
  signature: string;
  rowCount: number;
  durationMs: number;
}

export async function readRollupState(dataSource: DataSource): Promise<RollupState | null> {
  const rows: RollupState[] = await dataSource.query(
    `SELECT refreshed_at AS "refreshedAt", signature, row_count AS "rowCount", duration_ms AS "durationMs"
       FROM indicator_rollup_state WHERE name = $1`,
    [INSERTION_ROLLUP],
  );
  return rows[0] ?? null;
}

/**
 * What the rollup depends on, summarised cheaply: when it differs from the one stored with the
 * last refresh, something changed (a completion, a certificate, a situation version, a person's
 * gender or birth year, a session's dates, a follow-up answer) and a refresh is due. The worker
 * learns of changes from the tables' notifications (`ROLLUP_SOURCES_CHANNEL`); the signature is
 * its safety net for the ones it missed while its listening connection was down.
 */
export const SIGNATURE_SQL = `
  SELECT concat_ws('|',
    (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM enrollment WHERE status = 'completed'),
    (SELECT count(*) || ':' || coalesce(max(greatest(issued_at, revoked_at))::text, '') FROM certificate),
    (SELECT count(*) || ':' || coalesce(max(greatest(created_at, superseded_at))::text, '') FROM placement_version),
    (SELECT coalesce(max(updated_at)::text, '') FROM users),
    (SELECT coalesce(max(updated_at)::text, '') FROM course_session),
    (SELECT count(answered_at) || ':' || coalesce(max(answered_at)::text, '') FROM followup)
  ) AS signature`;

/**
 * The channel the source tables' triggers notify (migration InsertionRollupMonthlyAndNotify),
 * with the changed table's name as payload.
 */
export const ROLLUP_SOURCES_CHANNEL = 'indicator_sources_changed';

/** Arbitrary, fixed: one rebuild at a time across every worker process. */
const REBUILD_LOCK = 7_265_001;

/**
 * Rebuilds the rollup from the current state in one REPEATABLE READ transaction: readers keep
 * seeing the previous rows until it commits, and the stored signature describes exactly the
 * snapshot the rows were computed from.
 */
@Injectable()
export class InsertionRollup {
  private readonly logger = new Logger(InsertionRollup.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  state(): Promise<RollupState | null> {
    return readRollupState(this.dataSource);
  }

  async signature(): Promise<string> {
    const [{ signature }] = await this.dataSource.query(SIGNATURE_SQL);
    return signature;
  }

  /** Rebuilds; returns the new state, or null when another process is rebuilding right now. */
  async refresh(): Promise<RollupState | null> {
    const started = Date.now();
    const state = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
        REBUILD_LOCK,
      ]);
      if (!locked) return null;
      const [{ signature }] = await manager.query(SIGNATURE_SQL);
      for (const statement of rollupRebuildStatements()) await manager.query(statement);
      const [{ rowCount }] = await manager.query(
        `SELECT count(*)::int AS "rowCount" FROM insertion_rollup`,
      );
      const durationMs = Date.now() - started;
      const [row] = await manager.query(
        `INSERT INTO indicator_rollup_state (name, refreshed_at, signature, row_count, duration_ms)
         VALUES ($1, now(), $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET refreshed_at = now(), signature = EXCLUDED.signature,
           row_count = EXCLUDED.row_count, duration_ms = EXCLUDED.duration_ms
         RETURNING refreshed_at AS "refreshedAt", signature, row_count AS "rowCount", duration_ms AS "durationMs"`,
        [INSERTION_ROLLUP, signature, rowCount, durationMs],
      );
      return row as RollupState;
    });
    if (!state) return null;
    // Outside the transaction: marks the pages all-visible (the dashboard's index-only scans)
    // and refreshes the statistics, instead of waiting for autovacuum after a full rewrite.
    await this.dataSource.query(`VACUUM (ANALYZE) insertion_rollup, insertion_rollup_month`);
    this.logger.log(`Insertion rollup rebuilt: ${state.rowCount} rows in ${state.durationMs} ms`);
    return state;
  }
}

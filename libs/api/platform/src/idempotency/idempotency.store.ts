import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdempotencyErrorCode, IdempotencyException } from './idempotency.exception';

/** A record answers retries for this long, then the key may be used again. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/**
 * A record still in flight after this long belongs to a request that died (process killed
 * between its effect and its answer); a retry with the same request may then take it over.
 */
export const IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS = 120;

export interface IdempotentRequest {
  userId: string;
  key: string;
  method: string;
  path: string;
  hash: string;
}

export type ClaimOutcome = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown };

interface StoredRecord {
  method: string;
  path: string;
  request_hash: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
}

/** The PostgreSQL side of `@Idempotent()`: one row per (user, key), claimed before the handler runs. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request, or tells how to answer without running the handler:
   * the stored answer (replay), 409 while the first request is still running, 422 when the
   * key was used for a different request. One statement decides the race between duplicates.
   */
  async claim(request: IdempotentRequest): Promise<ClaimOutcome> {
    // A released record (the first attempt failed) can disappear between the two statements.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_record AS r (user_id, key, method, path, request_hash)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
               state = 'in_flight', response_status = NULL, response_body = NULL,
               created_at = now(), completed_at = NULL
           WHERE r.created_at < now() - make_interval(hours => $6)
              OR (r.state = 'in_flight' AND r.request_hash = EXCLUDED.request_hash
                  AND r.created_at < now() - make_interval(secs => $7))
         RETURNING 1`,
        [
          request.userId,
          request.key,
          request.method,
          request.path,
          request.hash,
          IDEMPOTENCY_TTL_HOURS,
          IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS,
        ],
      );
      if (claimed.length > 0) return { kind: 'claimed' };
      const [existing]: StoredRecord[] = await this.dataSource.query(
        `SELECT method, path, request_hash, state, response_status, response_body
           FROM idempotency_record WHERE user_id = $1 AND key = $2`,
        [request.userId, request.key],
      );
      if (existing) return outcomeFor(existing, request);
    }
    throw new IdempotencyException(
      IdempotencyErrorCode.KeyInFlight,
      'The request with this Idempotency-Key keeps failing; retry shortly.',
    );
  }

  /** Keeps the answer for retries. */
  async complete(request: IdempotentRequest, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_record
          SET state = 'completed', response_status = $3, response_body = $4::jsonb, completed_at = now()
        WHERE user_id = $1 AND key = $2 AND state = 'in_flight'`,
      [request.userId, request.key, status, JSON.stringify(body ?? null)],
    );
  }

  /** Forgets a claim whose request failed unexpectedly, so that a retry runs it again. */
  async release(request: IdempotentRequest): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_record WHERE user_id = $1 AND key = $2 AND state = 'in_flight'`,
      [request.userId, request.key],
    );
  }

  /** Deletes expired records; returns how many. */
  async purgeExpired(): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1)`,
      [IDEMPOTENCY_TTL_HOURS],
    );
    return affected;
  }
}

function outcomeFor(existing: StoredRecord, request: IdempotentRequest): ClaimOutcome {
  if (existing.request_hash !== request.hash) {
    const sameRoute = existing.method === request.method && existing.path === request.path;
    throw new IdempotencyException(
      IdempotencyErrorCode.KeyReused,
      sameRoute
        ? 'This Idempotency-Key was sent earlier with a different body; use a new key for a new request.'
        : `This Idempotency-Key was sent earlier to ${existing.method} ${existing.path}; use a new key for a new request.`,
    );
  }
  if (existing.state === 'in_flight' || existing.response_status === null) {
    throw new IdempotencyException(
      IdempotencyErrorCode.KeyInFlight,
      'The first request with this Idempotency-Key has not finished; retry in a moment.',
    );
  }
  return { kind: 'replay', status: existing.response_status, body: existing.response_body };
}

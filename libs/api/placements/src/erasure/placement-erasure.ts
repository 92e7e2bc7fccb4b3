import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ERASED_FULL_NAME, ErasureParticipants } from '@oris/api/identity';
import type { EntityManager } from 'typeorm';

/**
 * A person's erasure (law 09-08): their situations keep what the indicators count (kind,
 * contract, dates, region, source, evidence, validation, every version) and the registered
 * partner organisation, but lose the free text that could name or describe them: the employer
 * typed by hand and the position become "—" (the schema requires one where the kind has a place
 * of work), the officer's note goes. The sector stays: a branch of activity, kept for statistics.
 */
@Injectable()
export class PlacementErasure implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(private readonly participants: ErasureParticipants) {}

  onModuleInit(): void {
    this.unregister = this.participants.register({
      name: 'placements',
      erase: (manager, userId) => this.erase(manager, userId),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async erase(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE placement_version
          SET employer_name = CASE WHEN employer_name IS NULL THEN NULL ELSE $2 END,
              position = CASE WHEN position IS NULL THEN NULL ELSE $2 END,
              note = NULL
        WHERE user_id = $1`,
      [userId, ERASED_FULL_NAME],
    );
    // The person's requests to correct a situation are their own words, and the answers quote
    // them: both go, the request stays as the trace that one was made and answered.
    await manager.query(
      `UPDATE rectification_request
          SET message = $2, answer = CASE WHEN answer IS NULL THEN NULL ELSE $2 END
        WHERE user_id = $1`,
      [userId, ERASED_FULL_NAME],
    );
  }
}

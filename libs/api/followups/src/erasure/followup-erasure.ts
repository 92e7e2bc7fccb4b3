import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ErasureParticipants } from '@oris/api/identity';
import type { EntityManager } from 'typeorm';

/**
 * A person's erasure (law 09-08): nobody asks them again. Follow-ups not answered yet are
 * skipped and their survey links stop working; answers keep their date and channel (the
 * indicators count a person as having responded) but lose the officer's note.
 */
@Injectable()
export class FollowupErasure implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(private readonly participants: ErasureParticipants) {}

  onModuleInit(): void {
    this.unregister = this.participants.register({
      name: 'followups',
      erase: (manager, userId) => this.erase(manager, userId),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async erase(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE followup
          SET status = CASE WHEN status IN ('scheduled', 'due') THEN 'skipped' ELSE status END,
              token_hash = NULL, token_expires_at = NULL, note = NULL, updated_at = now()
        WHERE user_id = $1`,
      [userId],
    );
  }
}

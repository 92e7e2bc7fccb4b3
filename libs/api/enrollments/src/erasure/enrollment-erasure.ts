import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ErasureParticipants } from '@oris/api/identity';
import type { EntityManager } from 'typeorm';

/**
 * A person's erasure (law 09-08): enrollments keep what the indicators count (statuses, dates,
 * baseline categories, region) but lose the free text written about the person, the reason an
 * early completion was validated; their calendar subscription link stops working.
 */
@Injectable()
export class EnrollmentErasure implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(private readonly participants: ErasureParticipants) {}

  onModuleInit(): void {
    this.unregister = this.participants.register({
      name: 'enrollments',
      erase: (manager, userId) => this.erase(manager, userId),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async erase(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE enrollment SET early_completion_reason = NULL, updated_at = now()
        WHERE user_id = $1 AND early_completion_reason IS NOT NULL`,
      [userId],
    );
    await manager.query(`DELETE FROM calendar_feed WHERE user_id = $1`, [userId]);
  }
}

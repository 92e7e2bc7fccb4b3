import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ErasureParticipants } from '@oris/api/identity';
import type { EntityManager } from 'typeorm';

/**
 * A person's erasure (law 09-08): their choices about a session's announcement emails (which
 * sessions they muted, and the one-click unsubscribe link of their last email) go; nothing counts
 * them. Announcements a staff member wrote stay with the session, which still needs them; their
 * author is shown by name only while the account is not erased (`AnnouncementBoard`).
 */
@Injectable()
export class AnnouncementErasure implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(private readonly participants: ErasureParticipants) {}

  onModuleInit(): void {
    this.unregister = this.participants.register({
      name: 'announcements',
      erase: (manager, userId) => this.erase(manager, userId),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async erase(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM session_email_mute WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM announcement_unsubscribe WHERE user_id = $1`, [userId]);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

type FollowupWithdrawnHook = (manager: EntityManager, userId: string) => Promise<void>;

/**
 * Lets features that depend on identity act on a consent change inside the same transaction:
 * the follow-ups revoke a person's pending survey links the moment they withdraw, so no link
 * outlives the withdrawal, even for an instant.
 */
@Injectable()
export class ConsentHooks {
  private readonly followupWithdrawnHooks: FollowupWithdrawnHook[] = [];

  /** Subscribes; returns the unsubscribe function. */
  onFollowupWithdrawn(hook: FollowupWithdrawnHook): () => void {
    this.followupWithdrawnHooks.push(hook);
    return () => {
      const index = this.followupWithdrawnHooks.indexOf(hook);
      if (index >= 0) this.followupWithdrawnHooks.splice(index, 1);
    };
  }

  async followupWithdrawn(manager: EntityManager, userId: string): Promise<void> {
    for (const hook of this.followupWithdrawnHooks) await hook(manager, userId);
  }
}

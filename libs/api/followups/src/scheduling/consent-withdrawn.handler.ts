import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConsentHooks } from '@oris/api/identity';
import { FollowupScheduler } from './followup-scheduler.service';

/**
 * Revokes a person's pending survey links in the very transaction that records their
 * withdrawal of consent to follow-up: no link works a moment after the withdrawal commits.
 */
@Injectable()
export class ConsentWithdrawnHandler implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly hooks: ConsentHooks,
    private readonly scheduler: FollowupScheduler,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.hooks.onFollowupWithdrawn(async (manager, userId) => {
      await this.scheduler.withdrawPerson(manager, userId);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}

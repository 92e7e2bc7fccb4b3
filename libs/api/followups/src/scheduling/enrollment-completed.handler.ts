import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EnrollmentEvents } from '@oris/api/enrollments';
import { FollowupScheduler } from './followup-scheduler.service';

/**
 * Schedules a completer's three follow-ups as soon as the completion commits. Only a shortcut:
 * the worker's pass re-derives missing follow-ups from the data (the event may be lost), and both
 * insert under the same unique key, so the event firing twice or racing the pass adds nothing.
 */
@Injectable()
export class EnrollmentCompletedHandler implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly events: EnrollmentEvents,
    private readonly scheduler: FollowupScheduler,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.on('EnrollmentCompleted', async (event) => {
      await this.scheduler.scheduleEnrollment(event.enrollmentId);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}

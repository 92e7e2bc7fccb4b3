import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '@oris/api/enrollments';
import { IdentityModule } from '@oris/api/identity';
import { RateLimitModule } from '@oris/api/platform';
import { NotificationsModule } from '@oris/api/notifications';
import { PlacementsModule } from '@oris/api/placements';
import { FollowupErasure } from './erasure/followup-erasure';
import { FollowupsController } from './http/followups.controller';
import { SurveyController } from './http/survey.controller';
import { FollowupQueue } from './queue/followup-queue.service';
import { ConsentWithdrawnHandler } from './scheduling/consent-withdrawn.handler';
import { EnrollmentCompletedHandler } from './scheduling/enrollment-completed.handler';
import { FollowupScheduler } from './scheduling/followup-scheduler.service';
import { DemoFollowups } from './seed/demo-followups';
import { SurveyRateLimit } from './survey/survey-rate-limit';
import { SurveyService } from './survey/survey.service';

/**
 * Follow-ups at 6, 9 and 12 months, for the API: scheduling on completion, the public survey and
 * the officers' queue. The periodic pass (due emails, reminders) runs in the worker
 * (`FollowupsWorkerModule`).
 */
@Module({
  imports: [
    EnrollmentsModule,
    IdentityModule,
    NotificationsModule,
    PlacementsModule,
    RateLimitModule,
  ],
  controllers: [SurveyController, FollowupsController],
  providers: [
    FollowupScheduler,
    EnrollmentCompletedHandler,
    ConsentWithdrawnHandler,
    SurveyRateLimit,
    SurveyService,
    FollowupQueue,
    DemoFollowups,
    FollowupErasure,
  ],
  // DemoFollowups: for the CLI's demo seed only (it never runs by itself).
  exports: [FollowupScheduler, DemoFollowups, FollowupQueue],
})
export class FollowupsModule {}

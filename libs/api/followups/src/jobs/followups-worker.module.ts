import { DynamicModule, Module } from '@nestjs/common';
import { NotificationsModule } from '@oris/api/notifications';
import { FollowupScheduler } from '../scheduling/followup-scheduler.service';
import {
  DEFAULT_FOLLOWUPS_TICK_OPTIONS,
  FOLLOWUPS_TICK_OPTIONS,
  FollowupsTickWorker,
  type FollowupsTickOptions,
} from './followups-tick.worker';

/**
 * The follow-ups' periodic pass, imported by the worker only: a BullMQ job scheduler (fixed id)
 * and its worker, which schedules missing follow-ups, marks due ones and writes their emails, and
 * sends reminders. Needs `JobsModule` and `DatabaseModule`.
 */
@Module({})
export class FollowupsWorkerModule {
  static forRoot(options: Partial<FollowupsTickOptions> = {}): DynamicModule {
    return {
      module: FollowupsWorkerModule,
      imports: [NotificationsModule],
      providers: [
        {
          provide: FOLLOWUPS_TICK_OPTIONS,
          useValue: { ...DEFAULT_FOLLOWUPS_TICK_OPTIONS, ...options },
        },
        FollowupScheduler,
        FollowupsTickWorker,
      ],
      exports: [FollowupScheduler],
    };
  }
}

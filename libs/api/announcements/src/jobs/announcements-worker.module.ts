import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { NotificationsModule } from '@oris/api/notifications';
import { JobWorkerHost, JobWorkers, JOBS, QUEUES } from '@oris/api/platform';
import type { QueueOptions } from 'bullmq';
import {
  AnnouncementEmailQueue,
  announcementQueueProvider,
  DEFAULT_FAN_OUT_STALE_AFTER_MS,
} from '../email/announcement-email-queue';
import { AnnouncementFanOut } from './announcement-fan-out';

export interface AnnouncementsWorkerOptions {
  /** How often the sweeper hands the queue fan-outs that are not in it. */
  sweepIntervalMs: number;
  staleAfterMs: number;
}

const ANNOUNCEMENTS_WORKER_OPTIONS = Symbol('AnnouncementsWorkerOptions');

/** The BullMQ worker of the announcement queue: one job expands one announcement's emails. */
@Injectable()
export class AnnouncementWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnnouncementWorker.name);
  private readonly host: JobWorkerHost<typeof JOBS.fanOutAnnouncement>;

  constructor(
    @Inject(getSharedConfigToken()) queueOptions: QueueOptions,
    fanOut: AnnouncementFanOut,
    workers: JobWorkers,
  ) {
    this.host = new JobWorkerHost(queueOptions, {
      registry: workers,
      queue: QUEUES.announcements,
      job: JOBS.fanOutAnnouncement,
      label: 'Announcement worker',
      logger: this.logger,
      concurrency: 2,
      process: async (job) => {
        await fanOut.expand(job.data.announcementId);
      },
    });
  }

  onApplicationBootstrap(): void {
    this.host.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.host.close();
  }
}

/** The sweeper of fan-outs posted while Redis was down or whose job was lost (`PeriodicSweep`). */
export const AnnouncementEmailSweeper = Symbol('AnnouncementEmailSweeper');

/**
 * Announcement emails, imported by the worker only: the worker of the announcement queue and its
 * sweeper; the emails go through the notifications outbox. Needs `JobsModule` and `DatabaseModule`.
 */
@Module({})
export class AnnouncementsWorkerModule {
  static forRoot(options: Partial<AnnouncementsWorkerOptions> = {}): DynamicModule {
    return {
      module: AnnouncementsWorkerModule,
      imports: [NotificationsModule],
      providers: [
        {
          provide: ANNOUNCEMENTS_WORKER_OPTIONS,
          useValue: {
            sweepIntervalMs: 30_000,
            staleAfterMs: DEFAULT_FAN_OUT_STALE_AFTER_MS,
            ...options,
          },
        },
        announcementQueueProvider,
        AnnouncementEmailQueue,
        AnnouncementFanOut,
        AnnouncementWorker,
        {
          provide: AnnouncementEmailSweeper,
          inject: [AnnouncementEmailQueue, ANNOUNCEMENTS_WORKER_OPTIONS],
          useFactory: (queue: AnnouncementEmailQueue, settings: AnnouncementsWorkerOptions) =>
            queue.periodicSweep({
              intervalMs: settings.sweepIntervalMs,
              staleAfterMs: settings.staleAfterMs,
            }),
        },
      ],
      exports: [AnnouncementFanOut, AnnouncementEmailSweeper],
    };
  }
}

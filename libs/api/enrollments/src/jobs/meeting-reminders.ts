import {
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailOutbox, NotificationsModule } from '@oris/api/notifications';
import { PeriodicSweep } from '@oris/api/platform';
import {
  addDays,
  isoToMoroccoTime,
  type Locale,
  moroccoTimeToIso,
  todayInMorocco,
} from '@oris/shared/domain';
import { DataSource } from 'typeorm';

/** Reminders are for the next Moroccan day: a look every quarter of an hour is soon enough. */
export const MEETING_REMINDER_INTERVAL_MS = 15 * 60_000;

/** Reminders written per transaction, so a large day never holds one long transaction. */
const BATCH = 200;

interface DueReminder {
  startsAt: Date;
  endsAt: Date;
  sessionTitle: string;
  venue: string | null;
  onlineUrl: string | null;
  courseTitle: string;
  userId: string;
  email: string;
  fullName: string;
  locale: Locale;
}

/**
 * The day before a meeting, one email to each trainee holding a confirmed seat, in their
 * language, through the email outbox. A `meeting_reminder` row (primary key: meeting and
 * enrollment) is the sent-marker, written in the same transaction as the outbox row: however
 * many workers sweep, and whatever restarts, each trainee gets one reminder per meeting; a
 * competing insert waits for the first and then does nothing. "The day before" is the Moroccan
 * calendar's: a meeting starting tomorrow in Morocco is reminded from today's first sweep on.
 */
@Injectable()
export class MeetingReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
  ) {}

  /** Writes the reminders due at `now`; resolves to how many it wrote. */
  async sweep(now: Date = new Date()): Promise<number> {
    const tomorrow = addDays(todayInMorocco(now), 1);
    const from = moroccoTimeToIso(tomorrow, '00:00');
    const to = moroccoTimeToIso(addDays(tomorrow, 1), '00:00');
    let total = 0;
    for (;;) {
      const written = await this.dataSource.transaction(async (manager) => {
        const due: DueReminder[] = await manager.query(
          `WITH due AS (
             SELECT m.id AS meeting_id, e.id AS enrollment_id
               FROM session_meeting m
               JOIN course_session s ON s.id = m.session_id AND s.status <> 'cancelled'
               JOIN enrollment e ON e.session_id = s.id AND e.status = 'confirmed'
               JOIN users u ON u.id = e.user_id
                AND u.disabled_at IS NULL AND u.erased_at IS NULL
              WHERE m.starts_at >= $1 AND m.starts_at < $2 AND m.starts_at > $3
                AND NOT EXISTS (SELECT 1 FROM meeting_reminder r
                                 WHERE r.meeting_id = m.id AND r.enrollment_id = e.id)
              ORDER BY m.starts_at, m.id, e.id
              LIMIT $4
           ), marked AS (
             INSERT INTO meeting_reminder (meeting_id, enrollment_id)
             SELECT meeting_id, enrollment_id FROM due
             ON CONFLICT DO NOTHING
             RETURNING meeting_id, enrollment_id
           )
           SELECT m.starts_at AS "startsAt", m.ends_at AS "endsAt", s.title AS "sessionTitle",
                  s.venue, s.online_url AS "onlineUrl", c.title AS "courseTitle",
                  u.id AS "userId", u.email, u.full_name AS "fullName", u.locale
             FROM marked k
             JOIN session_meeting m ON m.id = k.meeting_id
             JOIN course_session s ON s.id = m.session_id
             JOIN course c ON c.id = s.course_id
             JOIN enrollment e ON e.id = k.enrollment_id
             JOIN users u ON u.id = e.user_id`,
          [from, to, now, BATCH],
        );
        for (const reminder of due) {
          const starts = isoToMoroccoTime(new Date(reminder.startsAt).toISOString());
          await this.outbox.add(manager, {
            to: reminder.email,
            template: 'meeting_reminder',
            locale: reminder.locale,
            userId: reminder.userId,
            params: {
              fullName: reminder.fullName,
              courseTitle: reminder.courseTitle,
              sessionTitle: reminder.sessionTitle,
              day: starts.day,
              startsAt: starts.time,
              endsAt: isoToMoroccoTime(new Date(reminder.endsAt).toISOString()).time,
              place: reminder.venue ?? '',
              onlineUrl: reminder.onlineUrl ?? '',
            },
          });
        }
        return due.length;
      });
      total += written;
      if (written > 0) this.outbox.dispatchPending();
      // A short batch is the last one; a competing worker's rows make a batch short as well.
      if (written < BATCH) return total;
    }
  }
}

/** Runs `MeetingReminders` at the worker's start and every quarter of an hour. */
@Injectable()
export class MeetingReminderSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;

  constructor(reminders: MeetingReminders) {
    this.periodic = new PeriodicSweep({
      what: 'meeting reminder(s)',
      sweep: () => reminders.sweep(),
      intervalMs: MEETING_REMINDER_INTERVAL_MS,
      logger: new Logger(MeetingReminderSweeper.name),
      describeResult: (count) => `Wrote ${count} meeting reminder(s) to the email outbox`,
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }
}

/**
 * The enrollments' periodic work; imported by the worker only. Needs `DatabaseModule` and
 * `JobsModule` (the email outbox).
 */
@Module({
  imports: [NotificationsModule],
  providers: [MeetingReminders, MeetingReminderSweeper],
  exports: [MeetingReminders],
})
export class EnrollmentsWorkerModule {}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashSecretToken, isSecretTokenShaped, newSecretToken } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import type { CalendarFeedDto, CalendarFeedLinkDto } from '../dto/timetable.dto';
import { CalendarFeed } from '../entities/calendar-feed.entity';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { timetableIcs, TimetableService } from './timetable.service';

export const CALENDAR_FEED_PATH = '/api/v1/calendar-feeds';

/**
 * A person's calendar subscription: a link a calendar app polls without signing in. The token
 * (256 random bits) is shown once; the database keeps its SHA-256, request logs replace it
 * (`loggableUrl`), and making a new link or revoking it ends the previous one at once.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timetable: TimetableService,
  ) {}

  async status(user: AuthenticatedUser): Promise<CalendarFeedDto> {
    const feed = await this.dataSource.manager.findOneBy(CalendarFeed, { userId: user.id });
    return { active: !!feed, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  async issue(user: AuthenticatedUser): Promise<CalendarFeedLinkDto> {
    const token = newSecretToken();
    const [row]: { createdAt: Date }[] = await this.dataSource.query(
      `INSERT INTO calendar_feed (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
       RETURNING created_at AS "createdAt"`,
      [user.id, hashSecretToken(token)],
    );
    return { path: `${CALENDAR_FEED_PATH}/${token}.ics`, createdAt: row.createdAt.toISOString() };
  }

  async revoke(user: AuthenticatedUser): Promise<void> {
    await this.dataSource.manager.delete(CalendarFeed, { userId: user.id });
  }

  /** The feed behind a link (`<token>.ics`); 404 for anything else, revoked links included. */
  async feed(file: string): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    if (!isSecretTokenShaped(token)) throw feedNotFound();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const feed = await manager.findOneBy(CalendarFeed, { tokenHash: hashSecretToken(token) });
      if (!feed) throw feedNotFound();
      return timetableIcs(
        'ORIS Academy',
        await this.timetable.entriesOfSeats(manager, feed.userId),
      );
    });
  }
}

const feedNotFound = () => new EnrollmentException(EnrollmentErrorCode.CalendarFeedNotFound);

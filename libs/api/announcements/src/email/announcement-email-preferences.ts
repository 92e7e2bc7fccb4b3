import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import { AnnouncementErrorCode, AnnouncementException } from '../announcements.exception';
import type { AnnouncementEmailPreferenceDto, UnsubscribedDto } from '../dto/announcement.dto';
import { AnnouncementAccess } from '../publishing/announcement-access';
import { hashUnsubscribeToken, isUnsubscribeTokenShaped } from './unsubscribe-token';

/**
 * Whether a trainee gets a session's announcements by email too. Muted, they still get every
 * announcement in the app. Changed from "My learning" (signed in) or by the single-use link of
 * an announcement email (no sign-in: the token is the credential).
 */
@Injectable()
export class AnnouncementEmailPreferences {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AnnouncementAccess,
  ) {}

  async get(user: AuthenticatedUser, sessionId: string): Promise<AnnouncementEmailPreferenceDto> {
    await this.access.forTrainee(this.dataSource.manager, user, sessionId);
    return { muted: await this.isMuted(user.id, sessionId) };
  }

  async set(
    user: AuthenticatedUser,
    sessionId: string,
    muted: boolean,
  ): Promise<AnnouncementEmailPreferenceDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.forTrainee(manager, user, sessionId);
      await manager.query(
        muted
          ? `INSERT INTO session_email_mute (user_id, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
          : `DELETE FROM session_email_mute WHERE user_id = $1 AND session_id = $2`,
        [user.id, sessionId],
      );
    });
    return { muted };
  }

  /** Spends an emailed link: mutes its session for its trainee. Unknown or used links are 404. */
  async unsubscribe(token: string): Promise<UnsubscribedDto> {
    if (!isUnsubscribeTokenShaped(token)) throw linkNotFound();
    return this.dataSource.transaction(async (manager) => {
      // A DELETE answers [rows, count].
      const [[spent]]: [{ userId: string; sessionId: string }[], number] = await manager.query(
        `DELETE FROM announcement_unsubscribe WHERE token_hash = $1
         RETURNING user_id AS "userId", session_id AS "sessionId"`,
        [hashUnsubscribeToken(token)],
      );
      if (!spent) throw linkNotFound();
      await manager.query(
        `INSERT INTO session_email_mute (user_id, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [spent.userId, spent.sessionId],
      );
      const [session]: UnsubscribedDto[] = await manager.query(
        `SELECT s.id AS "sessionId", s.title AS "sessionTitle", c.title AS "courseTitle"
           FROM course_session s JOIN course c ON c.id = s.course_id WHERE s.id = $1`,
        [spent.sessionId],
      );
      return session;
    });
  }

  /** The sessions the person muted (a trainee's "My learning" shows a switch for each). */
  async mutedSessions(user: AuthenticatedUser): Promise<string[]> {
    const rows: { sessionId: string }[] = await this.dataSource.query(
      `SELECT session_id AS "sessionId" FROM session_email_mute WHERE user_id = $1`,
      [user.id],
    );
    return rows.map((row) => row.sessionId);
  }

  private async isMuted(userId: string, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM session_email_mute WHERE user_id = $1 AND session_id = $2`,
      [userId, sessionId],
    );
    return rows.length > 0;
  }
}

const linkNotFound = () => new AnnouncementException(AnnouncementErrorCode.UnsubscribeLinkNotFound);

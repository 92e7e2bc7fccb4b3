import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailOutbox, type PreparedOutboxEmail } from '@oris/api/notifications';
import { SEAT_HOLDING_STATUSES, type Locale } from '@oris/shared/domain';
import type { DataSource } from 'typeorm';
import { hashUnsubscribeToken, newUnsubscribeToken } from '../email/unsubscribe-token';

interface Recipient {
  userId: string;
  email: string;
  fullName: string;
  locale: Locale;
}

/**
 * Expands one announcement into one email per trainee holding a seat who did not mute the
 * session, in their language. Idempotent: under the announcement's row lock, only a `pending`
 * announcement is expanded, and it is marked `sent` in the transaction that writes the emails and
 * the recipients' unsubscribe links, so a repeated or concurrent job writes nothing twice.
 * Answers how many emails it wrote.
 */
@Injectable()
export class AnnouncementFanOut {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
  ) {}

  async expand(announcementId: string): Promise<number> {
    const written = await this.dataSource.transaction(async (manager) => {
      const [announcement]: {
        sessionId: string;
        title: string;
        body: string;
        sessionTitle: string;
        courseTitle: string;
        authorName: string;
      }[] = await manager.query(
        `SELECT a.session_id AS "sessionId", a.title, a.body, s.title AS "sessionTitle",
                c.title AS "courseTitle", COALESCE(CASE WHEN u.erased_at IS NULL THEN u.full_name END, 'ORIS Academy') AS "authorName"
           FROM announcement a
           JOIN course_session s ON s.id = a.session_id
           JOIN course c ON c.id = s.course_id
           LEFT JOIN users u ON u.id = a.author_id
          WHERE a.id = $1 AND a.email_state = 'pending'
          FOR UPDATE OF a`,
        [announcementId],
      );
      // Deleted, already expanded, or never meant for email: nothing to do.
      if (!announcement) return 0;
      const recipients: Recipient[] = await manager.query(
        `SELECT DISTINCT u.id AS "userId", u.email, u.full_name AS "fullName", u.locale
           FROM enrollment e
           JOIN users u ON u.id = e.user_id AND u.disabled_at IS NULL AND u.erased_at IS NULL
          WHERE e.session_id = $1 AND e.status = ANY($2)
            AND NOT EXISTS (SELECT 1 FROM session_email_mute m
                             WHERE m.user_id = u.id AND m.session_id = e.session_id)`,
        [announcement.sessionId, [...SEAT_HOLDING_STATUSES]],
      );
      const emails: PreparedOutboxEmail[] = [];
      const links: { userId: string; tokenHash: Buffer }[] = [];
      for (const recipient of recipients) {
        const token = newUnsubscribeToken();
        links.push({ userId: recipient.userId, tokenHash: hashUnsubscribeToken(token) });
        emails.push(
          this.outbox.prepare({
            to: recipient.email,
            template: 'session_announcement',
            locale: recipient.locale,
            userId: recipient.userId,
            params: {
              fullName: recipient.fullName,
              authorName: announcement.authorName,
              courseTitle: announcement.courseTitle,
              sessionTitle: announcement.sessionTitle,
              title: announcement.title,
              body: announcement.body,
              sessionId: announcement.sessionId,
              unsubscribeToken: token,
            },
          }),
        );
      }
      if (links.length > 0) {
        // Each email's link replaces the previous one of the same trainee and session.
        await manager.query(
          `INSERT INTO announcement_unsubscribe (user_id, session_id, token_hash)
           SELECT recipient, $2, hash FROM unnest($1::uuid[], $3::bytea[]) AS link(recipient, hash)
           ON CONFLICT (user_id, session_id)
           DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
          [
            links.map((link) => link.userId),
            announcement.sessionId,
            links.map((link) => link.tokenHash),
          ],
        );
      }
      await this.outbox.addPrepared(manager, emails);
      await manager.query(`UPDATE announcement SET email_state = 'sent' WHERE id = $1`, [
        announcementId,
      ]);
      return emails.length;
    });
    if (written > 0) this.outbox.dispatchPending();
    return written;
  }
}

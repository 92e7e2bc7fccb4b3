import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { renderMarkdown } from '@oris/api/catalogue';
import { NotificationCentre } from '@oris/api/notifications';
import { sentFields, type AuthenticatedUser } from '@oris/api/platform';
import { SEAT_HOLDING_STATUSES } from '@oris/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AnnouncementErrorCode,
  AnnouncementException,
  announcementNotFound,
} from '../announcements.exception';
import type {
  AnnouncementDto,
  CreateAnnouncementDto,
  UpdateAnnouncementDto,
} from '../dto/announcement.dto';
import { AnnouncementEmailQueue } from '../email/announcement-email-queue';
import { Announcement } from '../entities/announcement.entity';
import { AnnouncementAccess, type AnnouncementAudience } from './announcement-access';

/** The in-app notification's link: the trainee's announcements of the session. */
export const announcementsLink = (sessionId: string) =>
  `/learning/sessions/${sessionId}/announcements`;

const notificationParams = (audience: AnnouncementAudience, title: string) => ({
  title,
  sessionTitle: audience.sessionTitle,
  courseTitle: audience.courseTitle,
});

/**
 * A session's announcements. Posting writes the announcement, one in-app notification per
 * trainee holding a seat (one statement) and, when asked, marks its email fan-out due, all in one
 * transaction; the emails are written by the worker (`AnnouncementFanOut`), so the request never
 * waits on the size of the session.
 *
 * Editing is allowed at any time to the session's staff and leaves a visible "edited" mark
 * (`editedAt`): announcements are news, and a corrected room or date must be fixable after the
 * fact. An edit does not email again; the in-app notifications take the new title. Deleting
 * removes the announcement and its notifications; emails already sent stay sent.
 */
@Injectable()
export class AnnouncementBoard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AnnouncementAccess,
    private readonly notifications: NotificationCentre,
    private readonly emails: AnnouncementEmailQueue,
  ) {}

  async list(user: AuthenticatedUser, sessionId: string): Promise<AnnouncementDto[]> {
    const manager = this.dataSource.manager;
    await this.access.forReader(manager, user, sessionId);
    return this.read(manager, 'a.session_id = $1', [sessionId]);
  }

  async post(
    user: AuthenticatedUser,
    sessionId: string,
    input: CreateAnnouncementDto,
  ): Promise<AnnouncementDto> {
    const byEmail = input.byEmail ?? true;
    const id = await this.dataSource.transaction(async (manager) => {
      const audience = await this.access.forWriter(manager, user, sessionId);
      const inserted = await manager.insert(Announcement, {
        sessionId,
        authorId: user.id,
        title: input.title,
        body: input.body,
        byEmail,
        emailState: byEmail ? 'pending' : 'none',
      });
      const announcementId = (inserted.identifiers[0] as { id: string }).id;
      const trainees: { userId: string }[] = await manager.query(
        `SELECT DISTINCT e.user_id AS "userId" FROM enrollment e
          WHERE e.session_id = $1 AND e.status = ANY($2)`,
        [sessionId, [...SEAT_HOLDING_STATUSES]],
      );
      await this.notifications.post(
        manager,
        trainees.map((trainee) => trainee.userId),
        {
          kind: 'announcement',
          params: notificationParams(audience, input.title),
          link: announcementsLink(sessionId),
          subjectId: announcementId,
        },
      );
      return announcementId;
    });
    if (byEmail) this.emails.dispatchPending();
    return this.one(this.dataSource.manager, id);
  }

  async edit(
    user: AuthenticatedUser,
    id: string,
    input: UpdateAnnouncementDto,
  ): Promise<AnnouncementDto> {
    const changes = sentFields(input);
    await this.dataSource.transaction(async (manager) => {
      const announcement = await this.lockedForWriter(manager, user, id);
      if (changes.title === undefined && changes.body === undefined) return;
      const audience = await this.access.audience(manager, user, announcement.sessionId);
      await manager.update(Announcement, id, { ...changes, editedAt: () => 'now()' });
      if (changes.title !== undefined && changes.title !== announcement.title) {
        await this.notifications.restate(
          manager,
          'announcement',
          id,
          notificationParams(audience, changes.title),
        );
      }
    });
    return this.one(this.dataSource.manager, id);
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockedForWriter(manager, user, id);
      await this.notifications.withdraw(manager, 'announcement', id);
      await manager.delete(Announcement, id);
    });
  }

  /** The announcement, locked; 404 unless the caller may read its session, 403 unless staff. */
  private async lockedForWriter(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
  ): Promise<Announcement> {
    const announcement = await manager.findOne(Announcement, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!announcement) throw announcementNotFound(id);
    await this.access.forWriter(manager, user, announcement.sessionId).catch((error: unknown) => {
      // A session the caller may not see has no announcements for them.
      throw error instanceof AnnouncementException &&
        error.code === AnnouncementErrorCode.SessionNotFound
        ? announcementNotFound(id)
        : error;
    });
    return announcement;
  }

  private async one(manager: EntityManager, id: string): Promise<AnnouncementDto> {
    const [announcement] = await this.read(manager, 'a.id = $1', [id]);
    if (!announcement) throw announcementNotFound(id);
    return announcement;
  }

  private async read(
    manager: EntityManager,
    where: string,
    parameters: unknown[],
  ): Promise<AnnouncementDto[]> {
    const rows: {
      id: string;
      sessionId: string;
      title: string;
      body: string;
      authorName: string | null;
      byEmail: boolean;
      createdAt: Date;
      editedAt: Date | null;
    }[] = await manager.query(
      `SELECT a.id, a.session_id AS "sessionId", a.title, a.body, a.by_email AS "byEmail",
              a.created_at AS "createdAt", a.edited_at AS "editedAt",
              CASE WHEN u.erased_at IS NULL THEN u.full_name END AS "authorName"
         FROM announcement a LEFT JOIN users u ON u.id = a.author_id
        WHERE ${where}
        ORDER BY a.created_at DESC, a.id DESC`,
      parameters,
    );
    return rows.map((row) => ({
      ...row,
      bodyHtml: renderMarkdown(row.body),
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pageOf, type Page, type PageQuery } from '@oris/api/platform';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationOrder,
} from '@oris/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { Notification } from '../entities/notification.entity';
import { NotificationErrorCode, NotificationException } from '../notifications.exception';

/** What a feature posts: the web words `kind` with `params`; `link` is a path of the web app. */
export interface NotificationInput {
  kind: NotificationKind;
  params: Record<string, string>;
  link: string | null;
  /** The object it is about: posting about it twice to a person is a no-op, `withdraw` removes it. */
  subjectId?: string;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A path of the app ("/learning/…"), never another origin ("//host", "https:"). */
const APP_PATH = /^\/[^/\\]/;

function checked(notification: NotificationInput): NotificationInput {
  if (!NOTIFICATION_KINDS.includes(notification.kind))
    throw new Error(`Unknown notification kind: ${JSON.stringify(notification.kind)}`);
  if (notification.link !== null && !APP_PATH.test(notification.link))
    throw new Error(`A notification links to a path of the app: ${notification.link}`);
  for (const [name, value] of Object.entries(notification.params))
    if (typeof value !== 'string') throw new Error(`Notification parameter ${name} is no string`);
  return notification;
}

/**
 * The in-app notification centre. `post` is the one way a feature posts a notification: in the
 * caller's transaction, so the notification exists exactly when the change that causes it does.
 * The rest serves the person's own centre (`/me/notifications`): nobody reads another's.
 */
@Injectable()
export class NotificationCentre {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Posts one notification to each of `userIds` with one statement, whatever their number.
   * With a `subjectId`, a person who already has this kind of notification about it gets none
   * (a retried cause never doubles it). Answers how many were written.
   */
  async post(
    manager: EntityManager,
    userIds: readonly string[],
    notification: NotificationInput,
  ): Promise<number> {
    if (userIds.length === 0) return 0;
    const { kind, params, link, subjectId } = checked(notification);
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification (user_id, kind, params, link, subject_id)
       SELECT DISTINCT recipient, $2, $3::jsonb, $4, $5::uuid FROM unnest($1::uuid[]) AS recipient
       ON CONFLICT (subject_id, kind, user_id) WHERE subject_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [userIds, kind, JSON.stringify(params), link, subjectId ?? null],
    );
    return rows.length;
  }

  /** New words for every notification about `subjectId` (the object's title changed). */
  async restate(
    manager: EntityManager,
    kind: NotificationKind,
    subjectId: string,
    params: Record<string, string>,
  ): Promise<void> {
    await manager.query(
      `UPDATE notification SET params = $3::jsonb WHERE kind = $1 AND subject_id = $2`,
      [kind, subjectId, JSON.stringify(params)],
    );
  }

  /** Removes every notification about `subjectId` (the object is gone). */
  async withdraw(manager: EntityManager, kind: NotificationKind, subjectId: string): Promise<void> {
    await manager.query(`DELETE FROM notification WHERE kind = $1 AND subject_id = $2`, [
      kind,
      subjectId,
    ]);
  }

  /**
   * A person's erasure (law 09-08): their notification centre goes. Its lines were about them
   * only (what they were told, when they read it) and count in no figure.
   */
  async eraseRecipient(manager: EntityManager, userId: string): Promise<number> {
    const [, deleted]: [unknown[], number] = await manager.query(
      `DELETE FROM notification WHERE user_id = $1`,
      [userId],
    );
    return deleted;
  }

  /** The person's notifications: newest first, or the unread ones first (each group newest first). */
  async list(
    userId: string,
    query: PageQuery & { order?: NotificationOrder },
  ): Promise<Page<NotificationView>> {
    const builder = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId });
    if (query.order === 'unread_first') builder.orderBy('(notification.read_at IS NULL)', 'DESC');
    const [rows, total] = await builder
      .addOrderBy('notification.created_at', 'DESC')
      .addOrderBy('notification.id', 'DESC')
      .skip(query.skip)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(viewOf), total, query);
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Marks one of the person's notifications read (again: it keeps its first reading); 404 for others'. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    const row =
      affected > 0
        ? await this.dataSource.getRepository(Notification).findOneBy({ id, userId })
        : null;
    if (!row) throw new NotificationException(NotificationErrorCode.NotificationNotFound);
    return viewOf(row);
  }

  /** Marks all of the person's notifications read; answers how many were unread. */
  async markAllRead(userId: string): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return affected;
  }
}

function viewOf(row: Notification): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

import { SEAT_HOLDING_STATUSES } from '@oris/shared/domain';
import type { DataSource } from 'typeorm';

export interface DemoAnnouncementsOptions {
  /** The running session whose trainees read them. */
  sessionId: string;
  trainerId: string;
}

const DEMO = [
  {
    title: 'Bienvenue dans la session',
    body:
      'Bonjour à toutes et à tous,\n\nLes supports de la première séance sont dans le module 1. ' +
      'Pensez à **apporter votre ordinateur** jeudi.\n\nÀ bientôt !',
  },
  {
    title: 'Changement de salle jeudi',
    body: 'La séance de jeudi aura lieu en **salle 3** (rez-de-chaussée), même horaire.',
  },
];

/**
 * Two announcements in the running demo session, each with an unread in-app notification for
 * its trainees. No email (the demo sends none). Idempotent: a session that already has
 * announcements is left as it is.
 */
export async function seedDemoAnnouncements(
  dataSource: DataSource,
  options: DemoAnnouncementsOptions,
): Promise<{ lines: string[] }> {
  return dataSource.transaction(async (manager) => {
    const existing: unknown[] = await manager.query(
      `SELECT 1 FROM announcement WHERE session_id = $1 LIMIT 1`,
      [options.sessionId],
    );
    if (existing.length > 0) return { lines: ['Announcements: already seeded'] };
    let notified = 0;
    for (const [index, announcement] of DEMO.entries()) {
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO announcement (session_id, author_id, title, body, by_email, email_state, created_at)
         VALUES ($1, $2, $3, $4, false, 'none', now() - make_interval(hours => $5))
         RETURNING id`,
        [options.sessionId, options.trainerId, announcement.title, announcement.body, 2 - index],
      );
      const rows: unknown[] = await manager.query(
        `INSERT INTO notification (user_id, kind, params, link, subject_id, created_at)
         SELECT DISTINCT e.user_id, 'announcement',
                jsonb_build_object('title', $2::text, 'sessionTitle', s.title, 'courseTitle', c.title),
                '/learning/sessions/' || s.id || '/announcements', $1::uuid,
                now() - make_interval(hours => $4)
           FROM enrollment e
           JOIN course_session s ON s.id = e.session_id
           JOIN course c ON c.id = s.course_id
          WHERE e.session_id = $3 AND e.status = ANY($5)
         RETURNING id`,
        [id, announcement.title, options.sessionId, 2 - index, [...SEAT_HOLDING_STATUSES]],
      );
      notified += rows.length;
    }
    return { lines: [`Announcements: ${DEMO.length} posted, ${notified} unread notification(s)`] };
  });
}

import { EntityManager } from 'typeorm';
import { Enrollment } from '../entities/enrollment.entity';

/**
 * The waitlist of a session, under the session's row lock (taken by the caller). Tickets only
 * grow, so the queue keeps request order; the position shown is the rank among those waiting.
 */
export async function nextWaitlistPlace(
  manager: EntityManager,
  sessionId: string,
): Promise<{ ticket: number; position: number }> {
  const [row]: { waiting: number; last: number }[] = await manager.query(
    `SELECT count(*)::int AS waiting, coalesce(max(waitlist_ticket), 0)::int AS last
       FROM enrollment WHERE session_id = $1 AND status = 'waitlisted'`,
    [sessionId],
  );
  return { ticket: row.last + 1, position: row.waiting + 1 };
}

/** The first person waiting, locked, or null when nobody waits. */
export async function firstWaiting(
  manager: EntityManager,
  sessionId: string,
): Promise<Enrollment | null> {
  return manager
    .createQueryBuilder(Enrollment, 'e')
    .setLock('pessimistic_write')
    .where(`e.sessionId = :sessionId AND e.status = 'waitlisted'`, { sessionId })
    .orderBy('e.waitlistTicket', 'ASC')
    .limit(1)
    .getOne();
}

/** Waitlist positions (1 = next served) of the given waitlisted enrollments. */
export async function waitlistPositions(
  manager: EntityManager,
  enrollmentIds: string[],
): Promise<Map<string, number>> {
  if (enrollmentIds.length === 0) return new Map();
  const rows: { id: string; position: number }[] = await manager.query(
    `SELECT e.id,
            (SELECT count(*)::int FROM enrollment w
              WHERE w.session_id = e.session_id AND w.status = 'waitlisted'
                AND w.waitlist_ticket <= e.waitlist_ticket) AS position
       FROM enrollment e
      WHERE e.id = ANY($1) AND e.status = 'waitlisted'`,
    [enrollmentIds],
  );
  return new Map(rows.map((row) => [row.id, row.position]));
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One session with requests awaiting a decision, for the administrators' overview. */
export interface SessionAwaitingApproval {
  sessionId: string;
  sessionTitle: string;
  courseTitle: string;
  startsOn: string;
  /** Requests still `pending` in the session. */
  pending: number;
  /** When the oldest of them came in. */
  oldestRequestAt: Date;
}

/**
 * Requests awaiting approval (`pending` enrollments) across every session: how many, and the
 * sessions that hold the oldest ones, where a trainer or an administrator decides.
 */
@Injectable()
export class PendingApprovals {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(limit: number): Promise<{ total: number; sessions: SessionAwaitingApproval[] }> {
    const sessions: (SessionAwaitingApproval & { total: number })[] = await this.dataSource.query(
      `SELECT s.id AS "sessionId", s.title AS "sessionTitle", c.title AS "courseTitle",
              to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn", p.pending, p.oldest AS "oldestRequestAt",
              sum(p.pending) OVER ()::int AS total
         FROM (SELECT session_id, count(*)::int AS pending, min(enrolled_at) AS oldest
                 FROM enrollment WHERE status = 'pending' GROUP BY session_id) p
         JOIN course_session s ON s.id = p.session_id
         JOIN course c ON c.id = s.course_id
        ORDER BY p.oldest, s.id
        LIMIT $1`,
      [limit],
    );
    return {
      total: sessions[0]?.total ?? 0,
      sessions: sessions.map((row) => ({
        sessionId: row.sessionId,
        sessionTitle: row.sessionTitle,
        courseTitle: row.courseTitle,
        startsOn: row.startsOn,
        pending: row.pending,
        oldestRequestAt: row.oldestRequestAt,
      })),
    };
  }
}

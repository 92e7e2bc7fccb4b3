import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@oris/api/platform';
import { SEAT_HOLDING_STATUSES } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import {
  AnnouncementErrorCode,
  AnnouncementException,
  sessionNotFound,
} from '../announcements.exception';

/** A session as its announcements see it, and where the caller stands in it. */
export interface AnnouncementAudience {
  sessionId: string;
  sessionTitle: string;
  courseTitle: string;
  /** A trainer of the session or an owner of its course (holding the trainer role), or an admin. */
  isStaff: boolean;
  /** Holds a seat: confirmed, then completed or not. */
  isTrainee: boolean;
}

/**
 * Who may read and write a session's announcements. Its staff write and read them; its trainees
 * holding a seat read them; for anyone else the session has no announcements to show (404), and a
 * trainee who tries to write gets 403. Trainer and owner rows count only while their person holds
 * the trainer role, as everywhere in the catalogue.
 */
@Injectable()
export class AnnouncementAccess {
  async audience(
    manager: EntityManager,
    user: AuthenticatedUser,
    sessionId: string,
  ): Promise<AnnouncementAudience> {
    const [row]: {
      sessionTitle: string;
      courseTitle: string;
      teaches: boolean;
      owns: boolean;
      seated: boolean;
    }[] = await manager.query(
      `SELECT s.title AS "sessionTitle", c.title AS "courseTitle",
              EXISTS (SELECT 1 FROM session_trainer t WHERE t.session_id = s.id AND t.user_id = $2) AS teaches,
              EXISTS (SELECT 1 FROM course_owner o WHERE o.course_id = c.id AND o.user_id = $2) AS owns,
              EXISTS (SELECT 1 FROM enrollment e
                       WHERE e.session_id = s.id AND e.user_id = $2 AND e.status = ANY($3)) AS seated
         FROM course_session s JOIN course c ON c.id = s.course_id
        WHERE s.id = $1`,
      [sessionId, user.id, [...SEAT_HOLDING_STATUSES]],
    );
    if (!row) throw sessionNotFound(sessionId);
    const isStaff =
      user.roles.includes('admin') || (user.roles.includes('trainer') && (row.teaches || row.owns));
    return {
      sessionId,
      sessionTitle: row.sessionTitle,
      courseTitle: row.courseTitle,
      isStaff,
      isTrainee: row.seated,
    };
  }

  /** Its staff and its trainees; 404 for anyone else. */
  async forReader(manager: EntityManager, user: AuthenticatedUser, sessionId: string) {
    const audience = await this.audience(manager, user, sessionId);
    if (!audience.isStaff && !audience.isTrainee) throw sessionNotFound(sessionId);
    return audience;
  }

  /** Its staff; 403 for its trainees, 404 for anyone else. */
  async forWriter(manager: EntityManager, user: AuthenticatedUser, sessionId: string) {
    const audience = await this.forReader(manager, user, sessionId);
    if (!audience.isStaff) throw new AnnouncementException(AnnouncementErrorCode.NotSessionStaff);
    return audience;
  }

  /** Its trainees (their own email preference); 403 for its staff, 404 for anyone else. */
  async forTrainee(manager: EntityManager, user: AuthenticatedUser, sessionId: string) {
    const audience = await this.forReader(manager, user, sessionId);
    if (!audience.isTrainee)
      throw new AnnouncementException(AnnouncementErrorCode.NotSessionTrainee);
    return audience;
  }
}

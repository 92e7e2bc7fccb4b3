import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionMeeting } from '@oris/api/catalogue';
import { AuthenticatedUser, writeIcs } from '@oris/api/platform';
import { holdsSeat } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentAccess, EnrollmentContext } from '../access/enrollment-access';
import { isSessionStaff } from '../access/staff-rules';
import { TimetableDto } from '../dto/timetable.dto';

/** A meeting as a calendar shows it, with what its session says about where it happens. */
export interface TimetableEntry {
  meeting: Pick<SessionMeeting, 'id' | 'startsAt' | 'endsAt' | 'label'>;
  courseTitle: string;
  sessionTitle: string;
  venue: string | null;
  onlineUrl: string | null;
}

/** The meeting's uid in every calendar file, so an app updates the event rather than copying it. */
export const meetingUid = (meetingId: string): string => `meeting-${meetingId}@oris.academy`;

/** A file of the meetings (`writeIcs`), each titled "course — session (label)". */
export function timetableIcs(name: string, entries: readonly TimetableEntry[]): string {
  return writeIcs({
    name,
    events: entries.map((entry) => ({
      uid: meetingUid(entry.meeting.id),
      start: entry.meeting.startsAt,
      end: entry.meeting.endsAt,
      summary: [entry.courseTitle, entry.sessionTitle, entry.meeting.label]
        .filter((part) => !!part)
        .join(' — '),
      location: entry.venue ?? (entry.onlineUrl ? entry.onlineUrl : null),
      description: entry.onlineUrl,
      url: entry.onlineUrl,
    })),
  });
}

/**
 * When and where a trainee's session meets. Everyone who may read the enrollment sees the
 * meetings and the venue; the online link is for a trainee holding a seat and for the session's
 * staff, never for someone waiting or withdrawn.
 */
@Injectable()
export class TimetableService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
  ) {}

  async forEnrollment(user: AuthenticatedUser, enrollmentId: string): Promise<TimetableDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const context = await this.access.enrollmentForReader(manager, user, enrollmentId);
      const meetings = await meetingsOf(manager, context.session.id);
      return {
        enrollmentId,
        sessionId: context.session.id,
        venue: context.session.venue,
        onlineUrl: seesOnlineLink(user, context) ? context.session.onlineUrl : null,
        meetings: meetings.map((meeting) => ({
          id: meeting.id,
          startsAt: meeting.startsAt.toISOString(),
          endsAt: meeting.endsAt.toISOString(),
          label: meeting.label,
        })),
      };
    });
  }

  async icsForEnrollment(
    user: AuthenticatedUser,
    enrollmentId: string,
  ): Promise<{ ics: string; fileName: string }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const context = await this.access.enrollmentForReader(manager, user, enrollmentId);
      const { session, course } = context;
      const onlineUrl = seesOnlineLink(user, context) ? session.onlineUrl : null;
      const meetings = await meetingsOf(manager, session.id);
      const entries = meetings.map((meeting) => ({
        meeting,
        courseTitle: course.title,
        sessionTitle: session.title,
        venue: session.venue,
        onlineUrl,
      }));
      return {
        ics: timetableIcs(`${course.title} — ${session.title}`, entries),
        fileName: `${course.code}-${session.startsOn}.ics`.replace(/[^A-Za-z0-9._-]/g, '-'),
      };
    });
  }

  /**
   * Every meeting of the sessions where the person holds a seat (cancelled sessions left out),
   * with the online links: the feed is theirs (see `CalendarFeeds`).
   */
  async entriesOfSeats(manager: EntityManager, userId: string): Promise<TimetableEntry[]> {
    const rows: {
      id: string;
      startsAt: Date;
      endsAt: Date;
      label: string | null;
      courseTitle: string;
      sessionTitle: string;
      venue: string | null;
      onlineUrl: string | null;
    }[] = await manager.query(
      `SELECT m.id, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.label,
              c.title AS "courseTitle", s.title AS "sessionTitle", s.venue,
              s.online_url AS "onlineUrl"
         FROM enrollment e
         JOIN course_session s ON s.id = e.session_id
         JOIN course c ON c.id = s.course_id
         JOIN session_meeting m ON m.session_id = s.id
        WHERE e.user_id = $1 AND e.status = ANY($2) AND s.status <> 'cancelled'
        ORDER BY m.starts_at, m.id`,
      [userId, ['confirmed', 'completed', 'not_completed']],
    );
    return rows.map((row) => ({
      meeting: { id: row.id, startsAt: row.startsAt, endsAt: row.endsAt, label: row.label },
      courseTitle: row.courseTitle,
      sessionTitle: row.sessionTitle,
      venue: row.venue,
      onlineUrl: row.onlineUrl,
    }));
  }
}

function meetingsOf(manager: EntityManager, sessionId: string): Promise<SessionMeeting[]> {
  return manager.find(SessionMeeting, {
    where: { sessionId },
    order: { startsAt: 'ASC', id: 'ASC' },
  });
}

/** The online link is for a trainee holding a seat and for the session's staff. */
export const seesOnlineLink = (user: AuthenticatedUser, context: EnrollmentContext): boolean =>
  isSessionStaff(user, context) ||
  (context.enrollment.userId === user.id &&
    holdsSeat(context.enrollment.status) &&
    context.session.status !== 'cancelled');

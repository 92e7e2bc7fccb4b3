import { seatsLeft } from '@oris/shared/domain';
import type { SessionStatus } from '@oris/shared/domain';
import type { SessionBriefDto } from '../dto/course.dto';

/** The columns a session brief is made of, as an entity or a raw row (with dates as text). */
export interface SessionBriefSource {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  regionCode: string;
  venue: string | null;
  onlineUrl: string | null;
  status: SessionStatus;
  capacity: number;
  confirmedCount: number;
  enrollmentOpensOn: string;
  enrollmentClosesOn: string;
  approvalRequired: boolean;
}

export const toSessionBrief = (session: SessionBriefSource): SessionBriefDto => ({
  id: session.id,
  title: session.title,
  startsOn: session.startsOn,
  endsOn: session.endsOn,
  regionCode: session.regionCode,
  venue: session.venue,
  online: session.onlineUrl !== null,
  status: session.status,
  capacity: session.capacity,
  seatsLeft: seatsLeft(session.capacity, session.confirmedCount),
  opensOn: session.enrollmentOpensOn,
  closesOn: session.enrollmentClosesOn,
  approvalRequired: session.approvalRequired,
});

/** SELECT list giving a `SessionBriefSource` from `course_session s`, dates as 'YYYY-MM-DD'. */
export const SESSION_BRIEF_COLUMNS = `
  s.id, s.title, s.starts_on::text AS "startsOn", s.ends_on::text AS "endsOn",
  s.region_code AS "regionCode", s.venue, s.online_url AS "onlineUrl", s.status,
  s.capacity, s.confirmed_count AS "confirmedCount",
  s.enrollment_opens_on::text AS "enrollmentOpensOn",
  s.enrollment_closes_on::text AS "enrollmentClosesOn",
  s.approval_required AS "approvalRequired"`;

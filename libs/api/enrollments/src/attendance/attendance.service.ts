import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionMeeting } from '@oris/api/catalogue';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import {
  dayInMorocco,
  percentOf,
  SEAT_HOLDING_STATUSES,
  todayInMorocco,
} from '@oris/shared/domain';
import type { EnrollmentStatus } from '@oris/shared/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { EnrollmentAccess } from '../access/enrollment-access';
import { AttendanceEntryDto, AttendanceSheetDto } from '../dto/attendance.dto';
import { AttendanceMark } from '../entities/attendance-mark.entity';
import { Enrollment } from '../entities/enrollment.entity';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';

interface RowSource {
  id: string;
  status: EnrollmentStatus;
  userId: string;
  fullName: string;
  fullNameAr: string | null;
}

/** Attendance sheets, per meeting, for the session's staff. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
  ) {}

  async sheet(user: AuthenticatedUser, sessionId: string): Promise<AttendanceSheetDto> {
    const manager = this.dataSource.manager;
    await this.access.sessionForStaff(manager, user, sessionId);
    return this.read(manager, sessionId);
  }

  /** Records marks for one meeting (upsert): an enrollment left out keeps its mark. */
  async record(
    user: AuthenticatedUser,
    sessionId: string,
    meetingId: string,
    entries: AttendanceEntryDto[],
  ): Promise<AttendanceSheetDto> {
    return this.dataSource.transaction(async (manager) => {
      const { session } = await this.access.sessionForStaff(manager, user, sessionId);
      const meeting = await manager.findOne(SessionMeeting, {
        where: { id: meetingId, sessionId },
      });
      if (!meeting) {
        throw new EnrollmentException(
          EnrollmentErrorCode.MeetingNotFound,
          `No meeting ${meetingId} in this session.`,
        );
      }
      if (session.status === 'cancelled') {
        throw new EnrollmentException(
          EnrollmentErrorCode.SessionCancelled,
          'A cancelled session takes no attendance.',
        );
      }
      if (dayInMorocco(meeting.startsAt) > todayInMorocco()) {
        throw new EnrollmentException(
          EnrollmentErrorCode.MeetingNotStarted,
          `The meeting is on ${dayInMorocco(meeting.startsAt)}.`,
        );
      }
      const ids = entries.map((entry) => entry.enrollmentId);
      const enrolled = await manager.find(Enrollment, {
        where: { id: In(ids), sessionId, status: In([...SEAT_HOLDING_STATUSES]) },
        select: { id: true, userId: true },
      });
      if (enrolled.some((enrollment) => enrollment.userId === user.id)) {
        throw new EnrollmentException(
          EnrollmentErrorCode.OwnRecord,
          'Another member of the session’s staff marks your attendance.',
        );
      }
      const known = new Set(enrolled.map((enrollment) => enrollment.id));
      const problems = entries.flatMap((entry, index) =>
        known.has(entry.enrollmentId)
          ? []
          : [
              {
                field: `entries.${index}.enrollmentId`,
                message: 'not an enrollment holding a seat in this session',
              },
            ],
      );
      if (problems.length > 0) throw new RequestValidationException(problems);
      await manager.query(
        `INSERT INTO attendance_mark (meeting_id, enrollment_id, present, recorded_by)
         SELECT $1, e.enrollment_id, e.present, $2
           FROM unnest($3::uuid[], $4::boolean[]) AS e(enrollment_id, present)
         ON CONFLICT (meeting_id, enrollment_id)
           DO UPDATE SET present = EXCLUDED.present, recorded_by = EXCLUDED.recorded_by,
                         recorded_at = now()`,
        [meetingId, user.id, ids, entries.map((entry) => entry.present)],
      );
      return this.read(manager, sessionId);
    });
  }

  private async read(manager: EntityManager, sessionId: string): Promise<AttendanceSheetDto> {
    const meetings = await manager.find(SessionMeeting, {
      where: { sessionId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const rows: RowSource[] = await manager.query(
      `SELECT e.id, e.status, u.id AS "userId", u.full_name AS "fullName",
              u.full_name_ar AS "fullNameAr"
         FROM enrollment e JOIN users u ON u.id = e.user_id
        WHERE e.session_id = $1 AND e.status = ANY($2)
        ORDER BY u.full_name, e.id`,
      [sessionId, [...SEAT_HOLDING_STATUSES]],
    );
    const marks =
      rows.length === 0
        ? []
        : await manager.find(AttendanceMark, {
            where: { enrollmentId: In(rows.map((row) => row.id)) },
            select: { meetingId: true, enrollmentId: true, present: true },
          });
    const now = new Date();
    const held = new Set(meetings.filter((m) => m.startsAt <= now).map((m) => m.id));
    const order = new Map(meetings.map((meeting, index) => [meeting.id, index]));
    const marksOf = new Map<string, AttendanceMark[]>();
    for (const mark of marks) {
      marksOf.set(mark.enrollmentId, [...(marksOf.get(mark.enrollmentId) ?? []), mark]);
    }
    return {
      sessionId,
      meetings: meetings.map((meeting) => ({
        id: meeting.id,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        label: meeting.label,
        held: held.has(meeting.id),
      })),
      meetingsHeld: held.size,
      rows: rows.map((row) => {
        const own = (marksOf.get(row.id) ?? []).sort(
          (a, b) => (order.get(a.meetingId) ?? 0) - (order.get(b.meetingId) ?? 0),
        );
        const attended = own.filter((mark) => mark.present && held.has(mark.meetingId)).length;
        return {
          enrollmentId: row.id,
          person: { id: row.userId, fullName: row.fullName, fullNameAr: row.fullNameAr },
          status: row.status,
          marks: own.map(({ meetingId, present }) => ({ meetingId, present })),
          attended,
          percent: percentOf(attended, held.size),
        };
      }),
    };
  }
}

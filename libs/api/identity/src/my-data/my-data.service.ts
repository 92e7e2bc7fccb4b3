import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, RateLimiter, type RateLimitRule } from '@oris/api/platform';
import type { Locale } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import type {
  MyData,
  MyDataActor,
  MyDataAttendance,
  MyDataAuditEvent,
  MyDataCertificate,
  MyDataConsent,
  MyDataRectificationRequest,
  MyDataEnrollment,
  MyDataFollowUp,
  MyDataFormat,
  MyDataModuleProgress,
  MyDataPlacement,
  MyDataPlacementVersion,
  MyDataProfile,
} from './my-data';
import {
  announcementEmailMutes,
  announcementsWritten,
  assignmentSubmissions,
  notifications,
  quizAttempts,
} from './my-data-learning';

export const PERSONAL_DATA_EXPORTED = 'personal_data.exported';

/**
 * An export reads every table about the person: generous for someone saving both formats a few
 * times, far too few to use the route to load the database.
 */
const EXPORTS_PER_ACCOUNT: RateLimitRule = {
  name: 'export:account',
  limit: 10,
  windowSeconds: 3600,
};

/** Staff roles, most telling first: an actor is named by the first one they hold. */
const STAFF_ROLES = ['admin', 'placement_officer', 'trainer'] as const;

type Row = Record<string, unknown>;

const iso = (value: unknown): string => (value as Date).toISOString();
const isoOrNull = (value: unknown): string | null => (value == null ? null : iso(value));

/**
 * Law 09-08 right of access: everything the platform holds about the signed-in person, read in
 * one snapshot. Identity cannot import the feature libraries (they import it), so the other
 * modules' tables are read with SQL here; their shapes are pinned by the export's API test.
 */
@Injectable()
export class MyDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async export(userId: string, format: MyDataFormat): Promise<MyData> {
    await this.limiter.consume([EXPORTS_PER_ACCOUNT, userId]);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Recorded first, so the export lists itself: the person sees what the trail holds.
      await this.audit.record(manager, {
        actorId: userId,
        action: PERSONAL_DATA_EXPORTED,
        subjectType: 'user',
        subjectId: userId,
        data: { format },
      });
      const profile = await this.profile(manager, userId);
      const enrollments = await this.enrollments(manager, userId);
      const certificates = await this.certificates(manager, userId);
      const placements = await this.placements(manager, userId);
      const followUps = await this.followUps(manager, userId);
      const auditEvents = await this.auditEvents(manager, userId, {
        enrollment: enrollments.map((enrollment) => enrollment.id),
        certificate: certificates.map((certificate) => certificate.id),
        placement: placements.map((placement) => placement.id),
        followup: followUps.map((followUp) => followUp.id),
      });
      return {
        format: 'oris-my-data/1',
        exportedAt: new Date().toISOString(),
        profile,
        consents: await this.consents(manager, userId),
        enrollments,
        certificates,
        placements,
        followUps,
        rectificationRequests: await this.rectificationRequests(manager, userId),
        quizAttempts: await quizAttempts(manager, userId),
        assignmentSubmissions: await assignmentSubmissions(manager, userId),
        notifications: await notifications(manager, userId),
        announcementEmailMutes: await announcementEmailMutes(manager, userId),
        announcementsWritten: await announcementsWritten(manager, userId),
        auditEvents,
      };
    });
  }

  private async profile(manager: EntityManager, userId: string): Promise<MyDataProfile> {
    // Named columns, never `*`: the password hash must not reach the export.
    const [row] = (await manager.query(
      `SELECT u.id, u.email, u.phone, u.full_name, u.full_name_ar, u.gender, u.birth_year, u.region_code,
              u.locale, u.created_at, u.updated_at,
              (SELECT f.created_at FROM calendar_feed f WHERE f.user_id = u.id) AS calendar_feed_at,
              coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id),
                       '{}') AS roles
         FROM users u WHERE u.id = $1`,
      [userId],
    )) as Row[];
    if (!row)
      throw new IdentityException(IdentityErrorCode.UserNotFound, `No user with id ${userId}.`);
    return {
      id: row['id'] as string,
      email: row['email'] as string,
      phone: row['phone'] as string | null,
      fullName: row['full_name'] as string,
      fullNameAr: row['full_name_ar'] as string | null,
      gender: row['gender'] as string | null,
      birthYear: row['birth_year'] as number | null,
      regionCode: row['region_code'] as string | null,
      locale: row['locale'] as Locale,
      roles: row['roles'] as string[],
      createdAt: iso(row['created_at']),
      updatedAt: iso(row['updated_at']),
      calendarFeedCreatedAt: isoOrNull(row['calendar_feed_at']),
    };
  }

  private async consents(manager: EntityManager, userId: string): Promise<MyDataConsent[]> {
    const rows = (await manager.query(
      `SELECT c.purpose, c.notice_version, c.given_at, c.ip, c.method, c.followup_tracking,
              c.recorded_by,
              (SELECT array_agg(r.role) FROM user_role r WHERE r.user_id = c.recorded_by)
                AS recorder_roles
         FROM consent c
        WHERE c.user_id = $1 ORDER BY c.given_at, c.seq`,
      [userId],
    )) as Row[];
    return rows.map((row) => ({
      purpose: row['purpose'] as string,
      noticeVersion: row['notice_version'] as string,
      givenAt: iso(row['given_at']),
      ip: row['ip'] as string | null,
      method: row['method'] as string,
      followupTracking: row['followup_tracking'] as boolean,
      recordedBy:
        row['recorded_by'] === null
          ? null
          : actorOf(row['recorded_by'] as string, row['recorder_roles'] as string[] | null, userId),
    }));
  }

  private async rectificationRequests(
    manager: EntityManager,
    userId: string,
  ): Promise<MyDataRectificationRequest[]> {
    const rows = (await manager.query(
      `SELECT id, placement_id, message, status, created_at, resolved_at, answer
         FROM rectification_request WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    )) as Row[];
    return rows.map((row) => ({
      id: row['id'] as string,
      placementId: row['placement_id'] as string | null,
      message: row['message'] as string,
      status: row['status'] as string,
      createdAt: iso(row['created_at']),
      resolvedAt: row['resolved_at'] ? iso(row['resolved_at']) : null,
      answer: row['answer'] as string | null,
    }));
  }

  private async enrollments(manager: EntityManager, userId: string): Promise<MyDataEnrollment[]> {
    const rows = (await manager.query(
      `SELECT e.id, c.code, c.title AS course_title, s.title AS session_title,
              s.starts_on::text AS starts_on, s.ends_on::text AS ends_on, e.status, e.enrolled_at,
              e.confirmed_at, e.approved_at, e.withdrawn_at, e.withdrawal_reason,
              e.completed_on::text AS completed_on, e.validated_at, e.early_completion_reason,
              e.baseline_situation,
              e.education_level, e.region_code
         FROM enrollment e
         JOIN course_session s ON s.id = e.session_id
         JOIN course c ON c.id = s.course_id
        WHERE e.user_id = $1
        ORDER BY e.enrolled_at`,
      [userId],
    )) as Row[];
    const progress = (await manager.query(
      `SELECT p.enrollment_id, m.position, m.title, p.completed_at
         FROM module_progress p
         JOIN enrollment e ON e.id = p.enrollment_id
         JOIN course_module m ON m.id = p.module_id
        WHERE e.user_id = $1
        ORDER BY m.position`,
      [userId],
    )) as Row[];
    const attendance = (await manager.query(
      `SELECT a.enrollment_id, m.starts_at, m.ends_at, m.label, a.present, a.recorded_at
         FROM attendance_mark a
         JOIN enrollment e ON e.id = a.enrollment_id
         JOIN session_meeting m ON m.id = a.meeting_id
        WHERE e.user_id = $1
        ORDER BY m.starts_at`,
      [userId],
    )) as Row[];
    return rows.map((row) => ({
      id: row['id'] as string,
      courseCode: row['code'] as string,
      courseTitle: row['course_title'] as string,
      sessionTitle: row['session_title'] as string,
      sessionStartsOn: row['starts_on'] as string,
      sessionEndsOn: row['ends_on'] as string,
      status: row['status'] as string,
      enrolledAt: iso(row['enrolled_at']),
      confirmedAt: isoOrNull(row['confirmed_at']),
      approvedAt: isoOrNull(row['approved_at']),
      withdrawnAt: isoOrNull(row['withdrawn_at']),
      withdrawalReason: row['withdrawal_reason'] as string | null,
      completedOn: row['completed_on'] as string | null,
      validatedAt: isoOrNull(row['validated_at']),
      earlyCompletionReason: row['early_completion_reason'] as string | null,
      baseline: {
        situation: row['baseline_situation'] as string,
        educationLevel: row['education_level'] as string,
        regionCode: row['region_code'] as string | null,
      },
      moduleProgress: progress
        .filter((mark) => mark['enrollment_id'] === row['id'])
        .map((mark): MyDataModuleProgress => ({
          position: mark['position'] as number,
          moduleTitle: mark['title'] as string,
          completedAt: iso(mark['completed_at']),
        })),
      attendance: attendance
        .filter((mark) => mark['enrollment_id'] === row['id'])
        .map((mark): MyDataAttendance => ({
          meetingStartsAt: iso(mark['starts_at']),
          meetingEndsAt: iso(mark['ends_at']),
          meetingLabel: mark['label'] as string | null,
          present: mark['present'] as boolean,
          recordedAt: iso(mark['recorded_at']),
        })),
    }));
  }

  private async certificates(manager: EntityManager, userId: string): Promise<MyDataCertificate[]> {
    // The revocation note stays out: it is the staff's working note; the reason code is public.
    const rows = (await manager.query(
      `SELECT id, serial, verification_code, holder_name, holder_name_ar, course_title, hours,
              session_starts_on::text AS session_starts_on, session_ends_on::text AS session_ends_on,
              region_name, completed_on::text AS completed_on, issued_on::text AS issued_on, status,
              revoked_at, revoked_reason
         FROM certificate WHERE user_id = $1 ORDER BY issued_at`,
      [userId],
    )) as Row[];
    const webUrl = this.config.PUBLIC_WEB_URL.replace(/\/+$/, '');
    return rows.map((row) => ({
      id: row['id'] as string,
      serial: row['serial'] as string,
      holderName: row['holder_name'] as string,
      holderNameAr: row['holder_name_ar'] as string | null,
      courseTitle: row['course_title'] as string,
      hours: row['hours'] as number,
      sessionStartsOn: row['session_starts_on'] as string,
      sessionEndsOn: row['session_ends_on'] as string,
      regionName: row['region_name'] as string,
      completedOn: row['completed_on'] as string,
      issuedOn: row['issued_on'] as string,
      status: row['status'] as string,
      revokedAt: isoOrNull(row['revoked_at']),
      revocationReason: row['revoked_reason'] as string | null,
      verificationUrl: `${webUrl}/verify/${row['verification_code'] as string}`,
    }));
  }

  private async placements(manager: EntityManager, userId: string): Promise<MyDataPlacement[]> {
    const rows = (await manager.query(
      `SELECT p.id AS placement_id, p.created_at AS placement_created_at, v.version, v.kind,
              v.contract, o.name AS organisation_name, v.employer_name, v.sector, v.position,
              v.region_code, v.start_on::text AS start_on, v.end_on::text AS end_on, v.source,
              v.evidence, v.note, v.validated_at, v.created_at, v.superseded_at
         FROM placement p
         JOIN placement_version v ON v.placement_id = p.id
         LEFT JOIN organisation o ON o.id = v.organisation_id
        WHERE p.user_id = $1
        ORDER BY p.created_at, p.id, v.version`,
      [userId],
    )) as Row[];
    const placements = new Map<string, MyDataPlacement>();
    for (const row of rows) {
      const id = row['placement_id'] as string;
      let placement = placements.get(id);
      if (!placement) {
        placement = { id, createdAt: iso(row['placement_created_at']), versions: [] };
        placements.set(id, placement);
      }
      const version: MyDataPlacementVersion = {
        version: row['version'] as number,
        kind: row['kind'] as string,
        contract: row['contract'] as string | null,
        organisationName: row['organisation_name'] as string | null,
        employerName: row['employer_name'] as string | null,
        sector: row['sector'] as string | null,
        position: row['position'] as string | null,
        regionCode: row['region_code'] as string,
        startOn: row['start_on'] as string,
        endOn: row['end_on'] as string | null,
        source: row['source'] as string,
        evidence: row['evidence'] as string,
        note: row['note'] as string | null,
        validatedAt: isoOrNull(row['validated_at']),
        recordedAt: iso(row['created_at']),
        supersededAt: isoOrNull(row['superseded_at']),
      };
      placement.versions.push(version);
    }
    return [...placements.values()];
  }

  private async followUps(manager: EntityManager, userId: string): Promise<MyDataFollowUp[]> {
    // No token hash: it is a credential, not information about the person.
    const rows = (await manager.query(
      `SELECT id, enrollment_id, horizon, due_on::text AS due_on, status, emailed_at,
              reminder_count, answered_at, answer_channel, placement_id, note
         FROM followup WHERE user_id = $1 ORDER BY due_on, horizon`,
      [userId],
    )) as Row[];
    return rows.map((row) => ({
      id: row['id'] as string,
      enrollmentId: row['enrollment_id'] as string,
      horizonMonths: row['horizon'] as number,
      dueOn: row['due_on'] as string,
      status: row['status'] as string,
      emailedAt: isoOrNull(row['emailed_at']),
      reminderCount: row['reminder_count'] as number,
      answeredAt: isoOrNull(row['answered_at']),
      answerChannel: row['answer_channel'] as string | null,
      placementId: row['placement_id'] as string | null,
      note: row['note'] as string | null,
    }));
  }

  /** Events whose subject is the person or one of their records; actors other than them by role. */
  private async auditEvents(
    manager: EntityManager,
    userId: string,
    records: Record<'enrollment' | 'certificate' | 'placement' | 'followup', string[]>,
  ): Promise<MyDataAuditEvent[]> {
    const rows = (await manager.query(
      `SELECT a.at, a.action, a.subject_type, a.subject_id, a.data, a.actor_id,
              (SELECT array_agg(r.role) FROM user_role r WHERE r.user_id = a.actor_id) AS actor_roles
         FROM audit_event a
        WHERE (a.subject_type = 'user' AND a.subject_id = $1)
           OR (a.subject_type = 'enrollment' AND a.subject_id = ANY($2::varchar[]))
           OR (a.subject_type = 'certificate' AND a.subject_id = ANY($3::varchar[]))
           OR (a.subject_type = 'placement' AND a.subject_id = ANY($4::varchar[]))
           OR (a.subject_type = 'followup' AND a.subject_id = ANY($5::varchar[]))
        ORDER BY a.at, a.id`,
      [userId, records.enrollment, records.certificate, records.placement, records.followup],
    )) as Row[];
    return rows.map((row) => ({
      at: iso(row['at']),
      action: row['action'] as string,
      subjectType: row['subject_type'] as string,
      subjectId: row['subject_id'] as string,
      actor: actorOf(
        row['actor_id'] as string | null,
        row['actor_roles'] as string[] | null,
        userId,
      ),
      data: row['data'] as Record<string, unknown>,
    }));
  }
}

/**
 * The person sees that staff acted, and in which capacity (their role today), but not who: the
 * staff member's name and email are that member's personal data.
 */
export function actorOf(
  actorId: string | null,
  roles: string[] | null,
  userId: string,
): MyDataActor {
  if (actorId === null) return 'system';
  if (actorId === userId) return 'you';
  return STAFF_ROLES.find((role) => roles?.includes(role)) ?? 'staff';
}

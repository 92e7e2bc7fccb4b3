import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { PlacementRecorder } from '@oris/api/placements';
import { AuthenticatedUser, Page } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { addDays, todayInMorocco } from '@oris/shared/domain';
import { PhoneAnswerDto } from '../dto/answer.dto';
import {
  FollowupCountsDto,
  FollowupDto,
  FollowupFilterQuery,
  FollowupListQuery,
} from '../dto/followup.dto';
import { FollowupErrorCode, FollowupException, followupNotFound } from '../followup.exception';
import { FOLLOWUP_POLICY } from '../rules/followup-policy';

const FROM = `
  FROM followup f
  JOIN users u ON u.id = f.user_id
  JOIN enrollment e ON e.id = f.enrollment_id
  JOIN course_session s ON s.id = e.session_id
  JOIN course c ON c.id = s.course_id`;

interface FollowupRow {
  id: string;
  enrollmentId: string;
  horizon: 6 | 9 | 12;
  completedOn: string;
  dueOn: string;
  status: FollowupDto['status'];
  overdue: boolean;
  emailedAt: Date | null;
  reminderCount: number;
  lastRemindedAt: Date | null;
  answeredAt: Date | null;
  answerChannel: FollowupDto['answerChannel'];
  placementId: string | null;
  userId: string;
  fullName: string;
  fullNameAr: string | null;
  email: string;
  phone: string | null;
  locale: string;
  followupWithdrawn: boolean;
  courseId: string;
  courseTitle: string;
  sessionId: string;
  sessionTitle: string;
  regionCode: FollowupDto['regionCode'];
}

/** The placement officers' queue of follow-ups, and the answers they take by phone. */
@Injectable()
export class FollowupQueue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: PlacementRecorder,
    private readonly audit: AuditLog,
  ) {}

  async list(query: FollowupListQuery): Promise<Page<FollowupDto>> {
    const { where, params } = this.filter(query);
    if (query.status === 'overdue')
      where.push(`f.status = 'due' AND f.due_on < ${overdueParam(params)}`);
    else if (query.status) {
      params.push(query.status);
      where.push(`f.status = $${params.length}`);
    }
    const condition = where.join(' AND ');
    const manager = this.dataSource.manager;
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total ${FROM} WHERE ${condition}`,
      params,
    );
    const overdueBefore = overdueParam(params);
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows: FollowupRow[] = await manager.query(
      `SELECT ${columns(overdueBefore)} ${FROM}
        WHERE ${condition}
        ORDER BY f.due_on, f.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      items: rows.map(toDto),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async counts(query: FollowupFilterQuery): Promise<FollowupCountsDto> {
    const { where, params } = this.filter(query);
    const overdueBefore = overdueParam(params);
    const [row]: FollowupCountsDto[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE f.status = 'scheduled')::int AS scheduled,
              count(*) FILTER (WHERE f.status = 'due')::int AS due,
              count(*) FILTER (WHERE f.status = 'due' AND f.due_on < ${overdueBefore})::int AS overdue,
              count(*) FILTER (WHERE f.status = 'skipped')::int AS skipped,
              count(*) FILTER (WHERE f.status = 'answered')::int AS answered
         ${FROM} WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  /**
   * An answer an officer took by phone: the trainee's declaration, collected by the officer. So
   * the situation's source is `officer` (who collected the facts, as PRODUCT.md's sources mean it)
   * and its evidence `declared` (the trainee's word; `confirmed` would say the officer checked
   * them, which a call does not), recorded by the officer with their note and awaiting
   * validation like a survey answer: the indicator counts it once someone attests the facts.
   * The follow-up keeps who took the call (`answered_by`, and a `followup.answered` audit event).
   * Any unanswered follow-up may be answered this way, including a scheduled one (the person
   * called early) and a skipped one (past cohorts).
   */
  async recordPhoneAnswer(
    officer: AuthenticatedUser,
    id: string,
    body: PhoneAnswerDto,
  ): Promise<FollowupDto> {
    await this.dataSource.transaction(async (manager) => {
      const [followup]: {
        id: string;
        status: string;
        userId: string;
        enrollmentId: string;
        horizon: number;
      }[] = await manager.query(
        `SELECT id, status, user_id AS "userId", enrollment_id AS "enrollmentId", horizon
           FROM followup WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!followup) throw followupNotFound(id);
      if (followup.status === 'answered')
        throw new FollowupException(
          FollowupErrorCode.AlreadyAnswered,
          'Change the situation it created instead.',
        );
      const { placementId } = await this.recorder.recordSurveyAnswer(manager, {
        userId: followup.userId,
        collectedBy: officer.id,
        enrollmentId: followup.enrollmentId,
        kind: body.kind,
        contract: body.contract ?? null,
        organisationId: body.organisationId ?? null,
        employerName: body.employerName ?? null,
        sector: body.sector ?? null,
        position: body.position ?? null,
        regionCode: body.regionCode,
        startOn: body.startOn,
        endOn: body.endOn ?? null,
        note: body.note ?? null,
        context: {
          followupId: followup.id,
          horizon: followup.horizon,
          channel: 'phone',
        },
      });
      await manager.query(
        `UPDATE followup
            SET status = 'answered', answered_at = now(), answer_channel = 'phone',
                answered_by = $2, placement_id = $3, note = $4,
                token_hash = NULL, token_expires_at = NULL, updated_at = now()
          WHERE id = $1`,
        [followup.id, officer.id, placementId, body.note ?? null],
      );
      await this.audit.record(manager, {
        actorId: officer.id,
        action: 'followup.answered',
        subjectType: 'followup',
        subjectId: followup.id,
        data: {
          channel: 'phone',
          horizon: followup.horizon,
          personId: followup.userId,
          placementId,
          wasStatus: followup.status,
        },
      });
    });
    return this.get(id);
  }

  private async get(id: string): Promise<FollowupDto> {
    const params: unknown[] = [id];
    const overdueBefore = overdueParam(params);
    const [row]: FollowupRow[] = await this.dataSource.query(
      `SELECT ${columns(overdueBefore)} ${FROM}
        WHERE f.id = $1`,
      params,
    );
    if (!row) throw followupNotFound(id);
    return toDto(row);
  }

  private filter(query: FollowupFilterQuery): { where: string[]; params: unknown[] } {
    const where = ['true'];
    const params: unknown[] = [];
    const add = (clause: (param: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.horizon) add((p) => `f.horizon = ${p}`, query.horizon);
    if (query.region) add((p) => `e.region_code = ${p}`, query.region);
    if (query.course) add((p) => `s.course_id = ${p}`, query.course);
    if (query.session) add((p) => `e.session_id = ${p}`, query.session);
    return { where, params };
  }
}

/** The row of a follow-up in the queue; `overdueBefore` is the placeholder of the overdue day. */
const columns = (overdueBefore: string) => `
  f.id, f.enrollment_id AS "enrollmentId", f.horizon,
  to_char(e.completed_on, 'YYYY-MM-DD') AS "completedOn",
  to_char(f.due_on, 'YYYY-MM-DD') AS "dueOn", f.status,
  (f.status = 'due' AND f.due_on < ${overdueBefore}) AS overdue,
  f.emailed_at AS "emailedAt", f.reminder_count AS "reminderCount",
  f.last_reminded_at AS "lastRemindedAt", f.answered_at AS "answeredAt",
  f.answer_channel AS "answerChannel", f.placement_id AS "placementId",
  u.id AS "userId", u.full_name AS "fullName", u.full_name_ar AS "fullNameAr",
  u.email, u.phone, u.locale, u.followup_withdrawn_at IS NOT NULL AS "followupWithdrawn",
  c.id AS "courseId", c.title AS "courseTitle",
  s.id AS "sessionId", s.title AS "sessionTitle", e.region_code AS "regionCode"`;

/** Adds "today minus the overdue delay" as a parameter and answers its placeholder. */
function overdueParam(params: unknown[]): string {
  params.push(addDays(todayInMorocco(), -FOLLOWUP_POLICY.overdueAfterDays));
  return `$${params.length}::date`;
}

function toDto(row: FollowupRow): FollowupDto {
  return {
    id: row.id,
    enrollmentId: row.enrollmentId,
    horizon: row.horizon,
    completedOn: row.completedOn,
    dueOn: row.dueOn,
    status: row.status,
    overdue: row.overdue,
    emailedAt: row.emailedAt?.toISOString() ?? null,
    reminderCount: row.reminderCount,
    lastRemindedAt: row.lastRemindedAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answerChannel: row.answerChannel,
    placementId: row.placementId,
    person: {
      id: row.userId,
      fullName: row.fullName,
      fullNameAr: row.fullNameAr,
      email: row.email,
      phone: row.phone,
      locale: row.locale,
      followupWithdrawn: row.followupWithdrawn,
    },
    courseId: row.courseId,
    courseTitle: row.courseTitle,
    sessionId: row.sessionId,
    sessionTitle: row.sessionTitle,
    regionCode: row.regionCode,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  consentPromptReason,
  PERSONAL_DATA_NOTICE_VERSION,
  PERSONAL_DATA_PURPOSE,
} from '@oris/shared/domain';
import type { ConsentMethod, Role } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { ConsentOverviewDto, ConsentRecordDto, ConsentStatusDto } from '../dto/consent.dto';
import { Consent } from '../entities/consent.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { actorOf } from '../my-data/my-data.service';
import { ConsentHooks } from './consent-hooks';

interface LatestConsent {
  noticeVersion: string;
  method: ConsentMethod;
  followupTracking: boolean;
}

export interface ConsentEntry {
  method: ConsentMethod;
  followupTracking: boolean;
  ip: string | null;
  recordedBy?: string | null;
}

/**
 * The append-only consent history (law 09-08) and what it implies: whether a trainee must be
 * asked again (a newer notice, a consent recorded by staff, none at all), and whether they may
 * be followed up after training. Every record is written with `users.followup_withdrawn_at` in
 * the same transaction, under a lock on the person, so the mirror never disagrees.
 */
@Injectable()
export class ConsentRecords {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hooks: ConsentHooks,
    private readonly audit: AuditLog,
  ) {}

  /** Where the person stands; only trainees are prompted (staff accounts are not followed up). */
  async status(
    userId: string,
    roles: readonly Role[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsentStatusDto> {
    const latest = await this.latest(manager, userId);
    const reason = roles.includes('trainee') ? consentPromptReason(latest) : null;
    return {
      required: reason !== null,
      reason,
      currentNoticeVersion: PERSONAL_DATA_NOTICE_VERSION,
      noticeVersion: latest?.noticeVersion ?? null,
      followupTracking: latest?.followupTracking ?? true,
    };
  }

  /** Whether the person must answer the prompt before routes that collect data serve them. */
  async assertCurrent(userId: string, roles: readonly Role[]): Promise<void> {
    if (!roles.includes('trainee')) return;
    if (consentPromptReason(await this.latest(this.dataSource.manager, userId)) === null) return;
    throw new IdentityException(
      IdentityErrorCode.ConsentRequired,
      'Answer the personal-data notice first (GET /api/v1/me says why).',
    );
  }

  async overview(userId: string, roles: readonly Role[]): Promise<ConsentOverviewDto> {
    const manager = this.dataSource.manager;
    return {
      status: await this.status(userId, roles, manager),
      history: await this.history(manager, userId),
    };
  }

  /**
   * Latest first. A record staff collected names them by role, as the export does: the staff
   * member's own name is their personal data (the record keeps who, for the audit).
   */
  async history(manager: EntityManager, userId: string): Promise<ConsentRecordDto[]> {
    const rows: (Omit<ConsentRecordDto, 'givenAt' | 'recordedBy'> & {
      givenAt: Date;
      recorderId: string | null;
      recorderRoles: string[] | null;
    })[] = await manager.query(
      `SELECT c.id, c.purpose, c.notice_version AS "noticeVersion", c.method,
              c.followup_tracking AS "followupTracking", c.given_at AS "givenAt",
              c.recorded_by AS "recorderId",
              (SELECT array_agg(r.role) FROM user_role r WHERE r.user_id = c.recorded_by)
                AS "recorderRoles"
         FROM consent c
        WHERE c.user_id = $1
        ORDER BY c.given_at DESC, c.seq DESC`,
      [userId],
    );
    return rows.map(({ recorderId, recorderRoles, givenAt, ...row }) => ({
      ...row,
      givenAt: givenAt.toISOString(),
      recordedBy: recorderId === null ? null : actorOf(recorderId, recorderRoles, userId),
    }));
  }

  /**
   * The person's answer, from the sign-in prompt or the profile page: a record at the current
   * notice. Repeating one's current choice when nothing is asked adds nothing.
   */
  async answer(
    userId: string,
    roles: readonly Role[],
    followupTracking: boolean,
    ip: string,
  ): Promise<ConsentOverviewDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockPerson(manager, userId);
      const latest = await this.latest(manager, userId);
      const reason = roles.includes('trainee') ? consentPromptReason(latest) : null;
      if (reason === null && latest?.followupTracking === followupTracking) return;
      const method: ConsentMethod = reason === null ? 'profile' : 'sign_in_prompt';
      await this.append(manager, userId, { method, followupTracking, ip });
      await this.audit.record(manager, {
        actorId: userId,
        action: followupTracking ? 'consent.given' : 'consent.followup_withdrawn',
        subjectType: 'user',
        subjectId: userId,
        data: { method, noticeVersion: PERSONAL_DATA_NOTICE_VERSION },
      });
    });
    return this.overview(userId, roles);
  }

  /**
   * Consent collected by a staff member for someone they create (CSV import): recorded in the
   * caller's transaction, and the person is asked to confirm it at their first sign-in.
   */
  async recordForStaff(manager: EntityManager, userId: string, staffId: string): Promise<void> {
    await this.append(manager, userId, {
      method: 'staff_recorded',
      followupTracking: true,
      ip: null,
      recordedBy: staffId,
    });
    await this.audit.record(manager, {
      actorId: staffId,
      action: 'consent.staff_recorded',
      subjectType: 'user',
      subjectId: userId,
      data: { noticeVersion: PERSONAL_DATA_NOTICE_VERSION },
    });
  }

  /** Appends a record at the current notice and updates the follow-up mirror. */
  async append(manager: EntityManager, userId: string, entry: ConsentEntry): Promise<void> {
    await manager.insert(Consent, {
      userId,
      purpose: PERSONAL_DATA_PURPOSE,
      noticeVersion: PERSONAL_DATA_NOTICE_VERSION,
      method: entry.method,
      followupTracking: entry.followupTracking,
      recordedBy: entry.recordedBy ?? null,
      ip: entry.ip === null ? null : entry.ip.slice(0, 64),
    });
    const [, changed] = (await manager.query(
      `UPDATE users
          SET followup_withdrawn_at = CASE WHEN $2::boolean THEN NULL ELSE now() END
        WHERE id = $1 AND (followup_withdrawn_at IS NULL) = NOT $2::boolean`,
      [userId, entry.followupTracking],
    )) as [unknown, number];
    if (!entry.followupTracking && changed > 0) await this.hooks.followupWithdrawn(manager, userId);
  }

  private async latest(manager: EntityManager, userId: string): Promise<LatestConsent | null> {
    const [row]: LatestConsent[] = await manager.query(
      `SELECT notice_version AS "noticeVersion", method, followup_tracking AS "followupTracking"
         FROM consent WHERE user_id = $1
        ORDER BY given_at DESC, seq DESC LIMIT 1`,
      [userId],
    );
    return row ?? null;
  }

  private async lockPerson(manager: EntityManager, userId: string): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [
      userId,
    ]);
    if (rows.length === 0)
      throw new IdentityException(IdentityErrorCode.UserNotFound, `No user with id ${userId}.`);
  }
}

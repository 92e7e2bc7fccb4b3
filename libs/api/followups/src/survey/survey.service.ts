import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlacementRecorder } from '@oris/api/placements';
import { DataSource, EntityManager } from 'typeorm';
import type { FollowupHorizon, Locale, RegionCode } from '@oris/shared/domain';
import { SurveyAnswerDto } from '../dto/answer.dto';
import { SurveyDto } from '../dto/survey.dto';
import { surveyNotFound } from '../followup.exception';
import { firstNameOf, hashSurveyToken, isSurveyTokenShaped } from '../rules/followup-policy';
import { SurveyRateLimit } from './survey-rate-limit';

interface LinkedFollowup {
  id: string;
  enrollmentId: string;
  userId: string;
  horizon: FollowupHorizon;
  fullName: string;
  courseTitle: string;
  completedOn: string;
  expiresAt: Date;
  locale: Locale;
  trainingRegionCode: RegionCode;
}

/**
 * The public survey behind an emailed link. The token is the only credential: it names one
 * follow-up (its SHA-256 is unique), works until it expires, and is cleared by the answer, so an
 * unknown, expired, replaced or spent link all answer the same 404.
 */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: PlacementRecorder,
    private readonly rateLimit: SurveyRateLimit,
  ) {}

  async get(ip: string, token: string): Promise<SurveyDto> {
    await this.rateLimit.consume(ip);
    const followup = await this.find(this.dataSource.manager, token, false);
    return {
      firstName: firstNameOf(followup.fullName),
      courseTitle: followup.courseTitle,
      horizon: followup.horizon,
      completedOn: followup.completedOn,
      expiresAt: followup.expiresAt.toISOString(),
      locale: followup.locale,
      trainingRegionCode: followup.trainingRegionCode,
    };
  }

  /**
   * In one transaction: the follow-up is locked, answered and its link spent, and the answer
   * becomes a situation awaiting validation (source `survey`, evidence `declared`). A second
   * answer with the same link waits for the lock, then finds it spent.
   */
  async answer(ip: string, token: string, body: SurveyAnswerDto): Promise<void> {
    await this.rateLimit.consume(ip);
    await this.dataSource.transaction(async (manager) => {
      const followup = await this.find(manager, token, true);
      const { placementId } = await this.recorder.recordSurveyAnswer(manager, {
        userId: followup.userId,
        enrollmentId: followup.enrollmentId,
        kind: body.kind,
        contract: body.contract ?? null,
        employerName: body.employerName ?? null,
        sector: body.sector ?? null,
        position: body.position ?? null,
        regionCode: body.regionCode,
        startOn: body.startOn,
        endOn: body.endOn ?? null,
        context: { followupId: followup.id, horizon: followup.horizon, channel: 'survey' },
      });
      await manager.query(
        `UPDATE followup
            SET status = 'answered', answered_at = now(), answer_channel = 'survey',
                placement_id = $2, token_hash = NULL, token_expires_at = NULL, updated_at = now()
          WHERE id = $1`,
        [followup.id, placementId],
      );
    });
  }

  private async find(
    manager: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<LinkedFollowup> {
    if (!isSurveyTokenShaped(token)) throw surveyNotFound();
    const [row]: LinkedFollowup[] = await manager.query(
      `SELECT f.id, f.enrollment_id AS "enrollmentId", f.user_id AS "userId", f.horizon,
              u.full_name AS "fullName", c.title AS "courseTitle",
              to_char(e.completed_on, 'YYYY-MM-DD') AS "completedOn",
              f.token_expires_at AS "expiresAt", u.locale,
              s.region_code AS "trainingRegionCode"
         FROM followup f
         JOIN users u ON u.id = f.user_id
         JOIN enrollment e ON e.id = f.enrollment_id
         JOIN course_session s ON s.id = e.session_id
         JOIN course c ON c.id = s.course_id
        WHERE f.token_hash = $1 AND f.status = 'due' AND f.token_expires_at > now()
          AND u.disabled_at IS NULL AND u.followup_withdrawn_at IS NULL
        ${lock ? 'FOR UPDATE OF f' : ''}`,
      [hashSurveyToken(token)],
    );
    if (!row) throw surveyNotFound();
    return row;
  }
}

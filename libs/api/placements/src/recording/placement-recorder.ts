import { Injectable } from '@nestjs/common';
import { AuditLog } from '@oris/api/identity';
import type { ContractType, RegionCode, SituationKind } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import { assertReferences, assertSituation, insertPlacement } from '../placements/placement-writer';

/** A trainee's answer to a follow-up, as the follow-ups feature hands it over. */
export interface SurveyAnswer {
  /** The person who answered: the situation is theirs, and they author a survey answer. */
  userId: string;
  /**
   * The officer who took the answer by phone, when the trainee did not type it: the situation is
   * then the trainee's declaration collected by that officer (source `officer`, evidence
   * `declared`), recorded by them. Absent for the survey (source `survey`, authored by the trainee).
   */
  collectedBy?: string | null;
  /** The completed enrollment the follow-up is about, when known. */
  enrollmentId?: string | null;
  kind: SituationKind;
  contract?: ContractType | null;
  organisationId?: string | null;
  employerName?: string | null;
  sector?: string | null;
  position?: string | null;
  regionCode: RegionCode;
  startOn: string;
  endOn?: string | null;
  note?: string | null;
  /** Flat facts for the audit event, e.g. `{ followupId, horizon: 9 }`. */
  context?: Record<string, string | number>;
}

/**
 * For the follow-ups feature: turns a follow-up answer into a placement awaiting validation, in
 * the caller's transaction, so that the answer and the situation commit together. Only once an
 * officer validates it does it count. The source says who collected the facts: `survey` when the
 * trainee typed them, `officer` when an officer took them by phone; the evidence is `declared`
 * either way, since both are the trainee's word, not yet checked against anything.
 *
 * Throws `RequestValidationException` (400, each field named) when the answer breaks the rules
 * and `PlacementException` (422) when the person is unknown or untrained, or the organisation or
 * enrollment do not match.
 */
@Injectable()
export class PlacementRecorder {
  constructor(private readonly audit: AuditLog) {}

  async recordSurveyAnswer(
    manager: EntityManager,
    answer: SurveyAnswer,
  ): Promise<{ placementId: string; version: number }> {
    const values = {
      enrollmentId: answer.enrollmentId ?? null,
      kind: answer.kind,
      contract: answer.contract ?? null,
      organisationId: answer.organisationId ?? null,
      employerName: nullIfBlank(answer.employerName),
      sector: nullIfBlank(answer.sector),
      position: nullIfBlank(answer.position),
      regionCode: answer.regionCode,
      startOn: answer.startOn,
      endOn: answer.endOn ?? null,
      source: answer.collectedBy ? ('officer' as const) : ('survey' as const),
      evidence: 'declared' as const,
      note: nullIfBlank(answer.note),
    };
    assertSituation(values, todayInMorocco());
    await assertReferences(manager, answer.userId, values);
    const author = answer.collectedBy ?? answer.userId;
    const placementId = await insertPlacement(manager, answer.userId, values, author, null);
    await this.audit.record(manager, {
      actorId: author,
      action: 'placement.created',
      subjectType: 'placement',
      subjectId: placementId,
      data: {
        ...answer.context,
        personId: answer.userId,
        version: 1,
        kind: answer.kind,
        validated: false,
        via: answer.collectedBy ? 'phone' : 'survey',
      },
    });
    return { placementId, version: 1 };
  }
}

const nullIfBlank = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

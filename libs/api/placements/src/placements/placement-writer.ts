import { RequestValidationException } from '@oris/api/platform';
import { situationProblems } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import { PlacementErrorCode, PlacementException } from '../placement.exception';
import type { SituationValues } from './placement-rows';

export interface Validation {
  by: string;
  at: Date;
}

/**
 * Refuses a situation that breaks the rules taken as a whole (400, naming each field), before
 * the database's CHECKs would with a less helpful 500.
 */
export function assertSituation(values: SituationValues, today: string): void {
  const problems = situationProblems(values, today);
  if (problems.length > 0) {
    throw new RequestValidationException(
      problems.map(({ field, message }) => ({ field, message })),
    );
  }
}

/**
 * The references a situation makes, each refused with 422 naming why: the person exists and has
 * completed a training at least once, the organisation exists, the enrollment is one of the
 * person's completed ones.
 */
export async function assertReferences(
  manager: EntityManager,
  userId: string,
  values: Pick<SituationValues, 'organisationId' | 'enrollmentId'>,
): Promise<void> {
  const [found]: {
    person: boolean;
    trained: boolean;
    organisation: boolean;
    enrollment: boolean;
  }[] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1) AS person,
            EXISTS (SELECT 1 FROM enrollment WHERE user_id = $1 AND status = 'completed') AS trained,
            ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM organisation WHERE id = $2)) AS organisation,
            ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM enrollment
                                          WHERE id = $3 AND user_id = $1 AND status = 'completed')) AS enrollment`,
    [userId, values.organisationId, values.enrollmentId],
  );
  if (!found.person) {
    throw new PlacementException(PlacementErrorCode.UnknownPerson, `No person with id ${userId}.`);
  }
  if (!found.trained) {
    throw new PlacementException(
      PlacementErrorCode.PersonNotTrained,
      'A placement is recorded for a trained person: this person has no completed enrollment.',
    );
  }
  if (!found.organisation) {
    throw new PlacementException(
      PlacementErrorCode.UnknownOrganisation,
      `No organisation with id ${values.organisationId}.`,
    );
  }
  if (!found.enrollment) {
    throw new PlacementException(
      PlacementErrorCode.EnrollmentMismatch,
      `Enrollment ${values.enrollmentId} is not a completed enrollment of this person.`,
    );
  }
}

async function insertVersion(
  manager: EntityManager,
  placementId: string,
  version: number,
  userId: string,
  values: SituationValues,
  recordedBy: string,
  validation: Validation | null,
): Promise<void> {
  await manager.query(
    `INSERT INTO placement_version (placement_id, version, user_id, enrollment_id, kind, contract,
       organisation_id, employer_name, sector, position, region_code, start_on, end_on, source,
       evidence, note, validated_by, validated_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      placementId,
      version,
      userId,
      values.enrollmentId,
      values.kind,
      values.contract,
      values.organisationId,
      values.employerName,
      values.sector,
      values.position,
      values.regionCode,
      values.startOn,
      values.endOn,
      values.source,
      values.evidence,
      values.note,
      validation?.by ?? null,
      validation?.at ?? null,
      recordedBy,
    ],
  );
}

/** A new placement with its first version. Checks are the caller's. */
export async function insertPlacement(
  manager: EntityManager,
  userId: string,
  values: SituationValues,
  recordedBy: string,
  validation: Validation | null,
): Promise<string> {
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO placement (user_id, created_by) VALUES ($1, $2) RETURNING id`,
    [userId, recordedBy],
  );
  await insertVersion(manager, id, 1, userId, values, recordedBy, validation);
  return id;
}

/**
 * The next version of a placement whose row the caller has locked: the current one is marked
 * superseded (its only update), then the new one is written as current.
 */
export async function appendVersion(
  manager: EntityManager,
  current: { placementId: string; version: number; userId: string },
  values: SituationValues,
  recordedBy: string,
  validation: Validation | null,
): Promise<number> {
  await manager.query(
    `UPDATE placement_version SET superseded_at = clock_timestamp()
      WHERE placement_id = $1 AND superseded_at IS NULL`,
    [current.placementId],
  );
  const next = current.version + 1;
  await insertVersion(
    manager,
    current.placementId,
    next,
    current.userId,
    values,
    recordedBy,
    validation,
  );
  return next;
}

/** Locks a placement for a change (changes of one placement are serialised). */
export async function lockPlacement(manager: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM placement WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return rows.length > 0;
}

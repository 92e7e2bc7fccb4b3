import {
  isInsertingKind,
  PLACEMENT_FACT_FIELDS,
  type ContractType,
  type EvidenceLevel,
  type PlacementSource,
  type SituationKind,
} from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import type { PlacementDto, PlacementVersionDto, SituationFieldsDto } from '../dto/placement.dto';

/** What a version says, apart from who recorded and validated it. */
export interface SituationValues {
  enrollmentId: string | null;
  kind: SituationKind;
  contract: ContractType | null;
  organisationId: string | null;
  employerName: string | null;
  sector: string | null;
  position: string | null;
  regionCode: string;
  startOn: string;
  endOn: string | null;
  source: PlacementSource;
  evidence: EvidenceLevel;
  note: string | null;
}

/** The fields compared between versions, in the order a change is reported. */
export const SITUATION_FIELDS: readonly (keyof SituationValues)[] = [
  'enrollmentId',
  ...PLACEMENT_FACT_FIELDS,
];

export interface VersionRow extends SituationValues {
  versionId: string;
  placementId: string;
  version: number;
  userId: string;
  organisationName: string | null;
  validatedById: string | null;
  validatedByName: string | null;
  validatedAt: Date | null;
  recordedById: string;
  recordedByName: string;
  recordedAt: Date;
  supersededAt: Date | null;
}

export interface CurrentRow extends VersionRow {
  personName: string;
  createdAt: Date;
}

const VERSION_COLUMNS = `
  v.id AS "versionId", v.placement_id AS "placementId", v.version, v.user_id AS "userId",
  v.enrollment_id AS "enrollmentId", v.kind, v.contract, v.organisation_id AS "organisationId",
  o.name AS "organisationName", v.employer_name AS "employerName", v.sector, v.position,
  v.region_code AS "regionCode", v.start_on::text AS "startOn", v.end_on::text AS "endOn",
  v.source, v.evidence, v.note, v.validated_by AS "validatedById",
  val.full_name AS "validatedByName", v.validated_at AS "validatedAt",
  v.recorded_by AS "recordedById", rec.full_name AS "recordedByName",
  v.created_at AS "recordedAt", v.superseded_at AS "supersededAt"`;

const VERSION_JOINS = `
  LEFT JOIN organisation o ON o.id = v.organisation_id
  LEFT JOIN users val ON val.id = v.validated_by
  JOIN users rec ON rec.id = v.recorded_by`;

/** Current versions with the person: `FROM` … up to the WHERE the caller adds. */
export const CURRENT_SELECT = `
  SELECT ${VERSION_COLUMNS}, u.full_name AS "personName", p.created_at AS "createdAt"
    FROM placement_version v
    JOIN placement p ON p.id = v.placement_id
    JOIN users u ON u.id = v.user_id
    ${VERSION_JOINS}`;

export async function currentRows(
  manager: EntityManager,
  where: string,
  params: unknown[],
  tail = '',
): Promise<CurrentRow[]> {
  return manager.query(
    `${CURRENT_SELECT} WHERE v.superseded_at IS NULL AND (${where}) ${tail}`,
    params,
  );
}

export async function versionRows(
  manager: EntityManager,
  placementId: string,
): Promise<VersionRow[]> {
  return manager.query(
    `SELECT ${VERSION_COLUMNS} FROM placement_version v ${VERSION_JOINS}
      WHERE v.placement_id = $1 ORDER BY v.version DESC`,
    [placementId],
  );
}

export const valuesOf = (row: SituationValues): SituationValues =>
  Object.fromEntries(
    SITUATION_FIELDS.map((field) => [field, row[field] ?? null]),
  ) as unknown as SituationValues;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function fieldsOf(row: VersionRow): SituationFieldsDto {
  return {
    enrollmentId: row.enrollmentId,
    kind: row.kind,
    inserting: isInsertingKind(row.kind),
    contract: row.contract,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    employerName: row.employerName,
    sector: row.sector,
    position: row.position,
    regionCode: row.regionCode,
    startOn: row.startOn,
    endOn: row.endOn,
    source: row.source,
    evidence: row.evidence,
    note: row.note,
    validated: row.validatedAt !== null,
    validatedBy:
      row.validatedById === null
        ? null
        : { id: row.validatedById, fullName: row.validatedByName ?? '' },
    validatedAt: iso(row.validatedAt),
  };
}

export function toPlacementDto(row: CurrentRow): PlacementDto {
  return {
    id: row.placementId,
    person: { id: row.userId, fullName: row.personName },
    version: row.version,
    ...fieldsOf(row),
    recordedBy: { id: row.recordedById, fullName: row.recordedByName },
    recordedAt: iso(row.recordedAt) as string,
    createdAt: iso(row.createdAt) as string,
  };
}

/** Versions newest first, each with the fields it changed from the one before. */
export function toVersionDtos(rows: VersionRow[]): PlacementVersionDto[] {
  return rows.map((row, index) => {
    const previous = rows[index + 1];
    const changes: string[] = previous
      ? SITUATION_FIELDS.filter((field) => (row[field] ?? null) !== (previous[field] ?? null))
      : [];
    if (previous && (row.validatedAt !== null) !== (previous.validatedAt !== null)) {
      changes.push('validated');
    }
    return {
      version: row.version,
      ...fieldsOf(row),
      recordedBy: { id: row.recordedById, fullName: row.recordedByName },
      recordedAt: iso(row.recordedAt) as string,
      supersededAt: iso(row.supersededAt),
      changes,
    };
  });
}

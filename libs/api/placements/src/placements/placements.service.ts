import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, Page, pageOf } from '@oris/api/platform';
import { DataSource, EntityManager } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import { CreatePlacementDto, UpdatePlacementDto } from '../dto/placement-input.dto';
import { PlacementDetailDto, PlacementDto } from '../dto/placement.dto';
import { PlacementListQuery } from '../dto/placement-list.query';
import { placementNotFound } from '../placement.exception';
import {
  currentRows,
  SITUATION_FIELDS,
  SituationValues,
  toPlacementDto,
  toVersionDtos,
  valuesOf,
  versionRows,
} from './placement-rows';
import {
  appendVersion,
  assertReferences,
  assertSituation,
  insertPlacement,
  lockPlacement,
} from './placement-writer';

/**
 * Placements recorded by placement officers and administrators. Every change is a new version
 * (see the README); audit events name who created, changed and validated what.
 */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(query: PlacementListQuery): Promise<Page<PlacementDto>> {
    const params: unknown[] = [];
    const where: string[] = ['true'];
    const add = (clause: (param: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.person) add((p) => `v.user_id = ${p}`, query.person);
    if (query.kind) add((p) => `v.kind = ${p}`, query.kind);
    if (query.validated !== undefined) {
      where.push(query.validated ? 'v.validated_at IS NOT NULL' : 'v.validated_at IS NULL');
    }
    if (query.region) add((p) => `v.region_code = ${p}`, query.region);
    if (query.organisation) add((p) => `v.organisation_id = ${p}`, query.organisation);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      add((p) => `(u.full_name ILIKE ${p} OR u.full_name_ar ILIKE ${p})`, pattern);
    }
    const condition = where.join(' AND ');
    const manager = this.dataSource.manager;
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM placement_version v JOIN users u ON u.id = v.user_id
        WHERE v.superseded_at IS NULL AND ${condition}`,
      params,
    );
    const rows = await currentRows(
      manager,
      condition,
      [...params, query.pageSize, query.skip],
      `ORDER BY v.start_on DESC, p.created_at DESC, v.placement_id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    );
    return pageOf(rows.map(toPlacementDto), total, query);
  }

  async get(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlacementDetailDto> {
    const [current] = await currentRows(manager, 'v.placement_id = $1', [id]);
    if (!current) throw placementNotFound(id);
    return { ...toPlacementDto(current), versions: toVersionDtos(await versionRows(manager, id)) };
  }

  /** `get` for a member of staff: law 09-08, reading someone's situation leaves a trace. */
  read(user: AuthenticatedUser, id: string): Promise<PlacementDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const placement = await this.get(id, manager);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'placement.read',
        subjectType: 'user',
        subjectId: placement.person.id,
        data: { placementId: id },
      });
      return placement;
    });
  }

  async create(user: AuthenticatedUser, dto: CreatePlacementDto): Promise<PlacementDetailDto> {
    const values: SituationValues = {
      enrollmentId: dto.enrollmentId ?? null,
      kind: dto.kind,
      contract: dto.contract ?? null,
      organisationId: dto.organisationId ?? null,
      employerName: dto.employerName ?? null,
      sector: dto.sector ?? null,
      position: dto.position ?? null,
      regionCode: dto.regionCode,
      startOn: dto.startOn,
      endOn: dto.endOn ?? null,
      source: dto.source,
      evidence: dto.evidence,
      note: dto.note ?? null,
    };
    assertSituation(values, todayInMorocco());
    return this.dataSource.transaction(async (manager) => {
      await assertReferences(manager, dto.userId, values);
      const validation = dto.validate ? { by: user.id, at: new Date() } : null;
      const id = await insertPlacement(manager, dto.userId, values, user.id, validation);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'placement.created',
        subjectType: 'placement',
        subjectId: id,
        data: {
          personId: dto.userId,
          version: 1,
          kind: values.kind,
          validated: validation !== null,
        },
      });
      return this.get(id, manager);
    });
  }

  /**
   * A change is a new version. Sending the values it already has changes nothing (no version).
   * A changed situation is unvalidated unless `validate` is true: whoever changes it attests the
   * new facts or leaves them to be checked, but never inherits an attestation of other facts.
   */
  async update(
    user: AuthenticatedUser,
    id: string,
    dto: UpdatePlacementDto,
  ): Promise<PlacementDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await lockPlacement(manager, id))) throw placementNotFound(id);
      const [current] = await currentRows(manager, 'v.placement_id = $1', [id]);
      const before = valuesOf(current);
      const after = mergeChange(before, dto);
      const changes = SITUATION_FIELDS.filter((field) => before[field] !== after[field]);
      const wasValidated = current.validatedAt !== null;
      const validate = dto.validate === true;
      if (changes.length === 0 && (wasValidated || !validate)) return this.get(id, manager);
      assertSituation(after, todayInMorocco());
      if (changes.includes('organisationId') || changes.includes('enrollmentId')) {
        await assertReferences(manager, current.userId, after);
      }
      const validation = validate ? { by: user.id, at: new Date() } : null;
      const version = await appendVersion(manager, current, after, user.id, validation);
      await this.audit.record(manager, {
        actorId: user.id,
        action: changes.length === 0 ? 'placement.validated' : 'placement.changed',
        subjectType: 'placement',
        subjectId: id,
        data: {
          personId: current.userId,
          version,
          changes: changes.join(','),
          validated: validation !== null,
          wasValidated,
        },
      });
      return this.get(id, manager);
    });
  }

  /** Idempotent: validating a validated situation changes nothing and records nothing. */
  async validate(user: AuthenticatedUser, id: string): Promise<PlacementDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await lockPlacement(manager, id))) throw placementNotFound(id);
      const [current] = await currentRows(manager, 'v.placement_id = $1', [id]);
      if (current.validatedAt !== null) return this.get(id, manager);
      const version = await appendVersion(manager, current, valuesOf(current), user.id, {
        by: user.id,
        at: new Date(),
      });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'placement.validated',
        subjectType: 'placement',
        subjectId: id,
        data: { personId: current.userId, version },
      });
      return this.get(id, manager);
    });
  }
}

/** The values after a PATCH: sent fields replace; the place and the contract follow the rules. */
export function mergeChange(before: SituationValues, dto: UpdatePlacementDto): SituationValues {
  const after: SituationValues = { ...before };
  for (const field of SITUATION_FIELDS) {
    const value = (dto as Record<string, unknown>)[field];
    if (value !== undefined) (after as unknown as Record<string, unknown>)[field] = value;
  }
  // One place at a time: naming one replaces the other.
  if (
    dto.organisationId !== undefined &&
    dto.employerName === undefined &&
    dto.organisationId !== null
  ) {
    after.employerName = null;
  }
  if (
    dto.employerName !== undefined &&
    dto.organisationId === undefined &&
    dto.employerName !== null
  ) {
    after.organisationId = null;
  }
  // Leaving wage employment drops the contract unless one is (wrongly) sent, which is reported.
  if (after.kind !== 'wage_employment' && dto.contract === undefined) after.contract = null;
  return after;
}

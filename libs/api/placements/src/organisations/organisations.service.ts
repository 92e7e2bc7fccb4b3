import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, Page, pageOf, isUniqueViolation } from '@oris/api/platform';
import { STAKEHOLDER_GROUP_OF_KIND } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreateOrganisationDto,
  OrganisationDto,
  OrganisationListQuery,
  UpdateOrganisationDto,
} from '../dto/organisation.dto';
import {
  organisationNotFound,
  PlacementErrorCode,
  PlacementException,
} from '../placement.exception';

interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationDto['kind'];
  stakeholderGroup: OrganisationDto['stakeholderGroup'];
  regionCode: string;
  placementCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `
  SELECT o.id, o.name, o.kind, o.stakeholder_group AS "stakeholderGroup", o.region_code AS "regionCode", o.created_at AS "createdAt",
         o.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM placement_version v
           WHERE v.organisation_id = o.id AND v.superseded_at IS NULL) AS "placementCount"
    FROM organisation o`;

const toDto = (row: OrganisationRow): OrganisationDto => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

const isDuplicateName = (error: unknown) =>
  isUniqueViolation(error, 'organisation_region_name_key');

/** The registry of partner organisations that placements name. */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(query: OrganisationListQuery): Promise<Page<OrganisationDto>> {
    const params: unknown[] = [];
    const where: string[] = ['true'];
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
      where.push(`o.name ILIKE $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`o.kind = $${params.length}`);
    }
    if (query.region) {
      params.push(query.region);
      where.push(`o.region_code = $${params.length}`);
    }
    if (query.stakeholderGroup) {
      params.push(query.stakeholderGroup);
      where.push(`o.stakeholder_group = $${params.length}`);
    }
    const condition = where.join(' AND ');
    const manager = this.dataSource.manager;
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM organisation o WHERE ${condition}`,
      params,
    );
    const rows: OrganisationRow[] = await manager.query(
      `${SELECT} WHERE ${condition} ORDER BY lower(o.name), o.region_code, o.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.skip],
    );
    return pageOf(rows.map(toDto), total, query);
  }

  async get(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganisationDto> {
    const [row]: OrganisationRow[] = await manager.query(`${SELECT} WHERE o.id = $1`, [id]);
    if (!row) throw organisationNotFound(id);
    return toDto(row);
  }

  async create(user: AuthenticatedUser, dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.unique(dto, () =>
      this.dataSource.transaction(async (manager) => {
        const [{ id }]: { id: string }[] = await manager.query(
          `INSERT INTO organisation (name, kind, stakeholder_group, region_code, created_by)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [
            dto.name,
            dto.kind,
            dto.stakeholderGroup ?? STAKEHOLDER_GROUP_OF_KIND[dto.kind],
            dto.regionCode,
            user.id,
          ],
        );
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'organisation.created',
          subjectType: 'organisation',
          subjectId: id,
          data: {
            kind: dto.kind,
            stakeholderGroup: dto.stakeholderGroup ?? STAKEHOLDER_GROUP_OF_KIND[dto.kind],
            regionCode: dto.regionCode,
          },
        });
        return this.get(id, manager);
      }),
    );
  }

  async update(
    user: AuthenticatedUser,
    id: string,
    dto: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.unique(dto, () =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.get(id, manager);
        const changes = (['name', 'kind', 'stakeholderGroup', 'regionCode'] as const).filter(
          (field) => dto[field] !== undefined && dto[field] !== before[field],
        );
        if (changes.length === 0) return before;
        await manager.query(
          `UPDATE organisation SET name = COALESCE($2, name), kind = COALESCE($3, kind),
                  region_code = COALESCE($4, region_code),
                  stakeholder_group = COALESCE($5, stakeholder_group), updated_at = now()
            WHERE id = $1`,
          [
            id,
            dto.name ?? null,
            dto.kind ?? null,
            dto.regionCode ?? null,
            dto.stakeholderGroup ?? null,
          ],
        );
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'organisation.changed',
          subjectType: 'organisation',
          subjectId: id,
          data: { changes: changes.join(',') },
        });
        return this.get(id, manager);
      }),
    );
  }

  private async unique<T>(
    dto: { name?: string; regionCode?: string },
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!isDuplicateName(error)) throw error;
      throw new PlacementException(
        PlacementErrorCode.OrganisationNameTaken,
        `“${dto.name ?? ''}” is already registered in ${dto.regionCode ?? 'this region'}.`,
      );
    }
  }
}

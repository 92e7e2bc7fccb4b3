import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, Page, pageOf } from '@oris/api/platform';
import type { RectificationStatus } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreateRectificationRequestDto,
  RectificationListQuery,
  RectificationRequestDto,
} from '../dto/rectification.dto';
import {
  PlacementErrorCode,
  PlacementException,
  placementNotFound,
  rectificationNotFound,
} from '../placement.exception';

interface RequestRow {
  id: string;
  userId: string;
  fullName: string;
  fullNameAr: string | null;
  placementId: string | null;
  message: string;
  status: RectificationStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  answer: string | null;
}

const SELECT = `
  SELECT r.id, r.user_id AS "userId", u.full_name AS "fullName", u.full_name_ar AS "fullNameAr",
         r.placement_id AS "placementId", r.message, r.status, r.created_at AS "createdAt",
         r.resolved_at AS "resolvedAt", r.answer
    FROM rectification_request r JOIN users u ON u.id = r.user_id`;

const isStaff = (user: AuthenticatedUser) =>
  user.roles.includes('placement_officer') || user.roles.includes('admin');

/**
 * Rectification under law 09-08: a trainee asks staff to correct a situation recorded about
 * them; the request waits in the officers' queue until one resolves it with an answer, which the
 * trainee reads. Staff correct the situation itself through the placement routes (versioned).
 */
@Injectable()
export class RectificationRequests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(
    user: AuthenticatedUser,
    input: CreateRectificationRequestDto,
  ): Promise<RectificationRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      if (input.placementId) {
        const owned: unknown[] = await manager.query(
          `SELECT 1 FROM placement WHERE id = $1 AND user_id = $2`,
          [input.placementId, user.id],
        );
        // Someone else's situation and no situation at all look the same.
        if (owned.length === 0) throw placementNotFound(input.placementId);
      }
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO rectification_request (user_id, placement_id, message)
         VALUES ($1, $2, $3) RETURNING id`,
        [user.id, input.placementId ?? null, input.message],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'rectification.requested',
        subjectType: 'user',
        subjectId: user.id,
        data: { requestId: id, placementId: input.placementId ?? null },
      });
      return this.byId(manager, id);
    });
  }

  /** The person's own requests, latest first. */
  async listMine(user: AuthenticatedUser): Promise<RectificationRequestDto[]> {
    const rows: RequestRow[] = await this.dataSource.query(
      `${SELECT} WHERE r.user_id = $1 ORDER BY r.created_at DESC, r.id`,
      [user.id],
    );
    return rows.map(toDto);
  }

  /** The officers' queue: open requests oldest first (they wait longest), resolved latest first. */
  async list(query: RectificationListQuery): Promise<Page<RectificationRequestDto>> {
    const params: unknown[] = [];
    const where = query.status ? `WHERE r.status = $${params.push(query.status)}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM rectification_request r ${where}`,
      params,
    );
    const rows: RequestRow[] = await this.dataSource.query(
      `${SELECT} ${where}
        ORDER BY r.status = 'open' DESC,
                 CASE WHEN r.status = 'open' THEN r.created_at END ASC,
                 r.resolved_at DESC, r.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.skip],
    );
    return pageOf(rows.map(toDto), total, query);
  }

  /** The person who asked, or staff; anyone else gets the same 404 as for no request. */
  async get(user: AuthenticatedUser, id: string): Promise<RectificationRequestDto> {
    const request = await this.byId(this.dataSource.manager, id);
    if (request.person.id !== user.id && !isStaff(user)) throw rectificationNotFound(id);
    return request;
  }

  async resolve(
    user: AuthenticatedUser,
    id: string,
    answer: string,
  ): Promise<RectificationRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { status: RectificationStatus; userId: string }[] = await manager.query(
        `SELECT status, user_id AS "userId" FROM rectification_request WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw rectificationNotFound(id);
      if (row.status === 'resolved') {
        throw new PlacementException(
          PlacementErrorCode.RectificationResolved,
          `Rectification request ${id} was already resolved.`,
        );
      }
      await manager.query(
        `UPDATE rectification_request
            SET status = 'resolved', resolved_at = now(), resolved_by = $2, answer = $3
          WHERE id = $1`,
        [id, user.id, answer],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'rectification.resolved',
        subjectType: 'user',
        subjectId: row.userId,
        data: { requestId: id },
      });
      return this.byId(manager, id);
    });
  }

  private async byId(manager: EntityManager, id: string): Promise<RectificationRequestDto> {
    const [row]: RequestRow[] = await manager.query(`${SELECT} WHERE r.id = $1`, [id]);
    if (!row) throw rectificationNotFound(id);
    return toDto(row);
  }
}

function toDto(row: RequestRow): RectificationRequestDto {
  return {
    id: row.id,
    person: { id: row.userId, fullName: row.fullName, fullNameAr: row.fullNameAr },
    placementId: row.placementId,
    message: row.message,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    answer: row.answer,
  };
}

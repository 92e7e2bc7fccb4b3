import { Injectable } from '@nestjs/common';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { PracticeCommentDto } from '../dto/practice.dto';
import type { CreatePracticeCommentDto } from '../dto/practice-review.dto';
import { PracticeErrorCode, PracticeException, practiceNotFound } from '../practices.exception';

interface CommentRow {
  id: string;
  field: string;
  language: PracticeCommentDto['language'];
  body: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
}

/** Review comments, per field (and language): written by staff, resolved once answered. */
@Injectable()
export class PracticeComments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(id: string): Promise<PracticeCommentDto[]> {
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT c.id, c.field, c.language, c.body, c.author_id, u.full_name AS author_name,
         c.created_at, c.resolved_at, c.resolved_by
       FROM practice_comment c LEFT JOIN users u ON u.id = c.author_id
       WHERE c.sheet_id = $1 ORDER BY c.created_at, c.id`,
      [id],
    );
    return rows.map(commentOf);
  }

  async add(user: AuthenticatedUser, id: string, dto: CreatePracticeCommentDto): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const exists: unknown[] = await manager.query(
        `SELECT 1 FROM practice_sheet WHERE id = $1 FOR SHARE`,
        [id],
      );
      if (exists.length === 0) throw practiceNotFound(id);
      return this.insert(manager, user, id, dto);
    });
  }

  /** Inside the caller's transaction (a review writes its comments with its decision). */
  async insert(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    dto: CreatePracticeCommentDto,
  ): Promise<string> {
    const [{ id: commentId }]: { id: string }[] = await manager.query(
      `INSERT INTO practice_comment (sheet_id, field, language, body, author_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [id, dto.field, dto.language ?? null, dto.body, user.id],
    );
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'practice.comment_added',
      subjectType: 'practice_sheet',
      subjectId: id,
      data: { commentId, field: dto.field, language: dto.language ?? null },
    });
    return commentId;
  }

  async resolve(user: AuthenticatedUser, id: string, commentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // An UPDATE answers [rows, count] through TypeORM.
      const [rows]: [unknown[], number] = await manager.query(
        `UPDATE practice_comment SET resolved_at = coalesce(resolved_at, now()),
           resolved_by = coalesce(resolved_by, $3)
         WHERE id = $2 AND sheet_id = $1 RETURNING id`,
        [id, commentId, user.id],
      );
      if (rows.length === 0) {
        throw new PracticeException(
          PracticeErrorCode.CommentNotFound,
          `No comment ${commentId} on this sheet.`,
        );
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'practice.comment_resolved',
        subjectType: 'practice_sheet',
        subjectId: id,
        data: { commentId },
      });
    });
  }

  async get(id: string, commentId: string): Promise<PracticeCommentDto> {
    const comment = (await this.list(id)).find((candidate) => candidate.id === commentId);
    if (!comment) throw new PracticeException(PracticeErrorCode.CommentNotFound);
    return comment;
  }
}

function commentOf(row: CommentRow): PracticeCommentDto {
  return {
    id: row.id,
    field: row.field,
    language: row.language,
    body: row.body,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
  };
}

import { Injectable } from '@nestjs/common';
import { AuditLog } from '@oris/api/identity';
import { SearchIndexer } from '@oris/api/search';
import { RequestValidationException, type AuthenticatedUser } from '@oris/api/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateToolDto, UpdateToolDto } from '../dto/tool.dto';
import {
  KnowledgeToolErrorCode,
  KnowledgeToolException,
  toolNotFound,
} from '../knowledge-tools.exception';
import { canonicalLicence } from '../rules/spdx';
import { reindexTool } from './tool-search';

interface CurrentRow {
  id: string;
  titles: Record<string, string>;
  original_language: string;
  kind: string;
  purpose: string;
  oris_role: string;
  licence: string | null;
  status: string;
}

const FACTS = ['kind', 'purpose', 'oris_role', 'licence'] as const;

/**
 * Creates, corrects and validates tools. The facts the indicator reads (kind, purpose, ORIS role,
 * licence) are also written to the append-only `knowledge_tool_fact`: a correction supersedes the
 * current row and inserts a new one in the same transaction, so the figures as known at an
 * earlier instant stay reproducible.
 */
@Injectable()
export class ToolWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly search: SearchIndexer,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateToolDto): Promise<string> {
    checkOriginal(dto.titles, dto.originalLanguage);
    return this.dataSource.transaction(async (manager) => {
      const licence = dto.licence ? canonicalLicence(dto.licence) : null;
      const [{ id }] = await manager.query(
        `INSERT INTO knowledge_tool (titles, descriptions, original_language, kind, purpose, oris_role, licence, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          JSON.stringify(dto.titles),
          JSON.stringify(dto.descriptions ?? {}),
          dto.originalLanguage,
          dto.kind,
          dto.purpose,
          dto.orisRole,
          licence,
          user.id,
        ],
      );
      await this.recordFacts(manager, id, user.id);
      await this.refreshSearch(manager, id);
      await this.replaceLinks(manager, id, dto.courseIds ?? [], dto.publicationIds ?? []);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'knowledge_tool.created',
        subjectType: 'knowledge_tool',
        subjectId: id,
        data: { kind: dto.kind, orisRole: dto.orisRole, licence },
      });
      return id as string;
    });
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateToolDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, id);
      const titles = dto.titles ?? current.titles;
      const original = dto.originalLanguage ?? current.original_language;
      checkOriginal(titles, original);
      const next = {
        kind: dto.kind ?? current.kind,
        purpose: dto.purpose ?? current.purpose,
        oris_role: dto.orisRole ?? current.oris_role,
        licence:
          dto.licence === undefined
            ? current.licence
            : dto.licence === null
              ? null
              : canonicalLicence(dto.licence),
      };
      await manager.query(
        `UPDATE knowledge_tool SET titles = $2, descriptions = coalesce($3, descriptions),
           original_language = $4, kind = $5, purpose = $6, oris_role = $7, licence = $8, updated_at = now()
         WHERE id = $1`,
        [
          id,
          JSON.stringify(titles),
          dto.descriptions === undefined ? null : JSON.stringify(dto.descriptions),
          original,
          next.kind,
          next.purpose,
          next.oris_role,
          next.licence,
        ],
      );
      const changedFacts = FACTS.filter((fact) => next[fact] !== current[fact]);
      if (changedFacts.length > 0) await this.recordFacts(manager, id, user.id);
      await this.refreshSearch(manager, id);
      if (dto.courseIds !== undefined || dto.publicationIds !== undefined) {
        await this.replaceLinks(manager, id, dto.courseIds, dto.publicationIds);
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'knowledge_tool.updated',
        subjectType: 'knowledge_tool',
        subjectId: id,
        data: {
          fields: Object.keys(dto)
            .filter((key) => (dto as Record<string, unknown>)[key] !== undefined)
            .join(','),
          ...Object.fromEntries(changedFacts.map((fact) => [`${fact}Before`, current[fact]])),
        },
      });
    });
  }

  /** `submitted` → `validated`: needs at least one version; a validated tool stays validated. */
  async validate(user: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, id);
      if (current.status === 'validated') {
        throw new KnowledgeToolException(KnowledgeToolErrorCode.AlreadyValidated);
      }
      const [{ versions }] = await manager.query(
        `SELECT count(*)::int AS versions FROM knowledge_tool_version WHERE tool_id = $1`,
        [id],
      );
      if (versions === 0) {
        throw new KnowledgeToolException(
          KnowledgeToolErrorCode.NotValidatable,
          'Add a version (a file or a link) before validating the tool.',
        );
      }
      await manager.query(
        `UPDATE knowledge_tool SET status = 'validated', validated_at = now(), validated_by = $2, updated_at = now()
         WHERE id = $1`,
        [id, user.id],
      );
      await reindexTool(manager, this.search, id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'knowledge_tool.validated',
        subjectType: 'knowledge_tool',
        subjectId: id,
      });
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<CurrentRow> {
    const rows: CurrentRow[] = await manager.query(
      `SELECT id, titles, original_language, kind, purpose, oris_role, licence, status
       FROM knowledge_tool WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw toolNotFound(id);
    return rows[0];
  }

  private async recordFacts(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE knowledge_tool_fact SET superseded_at = now() WHERE tool_id = $1 AND superseded_at IS NULL`,
      [id],
    );
    await manager.query(
      `INSERT INTO knowledge_tool_fact (tool_id, kind, purpose, oris_role, licence, recorded_by)
       SELECT id, kind, purpose, oris_role, licence, $2 FROM knowledge_tool WHERE id = $1`,
      [id, userId],
    );
  }

  /** The registry's own search text, and the tool's rows of the observatory's search. */
  private async refreshSearch(manager: EntityManager, id: string): Promise<void> {
    await reindexTool(manager, this.search, id);
    await manager.query(
      `UPDATE knowledge_tool SET search_text = oris_search_normalize(
         coalesce((SELECT string_agg(value, ' ') FROM jsonb_each_text(titles)), '') || ' ' ||
         coalesce((SELECT string_agg(value, ' ') FROM jsonb_each_text(descriptions)), ''))
       WHERE id = $1`,
      [id],
    );
  }

  private async replaceLinks(
    manager: EntityManager,
    id: string,
    courseIds: string[] | undefined,
    publicationIds: string[] | undefined,
  ): Promise<void> {
    if (courseIds !== undefined) {
      const unique = [...new Set(courseIds)];
      const [{ known }] = await manager.query(
        `SELECT count(*)::int AS known FROM course WHERE id = ANY($1::uuid[])`,
        [unique],
      );
      if (known !== unique.length) {
        throw new KnowledgeToolException(
          KnowledgeToolErrorCode.UnknownCourse,
          'One of the linked courses does not exist.',
        );
      }
      await manager.query(`DELETE FROM knowledge_tool_course WHERE tool_id = $1`, [id]);
      await manager.query(
        `INSERT INTO knowledge_tool_course (tool_id, course_id) SELECT $1, unnest($2::uuid[])`,
        [id, unique],
      );
    }
    if (publicationIds !== undefined) {
      // No foreign key: `publication` belongs to the publications registry (checked at merge).
      await manager.query(`DELETE FROM knowledge_tool_publication WHERE tool_id = $1`, [id]);
      await manager.query(
        `INSERT INTO knowledge_tool_publication (tool_id, publication_id) SELECT $1, unnest($2::uuid[])`,
        [id, [...new Set(publicationIds)]],
      );
    }
  }
}

function checkOriginal(titles: Record<string, string>, original: string): void {
  if (!titles[original]) {
    throw new RequestValidationException([
      {
        field: 'originalLanguage',
        message: 'originalLanguage must be one of the titles’ languages',
      },
    ]);
  }
}

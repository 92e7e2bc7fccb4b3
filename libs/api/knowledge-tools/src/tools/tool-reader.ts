import { Injectable } from '@nestjs/common';
import { pageOf, type Page } from '@oris/api/platform';
import { searchTermsOf } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { ToolDto, ToolSummaryDto, ToolVersionDto } from '../dto/tool.dto';
import type { ToolListQuery } from '../dto/tool.query';
import { toolNotFound } from '../knowledge-tools.exception';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Below this many characters a query is matched as written, never approximately. */
const FUZZY_MIN_LENGTH = 4;

/** The columns of a summary, over `knowledge_tool t`. */
const SUMMARY = `
  t.id, t.titles, t.original_language, t.kind, t.purpose, t.oris_role, t.licence, t.status,
  (SELECT min(v.released_on)::text FROM knowledge_tool_version v WHERE v.tool_id = t.id) AS first_released_on,
  (SELECT max(v.released_on)::text FROM knowledge_tool_version v WHERE v.tool_id = t.id) AS latest_released_on,
  (SELECT coalesce(array_agg(DISTINCT v.language ORDER BY v.language), '{}') FROM knowledge_tool_version v WHERE v.tool_id = t.id) AS languages,
  (SELECT count(*)::int FROM knowledge_tool_version v WHERE v.tool_id = t.id) AS version_count,
  (SELECT count(*)::int FROM knowledge_tool_download d WHERE d.tool_id = t.id) AS downloads`;

interface SummaryRow {
  id: string;
  titles: Record<string, string>;
  original_language: string;
  kind: ToolSummaryDto['kind'];
  purpose: ToolSummaryDto['purpose'];
  oris_role: ToolSummaryDto['orisRole'];
  licence: string | null;
  status: ToolSummaryDto['status'];
  first_released_on: string | null;
  latest_released_on: string | null;
  languages: string[];
  version_count: number;
  downloads: number;
}

/**
 * Reads of the registry: the staff list (any status, every filter) and the public catalogue
 * (validated tools only, no download counts), a tool with its versions.
 */
@Injectable()
export class ToolReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ToolListQuery, audience: 'staff' | 'public'): Promise<Page<ToolSummaryDto>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const order: string[] = [];
    if (audience === 'public') where.push(`t.status = 'validated'`);
    else if (query.status) where.push(`t.status = ${param(query.status)}`);
    if (query.kind) where.push(`t.kind = ${param(query.kind)}`);
    if (query.purpose) where.push(`t.purpose = ${param(query.purpose)}`);
    if (audience === 'staff' && query.role) where.push(`t.oris_role = ${param(query.role)}`);
    const q = query.q?.trim();
    if (q) {
      const terms = searchTermsOf(q);
      if (!terms) where.push('false');
      else {
        const contains = param(`%${escapeLike(terms.normalized)}%`);
        const fuzzy = terms.normalized.length >= FUZZY_MIN_LENGTH ? param(terms.normalized) : null;
        where.push(
          `(t.search_text LIKE ${contains}${fuzzy ? ` OR t.search_text %> ${fuzzy}` : ''})`,
        );
        order.push(`(t.search_text LIKE ${contains}) DESC`);
        if (fuzzy) order.push(`word_similarity(${fuzzy}, t.search_text) DESC`);
      }
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM knowledge_tool t ${clause}`,
      params,
    );
    const latest =
      audience === 'public'
        ? `(SELECT max(v.released_on) FROM knowledge_tool_version v WHERE v.tool_id = t.id) DESC NULLS LAST`
        : 't.created_at DESC';
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY} FROM knowledge_tool t ${clause}
       ORDER BY ${[...order, latest, 't.id'].join(', ')}
       LIMIT ${param(query.pageSize)} OFFSET ${param(query.skip)}`,
      params,
    );
    return pageOf(
      rows.map((row) => summaryOf(row, audience)),
      total,
      query,
    );
  }

  async get(id: string, audience: 'staff' | 'public'): Promise<ToolDto> {
    const rows: (SummaryRow & {
      descriptions: Record<string, string>;
      validated_at: Date | null;
      created_at: Date;
      updated_at: Date;
      course_ids: string[];
      publication_ids: string[];
    })[] = await this.dataSource.query(
      `SELECT ${SUMMARY}, t.descriptions, t.validated_at, t.created_at, t.updated_at,
         (SELECT coalesce(array_agg(c.course_id ORDER BY c.course_id), '{}') FROM knowledge_tool_course c WHERE c.tool_id = t.id) AS course_ids,
         (SELECT coalesce(array_agg(p.publication_id ORDER BY p.publication_id), '{}') FROM knowledge_tool_publication p WHERE p.tool_id = t.id) AS publication_ids
       FROM knowledge_tool t WHERE t.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || (audience === 'public' && row.status !== 'validated')) throw toolNotFound(id);
    const versions = await this.versionsOf(id, audience);
    return {
      ...summaryOf(row, audience),
      descriptions: row.descriptions,
      versions,
      courseIds: row.course_ids,
      publicationIds: row.publication_ids,
      validatedAt: row.validated_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private async versionsOf(id: string, audience: 'staff' | 'public'): Promise<ToolVersionDto[]> {
    const rows: {
      id: string;
      number: string;
      released_on: string;
      language: string;
      url: string | null;
      file_name: string | null;
      media_type: string | null;
      file_size: number | null;
      file_sha256: string | null;
      note: string | null;
      recorded_at: Date;
      downloads: number;
    }[] = await this.dataSource.query(
      `SELECT v.id, v.number, v.released_on::text, v.language, v.url, v.file_name, v.media_type,
         v.file_size, v.file_sha256, v.note, v.recorded_at,
         (SELECT count(*)::int FROM knowledge_tool_download d WHERE d.version_id = v.id) AS downloads
       FROM knowledge_tool_version v WHERE v.tool_id = $1
       ORDER BY v.released_on DESC, v.recorded_at DESC`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      releasedOn: row.released_on,
      language: row.language,
      url: row.url,
      fileName: row.file_name,
      mediaType: row.media_type,
      fileSize: row.file_size,
      sha256: row.file_sha256,
      note: row.note,
      recordedAt: row.recorded_at.toISOString(),
      ...(audience === 'staff' && { downloads: row.downloads }),
    }));
  }
}

function summaryOf(row: SummaryRow, audience: 'staff' | 'public'): ToolSummaryDto {
  return {
    id: row.id,
    titles: row.titles,
    originalLanguage: row.original_language,
    kind: row.kind,
    purpose: row.purpose,
    orisRole: row.oris_role,
    licence: row.licence,
    status: row.status,
    firstReleasedOn: row.first_released_on,
    latestReleasedOn: row.latest_released_on,
    languages: row.languages,
    versionCount: row.version_count,
    ...(audience === 'staff' && { downloads: row.downloads }),
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, pageOf, PageQuery } from '@oris/api/platform';
import type { CourseStatus, CourseTheme, DeliveryMode, Locale } from '@oris/shared/domain';
import { todayInMorocco } from '@oris/shared/domain';
import type { PersonRefDto } from '../dto/person-ref.dto';
import { DataSource } from 'typeorm';
import {
  SESSION_BRIEF_COLUMNS,
  SessionBriefSource,
  toSessionBrief,
} from '../sessions/session-brief';
import { buildCatalogueFilter, buildTeachingFilter } from './catalogue-filter';
import { CourseListQuery, MyCoursesQuery } from '../dto/course-list.query';
import { AdminCourseSummaryDto, CourseSummaryDto } from '../dto/course.dto';

interface SummaryRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  theme: CourseTheme;
  languages: Locale[];
  deliveryMode: DeliveryMode;
  durationHours: number;
  status: CourseStatus;
  publishedAt: Date | null;
  moduleCount: number;
  upcomingRegionCodes: string[] | null;
  nextSession: SessionBriefSource | null;
}

/**
 * Course cards for a page of course ids, in one statement: the published-module count, the
 * regions of upcoming sessions and the next session come from index probes per row of the page,
 * never from a query per course.
 */
const SUMMARIES_SQL = `
  SELECT c.id, c.code, c.title, c.summary, c.theme, c.languages,
         c.delivery_mode AS "deliveryMode", c.duration_hours AS "durationHours", c.status,
         c.published_at AS "publishedAt", mc.count AS "moduleCount",
         ur.regions AS "upcomingRegionCodes", ns.session AS "nextSession"
    FROM unnest($1::uuid[]) WITH ORDINALITY AS page(id, ord)
    JOIN course c ON c.id = page.id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count FROM course_module m
       WHERE m.course_id = c.id AND m.status = 'published') mc
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT s.region_code ORDER BY s.region_code) AS regions
        FROM course_session s
       WHERE s.course_id = c.id AND s.status <> 'cancelled' AND s.starts_on >= $2::date) ur
    LEFT JOIN LATERAL (
      SELECT row_to_json(brief) AS session FROM (
        SELECT ${SESSION_BRIEF_COLUMNS} FROM course_session s
         WHERE s.course_id = c.id AND s.status <> 'cancelled' AND s.starts_on >= $2::date
         ORDER BY s.starts_on, s.id LIMIT 1) brief) ns ON true
   ORDER BY page.ord`;

interface OwnersRow {
  id: string;
  createdAt: Date;
  owners: PersonRefDto[];
}

/** Owners of a page of courses, oldest owner first, in one statement. */
const OWNERS_SQL = `
  SELECT c.id, c.created_at AS "createdAt",
         coalesce(
           (SELECT json_agg(json_build_object('id', u.id, 'fullName', u.full_name)
                            ORDER BY o.created_at, o.user_id)
              FROM course_owner o JOIN users u ON u.id = o.user_id
             WHERE o.course_id = c.id),
           '[]'::json) AS owners
    FROM course c WHERE c.id = ANY ($1::uuid[])`;

@Injectable()
export class CatalogueQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The public catalogue: published courses, best match then newest first, filtered. */
  async list(query: CourseListQuery, today = todayInMorocco()): Promise<Page<CourseSummaryDto>> {
    const { where, params, rank } = buildCatalogueFilter(query, today);
    const conditions = where.join(' AND ');
    const order = [...rank, 'c.published_at DESC', 'c.id'].join(', ');
    const limit = params.length + 1;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(
        `SELECT c.id FROM course c WHERE ${conditions}
          ORDER BY ${order} LIMIT $${limit} OFFSET $${limit + 1}`,
        [...params, query.pageSize, query.skip],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM course c WHERE ${conditions}`,
        params,
      ),
    ]);
    return pageOf(
      await this.summaries(
        rows.map((row) => row.id),
        today,
      ),
      total,
      query,
    );
  }

  /** Courses a person owns, any status, best match then most recently changed first. */
  owned(userId: string, query: MyCoursesQuery): Promise<Page<CourseSummaryDto>> {
    const { where, params, rank } = buildTeachingFilter(query, [userId]);
    return this.teachingPage(
      `FROM course c JOIN course_owner o ON o.course_id = c.id
        WHERE ${['o.user_id = $1', ...where].join(' AND ')}`,
      params,
      [...rank, 'c.updated_at DESC', 'c.id'].join(', '),
      query,
    );
  }

  /** Every course, any status, best match then newest first, with its owners: the administrators' overview. */
  async all(query: MyCoursesQuery): Promise<Page<AdminCourseSummaryDto>> {
    const { where, params, rank } = buildTeachingFilter(query);
    const page = await this.teachingPage(
      `FROM course c ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
      [...rank, 'c.created_at DESC', 'c.id'].join(', '),
      query,
    );
    const ids = page.items.map((item) => item.id);
    if (ids.length === 0) return { ...page, items: [] };
    const rows = await this.dataSource.query<OwnersRow[]>(OWNERS_SQL, [ids]);
    const byCourse = new Map(rows.map((row) => [row.id, row]));
    return {
      ...page,
      // Courses are never deleted, so every card has its row.
      items: page.items.flatMap((item) => {
        const row = byCourse.get(item.id);
        return row ? [{ ...item, owners: row.owners, createdAt: row.createdAt.toISOString() }] : [];
      }),
    };
  }

  /** One page of course ids and the total, run concurrently, then the cards of that page. */
  private async teachingPage(
    from: string,
    params: unknown[],
    order: string,
    query: PageQuery,
  ): Promise<Page<CourseSummaryDto>> {
    const limit = params.length + 1;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(
        `SELECT c.id ${from} ORDER BY ${order} LIMIT $${limit} OFFSET $${limit + 1}`,
        [...params, query.pageSize, query.skip],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    return pageOf(
      await this.summaries(
        rows.map((row) => row.id),
        todayInMorocco(),
      ),
      total,
      query,
    );
  }

  private async summaries(ids: string[], today: string): Promise<CourseSummaryDto[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<SummaryRow[]>(SUMMARIES_SQL, [ids, today]);
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      title: row.title,
      summary: row.summary,
      theme: row.theme,
      languages: row.languages,
      deliveryMode: row.deliveryMode,
      durationHours: row.durationHours,
      status: row.status,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      moduleCount: row.moduleCount,
      upcomingRegionCodes: row.upcomingRegionCodes ?? [],
      nextSession: row.nextSession ? toSessionBrief(row.nextSession) : null,
    }));
  }
}

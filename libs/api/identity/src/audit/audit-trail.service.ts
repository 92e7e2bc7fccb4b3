import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, pageOf } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { AuditEventDto, AuditEventListQuery } from './audit-event.dto';

/** Days are Moroccan days, as everywhere in ORIS. */
const TIME_ZONE = 'Africa/Casablanca';

/** Reads the audit trail for administrators, newest first. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AuditEventListQuery): Promise<Page<AuditEventDto>> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (query.actor) where((p) => `e.actor_id = ${p}`, query.actor);
    if (query.subject) where((p) => `e.subject_id = ${p}`, query.subject);
    if (query.action?.endsWith('.')) where((p) => `starts_with(e.action, ${p})`, query.action);
    else if (query.action) where((p) => `e.action = ${p}`, query.action);
    if (query.from)
      where((p) => `e.at >= (${p}::date)::timestamp AT TIME ZONE '${TIME_ZONE}'`, query.from);
    if (query.to)
      where((p) => `e.at < (${p}::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}'`, query.to);
    const filter = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_event e ${filter}`,
      parameters,
    );
    const rows: (Omit<AuditEventDto, 'at'> & { at: Date })[] = await this.dataSource.query(
      `SELECT e.id, e.at, e.action, e.actor_id AS "actorId", actor.full_name AS "actorName",
              e.subject_type AS "subjectType", e.subject_id AS "subjectId",
              subject.full_name AS "subjectName", e.data
         FROM audit_event e
         LEFT JOIN users actor ON actor.id = e.actor_id
         LEFT JOIN users subject
           ON e.subject_type = 'user' AND subject.id::text = e.subject_id
         ${filter}
        ORDER BY e.at DESC, e.id DESC
        LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, query.pageSize, query.skip],
    );
    return pageOf(
      rows.map((row) => ({ ...row, at: row.at.toISOString() })),
      total,
      query,
    );
  }
}

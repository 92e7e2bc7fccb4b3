import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import {
  type AuthenticatedUser,
  isUniqueViolation,
  type Page,
  pageOf,
  sentFields,
} from '@oris/api/platform';
import { normalizeForSearch, normalizeIssn } from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreateSerialDto,
  SerialDetailDto,
  SerialDto,
  SerialListQuery,
  UpdateSerialDto,
} from './dto/serial.dto';
import { Serial } from './entities/serial.entity';
import {
  COVERAGE_COLUMNS,
  SERIAL_COLUMNS,
  staleBefore,
  toCoverageDto,
  toSerialDto,
} from './serial-rows';
import { issnTaken, SerialErrorCode, SerialException, serialNotFound } from './serials.exception';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Checks and normalises an ISSN as sent (`null`: none); an invalid one is a 422 naming the field. */
export function issnOf(field: string, text: string | null | undefined): string | null {
  if (text === null || text === undefined || text === '') return null;
  const issn = normalizeIssn(text);
  if (!issn) {
    throw new SerialException(
      SerialErrorCode.IssnInvalid,
      `${field}: ${text} is not a valid ISSN (its check character does not match).`,
    );
  }
  return issn;
}

/** Serials: the list (search, index, stale), one serial with its coverage, creation and edits. */
@Injectable()
export class SerialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(query: SerialListQuery): Promise<Page<SerialDto>> {
    const params: unknown[] = [staleBefore()];
    const where: string[] = [];
    const q = query.q?.trim();
    if (q) {
      const issn = normalizeIssn(q);
      const compact = q.replace(/[\s-]/g, '').toUpperCase();
      const normalized = normalizeForSearch(q);
      const conditions: string[] = [];
      if (issn) {
        params.push(issn);
        conditions.push(`s.issn_print = $${params.length} OR s.issn_online = $${params.length}`);
      } else if (/^[0-9]{3,7}[0-9X]?$/.test(compact)) {
        params.push(`%${compact}%`);
        conditions.push(
          `replace(s.issn_print, '-', '') LIKE $${params.length} OR replace(s.issn_online, '-', '') LIKE $${params.length}`,
        );
      }
      if (normalized) {
        params.push(`%${escapeLike(normalized)}%`);
        conditions.push(
          `oris_search_normalize(s.title) LIKE $${params.length}`,
          `oris_search_normalize(s.alternate_titles::text) LIKE $${params.length}`,
        );
      }
      where.push(conditions.length ? `(${conditions.join(' OR ')})` : 'false');
    }
    if (query.index) {
      params.push(query.index);
      where.push(`EXISTS (SELECT 1 FROM serial_coverage c WHERE c.serial_id = s.id
                    AND c.superseded_at IS NULL AND c.index_code = $${params.length})`);
    }
    if (query.stale) {
      where.push(`EXISTS (SELECT 1 FROM serial_coverage c WHERE c.serial_id = s.id
                    AND c.superseded_at IS NULL AND c.checked_on < $1::date)`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      // `$1` (the stale day) is typed here even when no condition uses it.
      `SELECT count(*)::int AS total FROM serial s, (SELECT $1::date AS stale_before) p ${whereSql}`,
      params,
    );
    const rows = await this.dataSource.query(
      `SELECT ${SERIAL_COLUMNS} FROM serial s ${whereSql}
        ORDER BY lower(s.title), s.id LIMIT ${query.pageSize} OFFSET ${query.skip}`,
      params,
    );
    return pageOf(rows.map(toSerialDto), total, query);
  }

  async get(id: string): Promise<SerialDetailDto> {
    const serial = await this.findSerial(this.dataSource.manager, id);
    const history = await this.dataSource.query(
      `SELECT ${COVERAGE_COLUMNS} FROM serial_coverage c WHERE c.serial_id = $1
        ORDER BY c.recorded_at DESC, c.index_code, c.from_year`,
      [id],
    );
    const rows = history.map(toCoverageDto);
    return {
      ...serial,
      coverage: rows
        .filter((row: { supersededAt: string | null }) => row.supersededAt === null)
        .sort(
          (a: { index: string; fromYear: number }, b: { index: string; fromYear: number }) =>
            a.index.localeCompare(b.index) || a.fromYear - b.fromYear,
        ),
      history: rows,
    };
  }

  async create(actor: AuthenticatedUser, body: CreateSerialDto): Promise<SerialDetailDto> {
    const issnPrint = issnOf('issnPrint', body.issnPrint);
    const issnOnline = issnOf('issnOnline', body.issnOnline);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.refuseTakenIssns(manager, [issnPrint, issnOnline], null);
      const serial = await this.saveUnique(issnPrint, issnOnline, () =>
        manager.save(
          manager.create(Serial, {
            title: body.title,
            alternateTitles: body.alternateTitles ?? [],
            issnPrint,
            issnOnline,
            publisher: body.publisher ?? null,
            country: body.country ?? null,
            createdBy: actor.id,
          }),
        ),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'serial.created',
        subjectType: 'serial',
        subjectId: serial.id,
        data: { title: body.title, issnPrint, issnOnline },
      });
      return serial.id;
    });
    return this.get(id);
  }

  async update(
    actor: AuthenticatedUser,
    id: string,
    body: UpdateSerialDto,
  ): Promise<SerialDetailDto> {
    const changes: Partial<Serial> = { ...sentFields(body) } as Partial<Serial>;
    if (body.issnPrint !== undefined) changes.issnPrint = issnOf('issnPrint', body.issnPrint);
    if (body.issnOnline !== undefined) changes.issnOnline = issnOf('issnOnline', body.issnOnline);
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Serial, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing) throw serialNotFound(id);
      await this.refuseTakenIssns(manager, [changes.issnPrint, changes.issnOnline], id);
      if (Object.keys(changes).length === 0) return;
      await this.saveUnique(
        changes.issnPrint ?? existing.issnPrint,
        changes.issnOnline ?? existing.issnOnline,
        () => manager.update(Serial, { id }, changes),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'serial.updated',
        subjectType: 'serial',
        subjectId: id,
        data: { fields: Object.keys(changes).join(',') },
      });
    });
    return this.get(id);
  }

  /** The serial holding one of these ISSNs (print or online), other than `exceptId`. */
  async findByIssns(
    manager: EntityManager,
    issns: (string | null | undefined)[],
    exceptId: string | null = null,
  ): Promise<{ id: string; title: string; issn: string } | null> {
    const wanted = issns.filter((issn): issn is string => !!issn);
    if (wanted.length === 0) return null;
    const [row] = await manager.query(
      `SELECT id, title, CASE WHEN issn_print = ANY($1) THEN issn_print ELSE issn_online END AS issn
         FROM serial WHERE (issn_print = ANY($1) OR issn_online = ANY($1))
          AND ($2::uuid IS NULL OR id <> $2) ORDER BY created_at LIMIT 1`,
      [wanted, exceptId],
    );
    return row ?? null;
  }

  private async refuseTakenIssns(
    manager: EntityManager,
    issns: (string | null | undefined)[],
    exceptId: string | null,
  ): Promise<void> {
    const taken = await this.findByIssns(manager, issns, exceptId);
    if (taken) throw issnTaken(taken.issn, taken);
  }

  /** A concurrent creation with the same ISSN loses on the unique index: answered as 409 too. */
  private async saveUnique<T>(
    issnPrint: string | null,
    issnOnline: string | null,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (
        isUniqueViolation(error, 'serial_issn_print_key') ||
        isUniqueViolation(error, 'serial_issn_online_key')
      ) {
        const taken = await this.findByIssns(this.dataSource.manager, [issnPrint, issnOnline]);
        throw issnTaken(
          taken?.issn ?? String(issnPrint ?? issnOnline),
          taken ?? { id: '?', title: '?' },
        );
      }
      throw error;
    }
  }

  private async findSerial(manager: EntityManager, id: string): Promise<SerialDto> {
    const [row] = await manager.query(`SELECT ${SERIAL_COLUMNS} FROM serial s WHERE s.id = $2`, [
      staleBefore(),
      id,
    ]);
    if (!row) throw serialNotFound(id);
    return toSerialDto(row);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, Page } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import type { PublicationFilterQuery, PublicationListQuery } from '../dto/publication-list.query';
import type { PublicationDetailDto, PublicationDto } from '../dto/publication.dto';
import { publicationNotFound } from '../publication.exception';
import { DuplicateFinder } from './duplicate-finder';
import { publicationFilter } from './publication-filter';
import {
  PUBLICATION_COLUMNS,
  PublicationRow,
  toPublicationDetailDto,
  toPublicationDto,
} from './publication-rows';

/** Editors and administrators see every record; anyone else only validated ones. */
export const isRegistryStaff = (user: AuthenticatedUser | null): boolean =>
  !!user && user.roles.some((role) => role === 'admin' || role === 'observatory_editor');

/** Most entries one export writes (a list filter narrows it). */
export const EXPORT_LIMIT = 5000;

@Injectable()
export class PublicationReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly duplicates: DuplicateFinder,
  ) {}

  async list(
    viewer: AuthenticatedUser | null,
    query: PublicationListQuery,
  ): Promise<Page<PublicationDto>> {
    const { where, params, rank } = publicationFilter(query, !isRegistryStaff(viewer));
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM publication p WHERE ${where}`,
      params,
    );
    const rows: PublicationRow[] = await this.dataSource.query(
      `SELECT ${PUBLICATION_COLUMNS} FROM publication p LEFT JOIN serial s ON s.id = p.serial_id
        WHERE ${where}
        ORDER BY ${[...rank, 'p.published_on DESC', 'p.created_at DESC', 'p.id'].join(', ')}
        LIMIT ${query.pageSize} OFFSET ${query.skip}`,
      params,
    );
    return { items: rows.map(toPublicationDto), total, page: query.page, pageSize: query.pageSize };
  }

  /** Every matching record with its details, for an export (at most EXPORT_LIMIT). */
  async all(
    viewer: AuthenticatedUser | null,
    query: PublicationFilterQuery,
  ): Promise<PublicationDetailDto[]> {
    const { where, params } = publicationFilter(query, !isRegistryStaff(viewer));
    const rows: PublicationRow[] = await this.dataSource.query(
      `SELECT ${PUBLICATION_COLUMNS} FROM publication p LEFT JOIN serial s ON s.id = p.serial_id
        WHERE ${where} ORDER BY p.published_on DESC, p.created_at DESC, p.id LIMIT ${EXPORT_LIMIT}`,
      params,
    );
    const records = await this.indexRecordsOf(rows.map((row) => row.id));
    return rows.map((row) => toPublicationDetailDto(row, records.get(row.id) ?? []));
  }

  /** A record; visitors get 404 for anything not validated, or merged into another one. */
  async get(viewer: AuthenticatedUser | null, id: string): Promise<PublicationDetailDto> {
    const rows: PublicationRow[] = await this.dataSource.query(
      `SELECT ${PUBLICATION_COLUMNS} FROM publication p LEFT JOIN serial s ON s.id = p.serial_id WHERE p.id = $1`,
      [id],
    );
    const row = rows[0];
    const staff = isRegistryStaff(viewer);
    if (!row || (!staff && (row.status !== 'validated' || row.merged_into_id)))
      throw publicationNotFound(id);
    const records = await this.indexRecordsOf([id]);
    const detail = toPublicationDetailDto(row, records.get(id) ?? []);
    if (!staff) return detail;
    const history: PublicationDetailDto['history'] = await this.dataSource.query(
      `SELECT version, change, recorded_at AS "recordedAt", recorded_by AS "recordedBy"
         FROM publication_version WHERE publication_id = $1 ORDER BY version DESC`,
      [id],
    );
    const possibleDuplicates = row.merged_into_id
      ? []
      : await this.duplicates.possible(
          this.dataSource.manager,
          {
            doi: row.doi,
            isbn: row.isbn,
            title: row.title,
            publishedOn: row.published_on,
            firstAuthor: row.contributors[0]?.family_name ?? row.contributors[0]?.name_ar ?? null,
          },
          id,
        );
    return {
      ...detail,
      history: (history ?? []).map((h) => ({
        ...h,
        recordedAt: new Date(h.recordedAt).toISOString(),
      })),
      possibleDuplicates: possibleDuplicates.filter((d) => d.id !== id),
    };
  }

  private async indexRecordsOf(ids: string[]) {
    const rows: {
      publication_id: string;
      index: string;
      externalId: string | null;
      verifiedOn: string;
      recordedAt: Date;
    }[] =
      ids.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT publication_id, index_code AS index, external_id AS "externalId",
                    verified_on::text AS "verifiedOn", recorded_at AS "recordedAt"
               FROM publication_index_record WHERE publication_id = ANY ($1) AND superseded_at IS NULL
              ORDER BY index_code`,
            [ids],
          );
    const byId = new Map<string, PublicationDetailDto['indexRecords']>();
    for (const row of rows) {
      const list = byId.get(row.publication_id) ?? [];
      list.push({
        index: row.index,
        externalId: row.externalId,
        verifiedOn: row.verifiedOn,
        recordedAt: new Date(row.recordedAt).toISOString(),
      });
      byId.set(row.publication_id, list);
    }
    return byId;
  }
}

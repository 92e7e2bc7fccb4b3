import { Injectable } from '@nestjs/common';
import { AuditLog } from '@oris/api/identity';
import { AppConfig, pageOf, type AuthenticatedUser, type Page } from '@oris/api/platform';
import {
  consentedContacts,
  dayInMorocco,
  diffPracticeSnapshots,
  searchTermsOf,
  type Locale,
  type PracticeSnapshot,
  type PublishedPracticeSheet,
} from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type {
  PracticeDiffDto,
  PracticeDto,
  PracticeSummaryDto,
  PracticeVersionDto,
} from '../dto/practice.dto';
import type { PracticeListQuery } from '../dto/practice-list.query';
import { practiceJsonLd, type JsonLdLink } from '../print/practice-json-ld';
import { PracticeErrorCode, PracticeException, practiceNotFound } from '../practices.exception';
import { isPracticeStaff, mayReview } from '../rules/practice-rules';
import { linkedItemsOf } from './practice-linked-items';
import { PracticeSnapshots } from './practice-snapshots';
import { practicePublishedSheet } from './published-sheet';

/** Where the web app shows each kind of public record (as the search documents say). */
const PUBLIC_PATHS: Record<JsonLdLink['kind'], string> = {
  tool: '/tools',
  publication: '/publications',
  course: '/catalogue',
};

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Below this many characters a query is matched as written, never approximately. */
const FUZZY_MIN_LENGTH = 4;

interface ShownRow {
  id: string;
  number: number;
  snapshot: PracticeSnapshot;
  status: PracticeSummaryDto['status'];
  public_version: number | null;
  published_at: Date | null;
  updated_at: Date;
  created_at: Date;
}

/**
 * Reads of the library. Staff (editors, administrators) read the working state (the latest
 * version); everyone else reads the last published version only, without the contacts that did
 * not consent, without authors or consent records.
 */
@Injectable()
export class PracticeReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: PracticeSnapshots,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Law 09-08: a member of staff reading a sheet's contacts (names, emails, phones, some without
   * consent to publication) leaves a trace, as reading a placement does.
   */
  async recordContactsViewed(user: AuthenticatedUser, sheet: PracticeDto): Promise<void> {
    if (sheet.contacts.length === 0) return;
    await this.audit.record(this.dataSource.manager, {
      actorId: user.id,
      action: 'practice.contacts_viewed',
      subjectType: 'practice_sheet',
      subjectId: sheet.id,
      data: { version: sheet.version, contacts: sheet.contacts.length },
    });
  }

  /** The sheet's id from its id or its slug; 404 when there is none. */
  idOf(idOrSlug: string): Promise<string> {
    return this.snapshots.idOf(this.dataSource.manager, idOrSlug);
  }

  async list(
    viewer: AuthenticatedUser | null,
    query: PracticeListQuery,
  ): Promise<Page<PracticeSummaryDto>> {
    const staff = isPracticeStaff(viewer);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const column = (name: string) => (staff ? `s.${name}` : `s.public_${name}`);
    const where: string[] = staff ? [] : ['s.public_version IS NOT NULL'];
    const order: string[] = [];
    if (staff && query.status) where.push(`s.status = ${param(query.status)}`);
    if (staff && query.author) {
      where.push(
        `EXISTS (SELECT 1 FROM practice_sheet_author a WHERE a.sheet_id = s.id AND a.user_id = ${param(query.author)})`,
      );
    }
    if (query.region) where.push(`${param(query.region)} = ANY(${column('regions')})`);
    if (query.theme) where.push(`${param(query.theme)} = ANY(${column('themes')})`);
    if (query.population) where.push(`${param(query.population)} = ANY(${column('populations')})`);
    if (query.evidenceMin) {
      where.push(
        `${staff ? 's.evidence_level' : 's.public_evidence_level'} >= ${param(query.evidenceMin)}`,
      );
    }
    const q = query.q?.trim();
    if (q) {
      const text = staff ? 's.search_text' : 's.public_search_text';
      const terms = searchTermsOf(q);
      if (!terms) where.push('false');
      else {
        const contains = param(`%${escapeLike(terms.normalized)}%`);
        const fuzzy = terms.normalized.length >= FUZZY_MIN_LENGTH ? param(terms.normalized) : null;
        where.push(`(${text} LIKE ${contains}${fuzzy ? ` OR ${text} %> ${fuzzy}` : ''})`);
        order.push(`(${text} LIKE ${contains}) DESC`);
        if (fuzzy) order.push(`word_similarity(${fuzzy}, ${text}) DESC`);
      }
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM practice_sheet s ${clause}`,
      params,
    );
    const rows: ShownRow[] = await this.dataSource.query(
      `SELECT s.id, v.number, v.snapshot, s.status, s.public_version, s.published_at, s.updated_at, s.created_at
       FROM practice_sheet s
       JOIN practice_version v ON v.sheet_id = s.id AND v.number = ${staff ? 's.revision' : 's.public_version'}
       ${clause}
       ORDER BY ${[...order, staff ? 's.updated_at DESC' : 's.published_at DESC', 's.id'].join(', ')}
       LIMIT ${param(query.pageSize)} OFFSET ${param(query.skip)}`,
      params,
    );
    return pageOf(
      rows.map((row) => summaryOf(row, staff)),
      total,
      query,
    );
  }

  async get(viewer: AuthenticatedUser | null, idOrSlug: string): Promise<PracticeDto> {
    const id = await this.snapshots.idOf(this.dataSource.manager, idOrSlug);
    const staff = isPracticeStaff(viewer);
    const row = await this.shown(id, staff);
    const summary = summaryOf(row, staff);
    const { snapshot } = row;
    const base: PracticeDto = {
      ...summary,
      texts: snapshot.texts,
      translatedLanguages: snapshot.translatedLanguages,
      totalCostMad: snapshot.totalCostMad,
      costPerBeneficiaryMad: snapshot.costPerBeneficiaryMad,
      beneficiaries: snapshot.beneficiaries,
      startYear: snapshot.startYear,
      endYear: snapshot.endYear,
      resultFigures: snapshot.resultFigures,
      evidenceJustification: snapshot.evidenceJustification,
      contacts: staff
        ? snapshot.contacts.map((contact) => ({
            ...contact,
            consentGiven: contact.consentRecordedAt !== null,
          }))
        : consentedContacts(snapshot.contacts).map((contact) => ({
            name: contact.name,
            role: contact.role,
            organisation: contact.organisation,
            email: contact.email,
            phone: contact.phone,
          })),
      links: snapshot.links,
      attachments: snapshot.attachments.map((file) => ({
        ...file,
        downloadPath: `/api/v1/practices/${id}/attachments/${file.id}`,
      })),
      linkedItems: await linkedItemsOf(this.dataSource.manager, snapshot.links, !staff),
    };
    if (!staff || !viewer) return { ...base, jsonLd: this.jsonLdOf(id, row, base.linkedItems) };
    const authors: { id: string; full_name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.full_name FROM practice_sheet_author a JOIN users u ON u.id = a.user_id
       WHERE a.sheet_id = $1 ORDER BY a.since, u.id`,
      [id],
    );
    const [{ open }]: { open: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS open FROM practice_comment WHERE sheet_id = $1 AND resolved_at IS NULL`,
      [id],
    );
    return {
      ...base,
      authors: authors.map((author) => ({ id: author.id, fullName: author.full_name })),
      openComments: open,
      mayReview: mayReview(
        viewer,
        authors.map((author) => author.id),
      ),
      createdAt: row.created_at.toISOString(),
    };
  }

  /** The public version as schema.org JSON-LD, its linked records those the public may read. */
  private jsonLdOf(
    id: string,
    row: ShownRow,
    linkedItems: PracticeDto['linkedItems'],
  ): Record<string, unknown> {
    const sheet = practicePublishedSheet(
      { id, version: row.number, snapshot: row.snapshot, publishedAt: row.published_at as Date },
      this.config.PUBLIC_WEB_URL,
    );
    const origin = this.config.PUBLIC_WEB_URL.replace(/\/+$/, '');
    const links = linkedItems.flatMap((item): JsonLdLink[] =>
      item.kind === 'partnership'
        ? []
        : [
            {
              kind: item.kind,
              title: item.title,
              url: `${origin}${PUBLIC_PATHS[item.kind]}/${item.id}`,
            },
          ],
    );
    return practiceJsonLd(sheet, (language) => `${sheet.url}?lang=${language}`, links);
  }

  /** The last published version as the shared shape (PDF, schema.org); 404 when not public. */
  async published(idOrSlug: string): Promise<PublishedPracticeSheet> {
    const id = await this.snapshots.idOf(this.dataSource.manager, idOrSlug);
    const row = await this.shown(id, false);
    return practicePublishedSheet(
      {
        id,
        version: row.number,
        snapshot: row.snapshot,
        publishedAt: row.published_at as Date,
      },
      this.config.PUBLIC_WEB_URL,
    );
  }

  async versions(id: string): Promise<PracticeVersionDto[]> {
    await this.snapshots.idOf(this.dataSource.manager, id);
    const rows: {
      number: number;
      status: PracticeVersionDto['status'];
      action: string;
      author_id: string | null;
      author_name: string | null;
      recorded_at: Date;
      public: boolean;
    }[] = await this.dataSource.query(
      `SELECT v.number, v.status, v.action, v.author_id, u.full_name AS author_name, v.recorded_at,
         (v.number = s.public_version) IS TRUE AS public
       FROM practice_version v JOIN practice_sheet s ON s.id = v.sheet_id
       LEFT JOIN users u ON u.id = v.author_id
       WHERE v.sheet_id = $1 ORDER BY v.number DESC`,
      [id],
    );
    return rows.map((row) => ({
      number: row.number,
      status: row.status,
      action: row.action,
      authorId: row.author_id,
      authorName: row.author_name,
      recordedAt: row.recorded_at.toISOString(),
      public: row.public,
    }));
  }

  /** Version `to` against `from` (default: the one before), field by field, word by word. */
  async diff(id: string, to: number, from?: number): Promise<PracticeDiffDto> {
    await this.snapshots.idOf(this.dataSource.manager, id);
    const against = from ?? Math.max(1, to - 1);
    const rows: { number: number; snapshot: PracticeSnapshot }[] = await this.dataSource.query(
      `SELECT number, snapshot FROM practice_version WHERE sheet_id = $1 AND number = ANY($2::int[])`,
      [id, [to, against]],
    );
    const find = (n: number) => {
      const row = rows.find((candidate) => candidate.number === n);
      if (!row) {
        throw new PracticeException(
          PracticeErrorCode.VersionNotFound,
          `No version ${n} of this sheet.`,
        );
      }
      return row.snapshot;
    };
    return { from: against, to, changes: diffPracticeSnapshots(find(against), find(to)) };
  }

  /** The version a viewer reads: the latest for staff, the public one for the others (404). */
  private async shown(id: string, staff: boolean): Promise<ShownRow> {
    const rows: ShownRow[] = await this.dataSource.query(
      `SELECT s.id, v.number, v.snapshot, s.status, s.public_version, s.published_at, s.updated_at, s.created_at
       FROM practice_sheet s
       JOIN practice_version v ON v.sheet_id = s.id AND v.number = ${staff ? 's.revision' : 's.public_version'}
       WHERE s.id = $1`,
      [id],
    );
    if (!rows[0]) throw practiceNotFound(id);
    if (staff) return rows[0];
    // A consent withdrawn (or a contact removed) since the publication takes effect at once: the
    // public version shows a contact only while the working state still records its consent.
    const consenting: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM practice_contact WHERE sheet_id = $1 AND consent_recorded_at IS NOT NULL`,
      [id],
    );
    const still = new Set(consenting.map((row) => row.id));
    const { snapshot } = rows[0];
    return {
      ...rows[0],
      snapshot: {
        ...snapshot,
        contacts: snapshot.contacts.filter((contact) => still.has(contact.id)),
      },
    };
  }
}

function summaryOf(row: ShownRow, staff: boolean): PracticeSummaryDto {
  const { snapshot } = row;
  const languages = (Object.keys(snapshot.texts) as Locale[]).sort(
    (a, b) => Number(a !== snapshot.originalLanguage) - Number(b !== snapshot.originalLanguage),
  );
  const pick = (field: 'title' | 'summary') =>
    Object.fromEntries(
      languages
        .filter((language) => snapshot.texts[language]?.[field])
        .map((language) => [language, snapshot.texts[language]?.[field] as string]),
    );
  return {
    id: row.id,
    slug: snapshot.slug,
    status: staff ? row.status : 'published',
    version: row.number,
    publishedVersion: row.public_version,
    originalLanguage: snapshot.originalLanguage,
    languages,
    titles: pick('title'),
    summaries: pick('summary'),
    regions: snapshot.regions,
    themes: snapshot.themes,
    populations: snapshot.populations,
    evidenceLevel: snapshot.evidenceLevel,
    publishedOn: row.published_at ? dayInMorocco(row.published_at) : null,
    updatedAt: (staff ? row.updated_at : (row.published_at ?? row.updated_at)).toISOString(),
  };
}

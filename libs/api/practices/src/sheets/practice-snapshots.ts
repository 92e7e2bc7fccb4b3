import { Injectable } from '@nestjs/common';
import { AuditLog } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import {
  PRACTICE_TEXT_FIELDS,
  type Locale,
  type PracticeSnapshot,
  type PracticeStatus,
  type PracticeTexts,
} from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import { practiceNotFound } from '../practices.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The working state's row, as a writer locks it. */
export interface SheetRow {
  id: string;
  status: PracticeStatus;
  revision: number;
  public_version: number | null;
  original_language: Locale;
}

/** What a version records besides its snapshot: which change made it. */
export type PracticeAction =
  | 'created'
  | 'updated'
  | 'submitted'
  | 'returned'
  | 'assessed'
  | 'published'
  | 'archived'
  | 'reopened'
  | 'attachment_added'
  | 'attachment_removed';

/** Every text of a snapshot in reading order, languages one after the other: what search reads. */
export function plainTextOf(snapshot: Pick<PracticeSnapshot, 'texts'>): string {
  return Object.values(snapshot.texts)
    .flatMap((texts) => PRACTICE_TEXT_FIELDS.map((field) => texts?.[field] ?? ''))
    .filter(Boolean)
    .join('\n');
}

/**
 * Reads a sheet's working state as one snapshot, and records versions: every change calls
 * `record` in its transaction, which numbers the next version, stores the snapshot with the
 * status and the author, refreshes the staff search text and writes the audit event.
 */
@Injectable()
export class PracticeSnapshots {
  constructor(private readonly audit: AuditLog) {}

  /** The sheet's id from its id or its slug; 404 when there is none. */
  async idOf(manager: EntityManager, idOrSlug: string): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      UUID.test(idOrSlug)
        ? `SELECT id FROM practice_sheet WHERE id = $1`
        : `SELECT id FROM practice_sheet WHERE slug = $1`,
      [idOrSlug],
    );
    if (!rows[0]) throw practiceNotFound(idOrSlug);
    return rows[0].id;
  }

  /** Locks the sheet's row for a change (404 when there is none). */
  async lock(manager: EntityManager, id: string): Promise<SheetRow> {
    const rows: SheetRow[] = await manager.query(
      `SELECT id, status, revision, public_version, original_language
       FROM practice_sheet WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw practiceNotFound(id);
    return rows[0];
  }

  async read(manager: EntityManager, id: string): Promise<PracticeSnapshot> {
    const [sheet] = await manager.query(
      `SELECT s.slug, s.status, s.original_language, s.regions, s.themes, s.populations,
         s.total_cost_mad::float8 AS total_cost_mad, s.cost_per_beneficiary_mad::float8 AS cost_per_beneficiary_mad,
         s.beneficiaries, s.start_year, s.end_year, s.result_figures, s.evidence_level, s.evidence_justification,
         (SELECT coalesce(array_agg(l.tool_id ORDER BY l.tool_id), '{}') FROM practice_tool l WHERE l.sheet_id = s.id) AS tool_ids,
         (SELECT coalesce(array_agg(l.publication_id ORDER BY l.publication_id), '{}') FROM practice_publication l WHERE l.sheet_id = s.id) AS publication_ids,
         (SELECT coalesce(array_agg(l.course_id ORDER BY l.course_id), '{}') FROM practice_course l WHERE l.sheet_id = s.id) AS course_ids,
         (SELECT coalesce(array_agg(l.partnership_id ORDER BY l.partnership_id), '{}') FROM practice_partnership l WHERE l.sheet_id = s.id) AS partnership_ids,
         (SELECT coalesce(array_agg(a.user_id ORDER BY a.since, a.user_id), '{}') FROM practice_sheet_author a WHERE a.sheet_id = s.id) AS author_ids
       FROM practice_sheet s WHERE s.id = $1`,
      [id],
    );
    if (!sheet) throw practiceNotFound(id);
    const texts: { language: Locale; is_translation: boolean; fields: PracticeTexts }[] =
      await manager.query(
        `SELECT language, is_translation, fields FROM practice_sheet_text WHERE sheet_id = $1
         ORDER BY is_translation, array_position(ARRAY['fr', 'ar', 'en']::varchar[], language)`,
        [id],
      );
    const contacts: Record<string, unknown>[] = await manager.query(
      `SELECT id, name, role, organisation, email, phone, consent_recorded_at, consent_recorded_by, consent_note
       FROM practice_contact WHERE sheet_id = $1 ORDER BY position`,
      [id],
    );
    const attachments: Record<string, unknown>[] = await manager.query(
      `SELECT id, kind, file_name, media_type, size, sha256, alt_text
       FROM practice_attachment WHERE sheet_id = $1 AND removed_at IS NULL ORDER BY uploaded_at, id`,
      [id],
    );
    return {
      slug: sheet.slug,
      status: sheet.status,
      originalLanguage: sheet.original_language,
      texts: Object.fromEntries(texts.map((row) => [row.language, row.fields])),
      translatedLanguages: texts.filter((row) => row.is_translation).map((row) => row.language),
      regions: sheet.regions,
      themes: sheet.themes,
      populations: sheet.populations,
      totalCostMad: sheet.total_cost_mad,
      costPerBeneficiaryMad: sheet.cost_per_beneficiary_mad,
      beneficiaries: sheet.beneficiaries,
      startYear: sheet.start_year,
      endYear: sheet.end_year,
      resultFigures: sheet.result_figures,
      evidenceLevel: sheet.evidence_level,
      evidenceJustification: sheet.evidence_justification,
      contacts: contacts.map((row) => ({
        id: row['id'] as string,
        name: row['name'] as string,
        role: row['role'] as string | null,
        organisation: row['organisation'] as string | null,
        email: row['email'] as string | null,
        phone: row['phone'] as string | null,
        consentRecordedAt: (row['consent_recorded_at'] as Date | null)?.toISOString() ?? null,
        consentRecordedBy: row['consent_recorded_by'] as string | null,
        consentNote: row['consent_note'] as string | null,
      })),
      links: {
        toolIds: sheet.tool_ids,
        publicationIds: sheet.publication_ids,
        courseIds: sheet.course_ids,
        partnershipIds: sheet.partnership_ids,
      },
      attachments: attachments.map((row) => ({
        id: row['id'] as string,
        kind: row['kind'] as 'attachment' | 'image',
        fileName: row['file_name'] as string,
        mediaType: row['media_type'] as string,
        size: row['size'] as number,
        sha256: row['sha256'] as string,
        altText: row['alt_text'] as Partial<Record<Locale, string>>,
      })),
      authorIds: sheet.author_ids,
    };
  }

  /** Records the user as one of the sheet's authors (whoever writes a version of it). */
  async addAuthor(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO practice_sheet_author (sheet_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [id, userId],
    );
  }

  /**
   * The next version of the sheet, from its working state as this transaction sees it: numbered,
   * stored with the snapshot, the status and the author, audited. Returns the version and its
   * snapshot.
   */
  async record(
    manager: EntityManager,
    id: string,
    user: AuthenticatedUser,
    action: PracticeAction,
    auditData: Record<string, string | number | boolean | null> = {},
  ): Promise<{ number: number; snapshot: PracticeSnapshot }> {
    const snapshot = await this.read(manager, id);
    // An UPDATE answers [rows, count] through TypeORM.
    const [[{ revision }]]: [{ revision: number }[], number] = await manager.query(
      `UPDATE practice_sheet SET revision = revision + 1, updated_at = now(),
         search_text = oris_search_normalize($2)
       WHERE id = $1 RETURNING revision`,
      [id, plainTextOf(snapshot)],
    );
    await manager.query(
      `INSERT INTO practice_version (sheet_id, number, status, action, snapshot, author_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, revision, snapshot.status, action, JSON.stringify(snapshot), user.id],
    );
    await this.audit.record(manager, {
      actorId: user.id,
      action: `practice.${action}`,
      subjectType: 'practice_sheet',
      subjectId: id,
      data: { version: revision, status: snapshot.status, ...auditData },
    });
    return { number: revision, snapshot };
  }
}

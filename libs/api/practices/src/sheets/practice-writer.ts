import { Injectable } from '@nestjs/common';
import {
  isUniqueViolation,
  RequestValidationException,
  type AuthenticatedUser,
} from '@oris/api/platform';
import type { Locale, PracticeTexts } from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreatePracticeDto,
  PracticeContactInputDto,
  PracticeFieldsDto,
  PracticeLinksDto,
  UpdatePracticeDto,
} from '../dto/practice-input.dto';
import { PracticeErrorCode, PracticeException } from '../practices.exception';
import { slugOf } from '../rules/practice-rules';
import { PracticeSnapshots } from './practice-snapshots';

/** The columns a sent field of the DTO replaces, with how its value is stored. */
const COLUMNS: [keyof PracticeFieldsDto, string, (value: unknown) => unknown][] = [
  ['slug', 'slug', (value) => value],
  ['regions', 'regions', (value) => value],
  ['themes', 'themes', (value) => value],
  ['populations', 'populations', (value) => value],
  ['totalCostMad', 'total_cost_mad', (value) => value],
  ['costPerBeneficiaryMad', 'cost_per_beneficiary_mad', (value) => value],
  ['beneficiaries', 'beneficiaries', (value) => value],
  ['startYear', 'start_year', (value) => value],
  ['endYear', 'end_year', (value) => value],
  [
    'resultFigures',
    'result_figures',
    (value) =>
      JSON.stringify(
        (value as { label: unknown; value: number; unit?: string | null }[]).map((figure) => ({
          label: figure.label,
          value: figure.value,
          unit: figure.unit ?? null,
        })),
      ),
  ],
];

/** What an edit may say about the version it started from. */
export interface EditPrecondition {
  /** `If-Match: "<n>"`: a mismatch is 412. */
  ifMatch?: number;
  /** `version` in the body: a mismatch is 409. */
  version?: number;
}

/** Texts without empty fields (an empty field is the same as none). */
const cleanTexts = (texts: PracticeTexts): PracticeTexts =>
  Object.fromEntries(Object.entries(texts).filter(([, text]) => !!text?.trim())) as PracticeTexts;

/**
 * Writes sheets: creation (a draft, its writer its first author) and edits. An edit must name the
 * version it started from; a published sheet that is edited becomes a draft again (the public
 * keeps reading the published version); a sheet in review or archived is not edited.
 */
@Injectable()
export class PracticeWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: PracticeSnapshots,
  ) {}

  async create(user: AuthenticatedUser, dto: CreatePracticeDto): Promise<string> {
    const original = cleanTexts(dto.texts[dto.originalLanguage] ?? {});
    if (!original.title) {
      throw new RequestValidationException([
        { field: 'texts', message: `texts.${dto.originalLanguage}.title is required` },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const slug = dto.slug ?? (await this.freeSlug(manager, slugOf(original.title as string)));
      const [{ id }]: { id: string }[] = await this.withSlugCheck(() =>
        manager.query(
          `INSERT INTO practice_sheet (slug, original_language, created_by) VALUES ($1, $2, $3) RETURNING id`,
          [slug, dto.originalLanguage, user.id],
        ),
      );
      await this.writeFields(manager, id, { ...dto, slug: undefined }, user.id);
      await this.writeTexts(manager, id, dto.originalLanguage, dto.texts);
      await this.snapshots.addAuthor(manager, id, user.id);
      await this.snapshots.record(manager, id, user, 'created', { slug });
      return id;
    });
  }

  async update(
    user: AuthenticatedUser,
    id: string,
    dto: UpdatePracticeDto,
    precondition: EditPrecondition,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sheet = await this.snapshots.lock(manager, id);
      checkPrecondition(sheet.revision, { ...precondition, version: dto.version });
      if (sheet.status === 'in_review' || sheet.status === 'archived') {
        throw new PracticeException(
          PracticeErrorCode.NotEditable,
          sheet.status === 'in_review'
            ? 'The sheet is in review: a reviewer returns it to draft before it changes.'
            : 'The sheet is archived: reopen it first.',
        );
      }
      const original = dto.originalLanguage ?? sheet.original_language;
      if (dto.originalLanguage && dto.originalLanguage !== sheet.original_language) {
        await manager.query(`UPDATE practice_sheet SET original_language = $2 WHERE id = $1`, [
          id,
          original,
        ]);
      }
      await this.withSlugCheck(() => this.writeFields(manager, id, dto, user.id));
      await this.writeTexts(manager, id, original, dto.texts ?? {});
      const titled: unknown[] = await manager.query(
        `SELECT 1 FROM practice_sheet_text WHERE sheet_id = $1 AND language = $2 AND fields->>'title' <> ''`,
        [id, original],
      );
      if (titled.length === 0) {
        throw new RequestValidationException([
          {
            field: 'texts',
            message: `texts.${original}.title is required (the original language)`,
          },
        ]);
      }
      // Editing a published sheet opens its next edition; the public keeps the published one.
      if (sheet.status === 'published') {
        await manager.query(`UPDATE practice_sheet SET status = 'draft' WHERE id = $1`, [id]);
      }
      await this.snapshots.addAuthor(manager, id, user.id);
      await this.snapshots.record(manager, id, user, 'updated', {
        fields: Object.keys(dto)
          .filter((key) => key !== 'version' && (dto as Record<string, unknown>)[key] !== undefined)
          .join(','),
      });
    });
  }

  private async writeFields(
    manager: EntityManager,
    id: string,
    dto: PracticeFieldsDto,
    userId: string,
  ): Promise<void> {
    const [current]: { start_year: number | null; end_year: number | null }[] = await manager.query(
      `SELECT start_year, end_year FROM practice_sheet WHERE id = $1`,
      [id],
    );
    const startYear = dto.startYear === undefined ? current.start_year : dto.startYear;
    const endYear = dto.endYear === undefined ? current.end_year : dto.endYear;
    if (startYear !== null && endYear !== null && endYear < startYear) {
      throw new RequestValidationException([
        { field: 'endYear', message: 'endYear must not be before startYear' },
      ]);
    }
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column, stored] of COLUMNS) {
      const value = dto[key];
      if (value === undefined) continue;
      params.push(value === null ? null : stored(value));
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length > 0) {
      await manager.query(`UPDATE practice_sheet SET ${sets.join(', ')} WHERE id = $1`, params);
    }
    if (dto.contacts !== undefined) await this.writeContacts(manager, id, dto.contacts, userId);
    if (dto.links !== undefined) await this.writeLinks(manager, id, dto.links);
  }

  /** Sent languages replace their texts; `null` removes a translation (never the original). */
  private async writeTexts(
    manager: EntityManager,
    id: string,
    original: Locale,
    texts: Partial<Record<Locale, PracticeTexts | null>>,
  ): Promise<void> {
    for (const [language, fields] of Object.entries(texts) as [Locale, PracticeTexts | null][]) {
      if (fields === null) {
        if (language === original) {
          throw new RequestValidationException([
            { field: 'texts', message: 'the original language’s texts cannot be removed' },
          ]);
        }
        await manager.query(
          `DELETE FROM practice_sheet_text WHERE sheet_id = $1 AND language = $2`,
          [id, language],
        );
        continue;
      }
      await manager.query(
        `INSERT INTO practice_sheet_text (sheet_id, language, is_translation, fields)
         VALUES ($1, $2, true, $3)
         ON CONFLICT (sheet_id, language) DO UPDATE SET fields = EXCLUDED.fields, updated_at = now()`,
        [id, language, JSON.stringify(cleanTexts(fields))],
      );
    }
    // One original: the original language's row, whatever was sent.
    await manager.query(
      `UPDATE practice_sheet_text SET is_translation = true WHERE sheet_id = $1 AND language <> $2 AND NOT is_translation`,
      [id, original],
    );
    await manager.query(
      `UPDATE practice_sheet_text SET is_translation = false WHERE sheet_id = $1 AND language = $2`,
      [id, original],
    );
  }

  /**
   * Replaces the contacts. A consent that stays given keeps its recording (when, by whom); a new
   * one is recorded now by the writer; a withdrawn one is cleared.
   */
  private async writeContacts(
    manager: EntityManager,
    id: string,
    contacts: PracticeContactInputDto[],
    userId: string,
  ): Promise<void> {
    const stored: {
      id: string;
      consent_recorded_at: Date | null;
      consent_recorded_by: string | null;
    }[] = await manager.query(
      `SELECT id, consent_recorded_at, consent_recorded_by FROM practice_contact WHERE sheet_id = $1`,
      [id],
    );
    const byId = new Map(stored.map((row) => [row.id, row]));
    await manager.query(`DELETE FROM practice_contact WHERE sheet_id = $1`, [id]);
    let position = 0;
    for (const contact of contacts) {
      const previous = contact.id ? byId.get(contact.id) : undefined;
      // The same id sent twice: the second one is a new contact.
      if (previous) byId.delete(previous.id);
      const kept = contact.consentGiven && previous?.consent_recorded_at ? previous : null;
      await manager.query(
        `INSERT INTO practice_contact
           (id, sheet_id, position, name, role, organisation, email, phone, consent_recorded_at, consent_recorded_by, consent_note)
         VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8,
           CASE WHEN $9::boolean THEN coalesce($10::timestamptz, now()) END,
           CASE WHEN $9::boolean THEN coalesce($11::uuid, $12::uuid) END,
           CASE WHEN $9::boolean THEN $13::varchar END)`,
        [
          previous ? previous.id : null,
          id,
          position++,
          contact.name,
          contact.role ?? null,
          contact.organisation ?? null,
          contact.email ?? null,
          contact.phone ?? null,
          contact.consentGiven,
          kept?.consent_recorded_at ?? null,
          kept?.consent_recorded_by ?? null,
          userId,
          contact.consentNote ?? null,
        ],
      );
    }
  }

  /** Replaces the links; every id must name an existing record (422 otherwise). */
  private async writeLinks(
    manager: EntityManager,
    id: string,
    links: PracticeLinksDto,
  ): Promise<void> {
    const targets: [keyof PracticeLinksDto, string, string, string][] = [
      ['toolIds', 'practice_tool', 'tool_id', 'knowledge_tool'],
      ['publicationIds', 'practice_publication', 'publication_id', 'publication'],
      ['courseIds', 'practice_course', 'course_id', 'course'],
      ['partnershipIds', 'practice_partnership', 'partnership_id', 'partnership'],
    ];
    for (const [key, table, column, target] of targets) {
      const ids = [...new Set(links[key])];
      const [{ known }]: { known: number }[] = await manager.query(
        `SELECT count(*)::int AS known FROM ${target} WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      if (known !== ids.length) {
        throw new PracticeException(
          PracticeErrorCode.UnknownLink,
          `One of links.${key} does not exist.`,
        );
      }
      await manager.query(`DELETE FROM ${table} WHERE sheet_id = $1`, [id]);
      await manager.query(
        `INSERT INTO ${table} (sheet_id, ${column}) SELECT $1, unnest($2::uuid[])`,
        [id, ids],
      );
    }
  }

  /** `base`, or `base-2`, `base-3`… the first one no sheet has. */
  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    const taken: { slug: string }[] = await manager.query(
      `SELECT slug FROM practice_sheet WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`,
      [base],
    );
    const slugs = new Set(taken.map((row) => row.slug));
    if (!slugs.has(base)) return base;
    let n = 2;
    while (slugs.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }

  private async withSlugCheck<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'practice_sheet_slug_key')) {
        throw new PracticeException(PracticeErrorCode.SlugTaken);
      }
      throw error;
    }
  }
}

/** Optimistic concurrency: the edit must start from the sheet's latest version. */
export function checkPrecondition(revision: number, precondition: EditPrecondition): void {
  if (precondition.ifMatch === undefined && precondition.version === undefined) {
    throw new PracticeException(
      PracticeErrorCode.VersionRequired,
      'Send the version you edited: If-Match: "<version>" or "version" in the body.',
    );
  }
  if (precondition.ifMatch !== undefined && precondition.ifMatch !== revision) {
    throw new PracticeException(
      PracticeErrorCode.PreconditionFailed,
      `The sheet is at version ${revision}; reload it and apply your changes again.`,
    );
  }
  if (precondition.version !== undefined && precondition.version !== revision) {
    throw new PracticeException(
      PracticeErrorCode.EditedMeanwhile,
      `The sheet is at version ${revision}; reload it and apply your changes again.`,
    );
  }
}

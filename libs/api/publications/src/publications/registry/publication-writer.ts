import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import {
  AuthenticatedUser,
  isUniqueViolation,
  RequestValidationException,
} from '@oris/api/platform';
import { SearchIndexer } from '@oris/api/search';
import { DataSource, EntityManager } from 'typeorm';
import type { PossibleDuplicateDto } from '../dto/publication.dto';
import type { PublicationChange } from '../entities/publication.entity';
import {
  PublicationErrorCode,
  PublicationException,
  publicationNotFound,
} from '../publication.exception';
import { DuplicateFinder } from './duplicate-finder';
import {
  checkPublication,
  PublicationFacts,
  PublicationInput,
  problemMessage,
  searchTextOf,
} from './publication-facts';
import { PublicationIndexRecords } from './publication-index-records';
import { ContributorRow, PublicationRow, PUBLICATION_COLUMNS } from './publication-rows';
import { loadPublicationSearchDocuments } from './publication-search';
import { PublicationVersions } from './publication-versions';

/** The facts the API and the import hand to the writer, and who writes them. */
export interface WriteResult {
  id: string;
  possibleDuplicates: PossibleDuplicateDto[];
}

/**
 * Every write of the registry but the merge (`PublicationMerge`). Each one updates
 * `publication` and appends the next `publication_version` (`PublicationVersions`) in the same
 * transaction; item-level index records are superseded, never updated. Audited.
 */
@Injectable()
export class PublicationWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly duplicates: DuplicateFinder,
    private readonly versions: PublicationVersions,
    private readonly indexRecords: PublicationIndexRecords,
    private readonly audit: AuditLog,
    private readonly search: SearchIndexer,
  ) {}

  /** The rules of `checkPublication`, as a 400 naming each field. */
  static factsOrThrow(input: PublicationInput): PublicationFacts {
    const checked = checkPublication(input);
    if (checked.facts) return checked.facts;
    throw new RequestValidationException(
      checked.problems.map((problem) => ({
        field: problem.field,
        message: problemMessage(problem),
      })),
    );
  }

  create(user: AuthenticatedUser, input: PublicationInput): Promise<WriteResult> {
    const facts = PublicationWriter.factsOrThrow(input);
    return this.dataSource.transaction((manager) =>
      this.insert(manager, user.id, facts, 'created'),
    );
  }

  /** Inserts a checked publication (the API's create and each entry of an import). */
  async insert(
    manager: EntityManager,
    actorId: string,
    facts: PublicationFacts,
    change: PublicationChange,
  ): Promise<WriteResult> {
    await this.refuseTakenDoi(manager, facts.doi, null);
    await this.checkReferences(manager, facts);
    const possibleDuplicates = await this.duplicates.possible(manager, probeOf(facts), null);
    let id: string;
    try {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO publication (${FACT_COLUMNS}, status, created_by)
         VALUES (${FACT_COLUMNS.split(',')
           .map((_c, i) => `$${i + 1}`)
           .join(', ')}, 'submitted', $${FACT_COUNT + 1})
         RETURNING id`,
        [...factValues(facts), actorId],
      );
      id = rows[0].id;
    } catch (error) {
      throw this.doiConflictOr(error, facts.doi);
    }
    await this.writeContributors(manager, id, facts);
    await this.indexRecords.sync(manager, id, facts.indexRecords, actorId);
    await this.versions.append(manager, id, change, actorId);
    await this.audit.record(manager, {
      actorId,
      action: `publication.${change}`,
      subjectType: 'publication',
      subjectId: id,
      data: {
        doi: facts.doi,
        possibleDuplicates: possibleDuplicates.map((d) => d.id).join(' ') || null,
      },
    });
    return { id, possibleDuplicates };
  }

  /** Applies the sent fields to the current record; a validated record stays validated. */
  async update(
    user: AuthenticatedUser,
    id: string,
    sent: Partial<PublicationInput>,
  ): Promise<WriteResult> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockEditable(manager, id);
      const current = await this.inputOf(manager, row);
      const facts = PublicationWriter.factsOrThrow({ ...current, ...sent });
      await this.refuseTakenDoi(manager, facts.doi, id);
      await this.checkReferences(manager, facts);
      try {
        await manager.query(
          `UPDATE publication SET (${FACT_COLUMNS}) = (${FACT_COLUMNS.split(',')
            .map((_c, i) => `$${i + 2}`)
            .join(', ')}),
             version = version + 1, updated_at = clock_timestamp()
           WHERE id = $1`,
          [id, ...factValues(facts)],
        );
      } catch (error) {
        throw this.doiConflictOr(error, facts.doi);
      }
      if (sent.contributors !== undefined) {
        await manager.query(`DELETE FROM publication_contributor WHERE publication_id = $1`, [id]);
        await this.writeContributors(manager, id, facts);
      }
      if (sent.indexRecords !== undefined) {
        await this.indexRecords.sync(manager, id, facts.indexRecords, user.id);
      }
      await this.versions.append(manager, id, 'updated', user.id);
      await this.refreshSearch(manager, id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'publication.updated',
        subjectType: 'publication',
        subjectId: id,
        data: { fields: Object.keys(sent).join(', ') },
      });
      const possibleDuplicates = await this.duplicates.possible(manager, probeOf(facts), id);
      return { id, possibleDuplicates };
    });
  }

  validate(user: AuthenticatedUser, id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockEditable(manager, id);
      if (row.status === 'validated') {
        throw new PublicationException(PublicationErrorCode.AlreadyValidated);
      }
      await manager.query(
        `UPDATE publication SET status = 'validated', validated_at = clock_timestamp(), validated_by = $2,
           version = version + 1, updated_at = clock_timestamp() WHERE id = $1`,
        [id, user.id],
      );
      await this.versions.append(manager, id, 'validated', user.id);
      await this.refreshSearch(manager, id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'publication.validated',
        subjectType: 'publication',
        subjectId: id,
      });
    });
  }

  withdraw(user: AuthenticatedUser, id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      await manager.query(
        `UPDATE publication SET status = 'withdrawn', version = version + 1, updated_at = clock_timestamp()
          WHERE id = $1`,
        [id],
      );
      await this.versions.append(manager, id, 'withdrawn', user.id);
      await this.search.remove(manager, 'publication', id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'publication.withdrawn',
        subjectType: 'publication',
        subjectId: id,
      });
    });
  }

  /**
   * Rewrites the record's rows of the observatory's search from what was just written (in the
   * same transaction): a validated record is findable in its site languages, any other is not.
   */
  private async refreshSearch(manager: EntityManager, id: string): Promise<void> {
    const docs = await loadPublicationSearchDocuments(manager, [id]);
    if (docs.length > 0) await this.search.index(manager, docs);
    else await this.search.remove(manager, 'publication', id);
  }

  private async lockEditable(manager: EntityManager, id: string): Promise<PublicationRow> {
    const locked: { id: string }[] = await manager.query(
      `SELECT id FROM publication WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (locked.length === 0) throw publicationNotFound(id);
    const rows: PublicationRow[] = await manager.query(
      `SELECT ${PUBLICATION_COLUMNS} FROM publication p LEFT JOIN serial s ON s.id = p.serial_id WHERE p.id = $1`,
      [id],
    );
    const row = rows[0];
    if (row.merged_into_id)
      throw new PublicationException(
        PublicationErrorCode.Merged,
        `Merged into ${row.merged_into_id}.`,
      );
    if (row.status === 'withdrawn') throw new PublicationException(PublicationErrorCode.Withdrawn);
    return row;
  }

  /** The record as an input, so a PATCH is checked as a whole. */
  private async inputOf(manager: EntityManager, row: PublicationRow): Promise<PublicationInput> {
    const records: { index: string; externalId: string | null; verifiedOn: string }[] =
      await manager.query(
        `SELECT index_code AS index, external_id AS "externalId", verified_on::text AS "verifiedOn"
         FROM publication_index_record WHERE publication_id = $1 AND superseded_at IS NULL`,
        [row.id],
      );
    return {
      type: row.type,
      titles: row.titles,
      publishedOn: row.published_on,
      publishedOnPrecision: row.published_on_precision,
      doi: row.doi,
      isbn: row.isbn,
      url: row.url,
      serialId: row.serial_id,
      volume: row.volume,
      issue: row.issue,
      pages: row.pages,
      peerReviewed: row.peer_reviewed,
      openAccess: row.open_access,
      licence: row.licence,
      attribution: row.attribution,
      attributionEvidence: row.attribution_evidence,
      retractedOn: row.retracted_on,
      contributors: row.contributors.map((c: ContributorRow) => ({
        role: c.role,
        familyName: c.family_name,
        givenNames: c.given_names,
        nameAr: c.name_ar,
        orcid: c.orcid,
        affiliations: c.affiliations,
        orisAffiliation: c.oris_affiliation,
      })),
      indexRecords: records,
    };
  }

  private async refuseTakenDoi(manager: EntityManager, doi: string | null, except: string | null) {
    if (!doi) return;
    const owner = await this.duplicates.doiOwner(manager, doi, except);
    if (owner) throw doiTaken(doi, owner);
  }

  private doiConflictOr(error: unknown, doi: string | null): unknown {
    return isUniqueViolation(error, 'publication_doi_key') && doi
      ? new PublicationException(
          PublicationErrorCode.DoiTaken,
          `The DOI ${doi} is already recorded.`,
        )
      : error;
  }

  private async checkReferences(manager: EntityManager, facts: PublicationFacts) {
    if (facts.serialId) {
      const found: unknown[] = await manager.query(`SELECT 1 FROM serial WHERE id = $1`, [
        facts.serialId,
      ]);
      if (found.length === 0)
        throw new PublicationException(
          PublicationErrorCode.UnknownSerial,
          `No serial with id ${facts.serialId}.`,
        );
    }
  }

  private async writeContributors(manager: EntityManager, id: string, facts: PublicationFacts) {
    for (const [index, c] of facts.contributors.entries()) {
      await manager.query(
        `INSERT INTO publication_contributor
           (publication_id, position, role, family_name, given_names, name_ar, orcid, affiliations, oris_affiliation)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          index + 1,
          c.role,
          c.familyName,
          c.givenNames,
          c.nameAr,
          c.orcid,
          JSON.stringify(c.affiliations),
          c.orisAffiliation,
        ],
      );
    }
    await manager.query(`UPDATE publication SET search_text = $2 WHERE id = $1`, [
      id,
      searchTextOf(facts),
    ]);
  }
}

export const doiTaken = (doi: string, owner: string) =>
  new PublicationException(
    PublicationErrorCode.DoiTaken,
    `The DOI ${doi} is already recorded: publication ${owner}.`,
  );

export const probeOf = (facts: PublicationFacts) => ({
  doi: facts.doi,
  isbn: facts.isbn,
  title: facts.title,
  publishedOn: facts.publishedOn,
  firstAuthor: facts.contributors[0]?.familyName ?? facts.contributors[0]?.nameAr ?? null,
});

const FACT_COLUMNS =
  'type, titles, title, language, published_on, published_on_precision, doi, isbn, url, serial_id, volume, issue, ' +
  'pages, peer_reviewed, open_access, licence, attribution, attribution_evidence, retracted_on';
const FACT_COUNT = FACT_COLUMNS.split(',').length;

const factValues = (facts: PublicationFacts): unknown[] => [
  facts.type,
  JSON.stringify(facts.titles),
  facts.title,
  facts.language,
  facts.publishedOn,
  facts.publishedOnPrecision,
  facts.doi,
  facts.isbn,
  facts.url,
  facts.serialId,
  facts.volume,
  facts.issue,
  facts.pages,
  facts.peerReviewed,
  facts.openAccess,
  facts.licence,
  facts.attribution,
  facts.attributionEvidence,
  facts.retractedOn,
];

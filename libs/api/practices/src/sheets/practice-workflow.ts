import { Injectable } from '@nestjs/common';
import { AppConfig, type AuthenticatedUser } from '@oris/api/platform';
import { SearchIndexer } from '@oris/api/search';
import { canMovePractice, type PracticeStatus } from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { PracticeReviewDto } from '../dto/practice-review.dto';
import { PracticeErrorCode, PracticeException } from '../practices.exception';
import { evidenceProblem, mayReview, missingRequiredFields } from '../rules/practice-rules';
import { PracticeComments } from './practice-comments';
import { plainTextOf, PracticeSnapshots, type SheetRow } from './practice-snapshots';
import { practicePublishedSheet, practiceSearchDocuments } from './published-sheet';

/**
 * The sheet's workflow (`PRACTICE_TRANSITIONS`): submit a draft, review it (return it with
 * comments, or assess its evidence), publish it, archive it, reopen it. Each step is one
 * transaction that records a version; the public version changes only on publish (set, and
 * indexed for search) and on archive or an unpublishing reopen (cleared, and removed from search).
 */
@Injectable()
export class PracticeWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: PracticeSnapshots,
    private readonly comments: PracticeComments,
    private readonly indexer: SearchIndexer,
    private readonly config: AppConfig,
  ) {}

  async submit(user: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sheet = await this.move(manager, id, 'in_review');
      const missing = missingRequiredFields(await this.snapshots.read(manager, id));
      if (missing.length > 0) {
        throw new PracticeException(
          PracticeErrorCode.Incomplete,
          `Missing in ${sheet.original_language}: ${missing.join(', ')}.`,
        );
      }
      await this.snapshots.record(manager, id, user, 'submitted');
    });
  }

  async review(user: AuthenticatedUser, id: string, dto: PracticeReviewDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sheet = await this.snapshots.lock(manager, id);
      await this.requireReviewer(manager, user, id);
      if (sheet.status !== 'in_review') {
        throw new PracticeException(
          PracticeErrorCode.InvalidTransition,
          `Only a sheet in review is reviewed; this one is ${sheet.status}.`,
        );
      }
      for (const comment of dto.comments ?? [])
        await this.comments.insert(manager, user, id, comment);
      if (dto.decision === 'return') {
        await this.setStatus(manager, id, 'draft');
        await this.snapshots.record(manager, id, user, 'returned', {
          comments: dto.comments?.length ?? 0,
        });
        return;
      }
      await manager.query(
        `UPDATE practice_sheet SET evidence_level = $2, evidence_justification = $3 WHERE id = $1`,
        [id, dto.evidenceLevel, JSON.stringify(dto.evidenceJustification)],
      );
      const problem = evidenceProblem(await this.snapshots.read(manager, id));
      if (problem) throw new PracticeException(PracticeErrorCode.EvidenceMissing, problem);
      await this.snapshots.record(manager, id, user, 'assessed', {
        evidenceLevel: dto.evidenceLevel ?? null,
      });
    });
  }

  /** `in_review` → `published`, by a reviewer, once the evidence of this edition is assessed. */
  async publish(user: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireReviewer(manager, user, id);
      await this.move(manager, id, 'published');
      const problem =
        evidenceProblem(await this.snapshots.read(manager, id)) ??
        (await this.assessmentOfThisEdition(manager, id));
      if (problem) throw new PracticeException(PracticeErrorCode.EvidenceMissing, problem);
      const { number, snapshot } = await this.snapshots.record(manager, id, user, 'published');
      await manager.query(
        `UPDATE practice_sheet SET public_version = $2, published_at = now(),
           public_regions = regions, public_themes = themes, public_populations = populations,
           public_evidence_level = evidence_level, public_search_text = oris_search_normalize($3)
         WHERE id = $1`,
        [id, number, plainTextOf(snapshot)],
      );
      // Findable from the commit of this version on, in each of its languages.
      const [{ published_at }]: { published_at: Date }[] = await manager.query(
        `SELECT published_at FROM practice_sheet WHERE id = $1`,
        [id],
      );
      const sheet = practicePublishedSheet(
        { id, version: number, snapshot, publishedAt: published_at },
        this.config.PUBLIC_WEB_URL,
      );
      await this.indexer.index(manager, practiceSearchDocuments(sheet));
    });
  }

  /** `published` → `archived`: the sheet leaves the public library. */
  async archive(user: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.move(manager, id, 'archived');
      await this.unpublish(manager, id);
      await this.snapshots.record(manager, id, user, 'archived');
    });
  }

  /**
   * `published` or `archived` → `draft`, for a new edition. The public keeps reading the last
   * published version unless `unpublish` (an archived sheet is not public anyway).
   */
  async reopen(user: AuthenticatedUser, id: string, unpublish: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sheet = await this.move(manager, id, 'draft', ['published', 'archived']);
      const unpublished = unpublish && sheet.public_version !== null;
      if (unpublished) await this.unpublish(manager, id);
      await this.snapshots.record(manager, id, user, 'reopened', { unpublished });
    });
  }

  /**
   * Why the evidence level cannot be published as it stands, or null. The level judges what the
   * sheet says, so an edition whose results or replications changed since its level was set is
   * judged again: a reviewer assesses each submitted edition, starting from the earlier level,
   * which the sheet keeps. Without this, a republished sheet would show a level nobody gave to
   * what it now claims.
   */
  private async assessmentOfThisEdition(
    manager: EntityManager,
    id: string,
  ): Promise<string | null> {
    const [{ assessed }]: { assessed: boolean }[] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM practice_version assessment
         WHERE assessment.sheet_id = $1 AND assessment.action = 'assessed'
           AND assessment.number > (SELECT max(submission.number) FROM practice_version submission
                                    WHERE submission.sheet_id = $1 AND submission.action = 'submitted')
       ) AS assessed`,
      [id],
    );
    return assessed
      ? null
      : 'The reviewer has not assessed the evidence of this edition since it was submitted.';
  }

  /** Out of the public library and of the search, in the caller's transaction. */
  private async unpublish(manager: EntityManager, id: string): Promise<void> {
    await this.indexer.remove(manager, 'practice', id);
    await manager.query(
      `UPDATE practice_sheet SET public_version = NULL, published_at = NULL, public_search_text = '',
         public_regions = '{}', public_themes = '{}', public_populations = '{}', public_evidence_level = NULL
       WHERE id = $1`,
      [id],
    );
  }

  /** 403 unless the user may review this sheet: an editor or administrator who is not an author. */
  private async requireReviewer(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
  ): Promise<void> {
    const authors: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM practice_sheet_author WHERE sheet_id = $1`,
      [id],
    );
    if (
      !mayReview(
        user,
        authors.map((row) => row.user_id),
      )
    ) {
      throw new PracticeException(
        PracticeErrorCode.ReviewerIsAuthor,
        'You wrote a version of this sheet: another editor reviews and publishes it.',
      );
    }
  }

  /** Locks the sheet and moves it to `to` when the transition is allowed (409 otherwise). */
  private async move(
    manager: EntityManager,
    id: string,
    to: PracticeStatus,
    from?: PracticeStatus[],
  ): Promise<SheetRow> {
    const sheet = await this.snapshots.lock(manager, id);
    const allowed = canMovePractice(sheet.status, to) && (!from || from.includes(sheet.status));
    if (!allowed) {
      throw new PracticeException(
        PracticeErrorCode.InvalidTransition,
        `A ${sheet.status} sheet cannot become ${to}.`,
      );
    }
    await this.setStatus(manager, id, to);
    return sheet;
  }

  private async setStatus(manager: EntityManager, id: string, to: PracticeStatus): Promise<void> {
    await manager.query(`UPDATE practice_sheet SET status = $2 WHERE id = $1`, [id, to]);
  }
}

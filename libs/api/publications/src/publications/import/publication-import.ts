import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@oris/api/platform';
import { normalizeIssn } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  PUBLICATION_IMPORT_MAX_ENTRIES,
  PublicationImportEntryDto,
  PublicationImportReportDto,
} from '../dto/publication-import.dto';
import { PublicationErrorCode, PublicationException } from '../publication.exception';
import { DuplicateFinder } from '../registry/duplicate-finder';
import { checkPublication, PublicationFacts } from '../registry/publication-facts';
import { probeOf, PublicationWriter } from '../registry/publication-writer';
import {
  CitationFormat,
  RawEntry,
  readEntry,
  splitEntries,
  UnreadableCitations,
} from './citation-formats';
import { inputOfCsl } from './csl-mapping';

/**
 * The offline entry of publications: a pasted or uploaded BibTeX, RIS or CSL-JSON file, read
 * entry by entry with Citation.js (input type forced: nothing is fetched), checked like the API
 * checks a record, with duplicates flagged. A dry run writes nothing; a save writes every entry
 * without problems in one transaction (submitted, for the editor to complete and validate).
 */
@Injectable()
export class PublicationImport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly duplicates: DuplicateFinder,
    private readonly writer: PublicationWriter,
  ) {}

  async run(
    user: AuthenticatedUser,
    format: CitationFormat,
    text: string,
    dryRun: boolean,
  ): Promise<PublicationImportReportDto> {
    let raw: RawEntry[];
    try {
      raw = splitEntries(format, text);
    } catch (error) {
      throw new PublicationException(
        PublicationErrorCode.ImportUnreadable,
        error instanceof UnreadableCitations ? error.message : `Not ${format}.`,
      );
    }
    if (raw.length === 0) {
      throw new PublicationException(
        PublicationErrorCode.ImportUnreadable,
        `No ${format} entry found.`,
      );
    }
    if (raw.length > PUBLICATION_IMPORT_MAX_ENTRIES) {
      throw new PublicationException(
        PublicationErrorCode.ImportTooLarge,
        `${raw.length} entries; at most ${PUBLICATION_IMPORT_MAX_ENTRIES} in one import.`,
      );
    }
    const work = async (manager: EntityManager) => {
      const checked = await this.check(manager, format, raw);
      let saved = 0;
      if (!dryRun) {
        for (const { entry, facts } of checked) {
          if (!facts) continue;
          entry.id = (await this.writer.insert(manager, user.id, facts, 'imported')).id;
          saved++;
        }
      }
      const entries = checked.map((c) => c.entry);
      return {
        dryRun,
        format,
        total: entries.length,
        valid: entries.filter((entry) => entry.problems.length === 0).length,
        saved,
        entries,
      };
    };
    return dryRun ? work(this.dataSource.manager) : this.dataSource.transaction(work);
  }

  private async check(manager: EntityManager, format: CitationFormat, raw: RawEntry[]) {
    const seenDois = new Map<string, number>();
    const results: { entry: PublicationImportEntryDto; facts: PublicationFacts | null }[] = [];
    for (const rawEntry of raw) {
      const entry: PublicationImportEntryDto = {
        index: rawEntry.index,
        line: rawEntry.line,
        title: null,
        type: null,
        publishedOn: null,
        doi: null,
        authors: [],
        serialId: null,
        problems: [],
        warnings: [],
        possibleDuplicates: [],
        id: null,
      };
      results.push({ entry, facts: null });
      let item;
      try {
        item = readEntry(format, rawEntry);
      } catch (error) {
        const message =
          error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unreadable';
        entry.problems.push({ code: 'entry_unreadable', params: { message } });
        continue;
      }
      if (!item) {
        entry.problems.push({ code: 'entry_unreadable', params: { message: 'no entry' } });
        continue;
      }
      const mapped = inputOfCsl(item, typeof rawEntry.source === 'string' ? rawEntry.source : null);
      entry.title = typeof item['title'] === 'string' ? item['title'] : null;
      entry.problems.push(...mapped.problems);
      if (!mapped.input) continue;
      entry.type = mapped.input.type;
      entry.publishedOn = mapped.input.publishedOn;
      entry.authors = (mapped.input.contributors ?? []).map((c) =>
        c.familyName ? [c.familyName, c.givenNames].filter(Boolean).join(', ') : (c.nameAr ?? ''),
      );
      const serialId = await this.serialOf(manager, mapped.issns);
      if (serialId) mapped.input.serialId = serialId;
      else if (mapped.issns.length > 0 || mapped.containerTitle) {
        entry.warnings.push({
          code: 'serial_not_found',
          params: { issn: mapped.issns.join(' '), title: mapped.containerTitle ?? '' },
        });
      }
      entry.serialId = serialId;
      const checked = checkPublication(mapped.input);
      if (!checked.facts) {
        entry.problems.push(...checked.problems);
        continue;
      }
      const facts = checked.facts;
      entry.doi = facts.doi;
      if (facts.doi) {
        const owner = await this.duplicates.doiOwner(manager, facts.doi, null);
        if (owner) entry.problems.push({ code: 'doi_taken', field: 'doi', params: { id: owner } });
        const earlier = seenDois.get(facts.doi);
        if (earlier)
          entry.problems.push({ code: 'doi_repeated', field: 'doi', params: { entry: earlier } });
        seenDois.set(facts.doi, rawEntry.index);
      }
      entry.possibleDuplicates = await this.duplicates.possible(manager, probeOf(facts), null);
      if (entry.problems.length === 0) results[results.length - 1].facts = facts;
    }
    return results;
  }

  private async serialOf(manager: EntityManager, issns: string[]): Promise<string | null> {
    const valid = issns.map(normalizeIssn).filter((issn): issn is string => issn !== null);
    if (valid.length === 0) return null;
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM serial WHERE issn_print = ANY ($1) OR issn_online = ANY ($1) ORDER BY created_at LIMIT 1`,
      [valid],
    );
    return rows[0]?.id ?? null;
  }
}

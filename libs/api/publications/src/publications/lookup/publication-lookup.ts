import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@oris/api/platform';
import { normalizeDoi } from '@oris/shared/domain';
import type { PublicationDetailDto } from '../dto/publication.dto';
import type { LookupProposalDto } from '../dto/publication-lookup.dto';
import { inputOfCsl } from '../import/csl-mapping';
import { PublicationErrorCode, PublicationException } from '../publication.exception';
import { PublicationReader } from '../registry/publication-reader';
import { DoiLookupUnavailable, DoiLookups } from './doi-lookup';

/** The fields a lookup may propose, compared one by one. */
const FIELDS = [
  'type',
  'title',
  'publishedOn',
  'publishedOnPrecision',
  'doi',
  'isbn',
  'url',
  'volume',
  'issue',
  'pages',
  'authors',
] as const;

/**
 * Asks the configured DOI service and answers a proposal: each field with the record's value
 * and the service's. Nothing is written; the editor accepts fields one by one (a PATCH). On a
 * validated record, a field already filled is never proposed (`locked`).
 */
@Injectable()
export class PublicationLookup {
  constructor(
    private readonly lookups: DoiLookups,
    private readonly reader: PublicationReader,
  ) {}

  async propose(
    user: AuthenticatedUser,
    doiInput: string | undefined,
    publicationId: string | undefined,
  ): Promise<LookupProposalDto> {
    const lookup = this.lookups.current();
    if (!lookup)
      throw new PublicationException(
        PublicationErrorCode.LookupDisabled,
        'PUBLICATION_DOI_LOOKUP is off.',
      );
    const record: PublicationDetailDto | null = publicationId
      ? await this.reader.get(user, publicationId)
      : null;
    const doi = normalizeDoi(doiInput ?? record?.doi ?? '');
    if (!doi) {
      throw new PublicationException(
        PublicationErrorCode.LookupNotFound,
        'No valid DOI to look up.',
      );
    }
    let item;
    try {
      item = await lookup.find(doi);
    } catch (error) {
      throw new PublicationException(
        PublicationErrorCode.LookupUnavailable,
        error instanceof DoiLookupUnavailable ? error.message : 'lookup failed',
      );
    }
    if (!item)
      throw new PublicationException(
        PublicationErrorCode.LookupNotFound,
        `Nothing known for ${doi}.`,
      );
    const { input } = inputOfCsl(item, null);
    const proposed: Record<(typeof FIELDS)[number], string | null> = {
      type: input?.type ?? null,
      title: input?.titles[0]?.title ?? null,
      publishedOn: input?.publishedOn ?? null,
      publishedOnPrecision: input?.publishedOnPrecision ?? null,
      doi: normalizeDoi(input?.doi ?? '') ?? doi,
      isbn: input?.isbn ?? null,
      url: input?.url ?? null,
      volume: input?.volume ?? null,
      issue: input?.issue ?? null,
      pages: input?.pages ?? null,
      authors:
        input?.contributors
          ?.map((c) => [c.familyName, c.givenNames].filter(Boolean).join(', ') || (c.nameAr ?? ''))
          .join('; ') || null,
    };
    const current: Record<(typeof FIELDS)[number], string | null> | null = record && {
      type: record.type,
      title: record.title,
      publishedOn: record.publishedOn,
      publishedOnPrecision: record.publishedOnPrecision,
      doi: record.doi,
      isbn: record.isbn,
      url: record.url,
      volume: record.volume,
      issue: record.issue,
      pages: record.pages,
      authors: record.authors.join('; ') || null,
    };
    const validated = record?.status === 'validated';
    return {
      source: lookup.name,
      doi,
      fields: FIELDS.filter(
        (field) => proposed[field] !== null && proposed[field] !== current?.[field],
      ).map((field) => ({
        field,
        current: current?.[field] ?? null,
        proposed: proposed[field],
        locked: validated && (current?.[field] ?? null) !== null,
      })),
      contributors:
        input?.contributors?.map((c) => ({
          familyName: c.familyName ?? null,
          givenNames: c.givenNames ?? null,
          nameAr: c.nameAr ?? null,
        })) ?? [],
    };
  }
}

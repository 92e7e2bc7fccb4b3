import { Injectable } from '@nestjs/common';
import { AppConfig } from '@oris/api/platform';
import type { CslItem } from '../import/citation-formats';

/** What an online DOI service says about a work, as CSL-JSON; null when it does not know it. */
export interface DoiLookup {
  readonly name: string;
  find(doi: string): Promise<CslItem | null>;
}

/** The lookup failed (network, timeout, unexpected answer): nothing is proposed. */
export class DoiLookupUnavailable extends Error {}

const CROSSREF_TYPES: Record<string, string> = {
  'journal-article': 'article-journal',
  'proceedings-article': 'paper-conference',
  'book-chapter': 'chapter',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  report: 'report',
  dissertation: 'thesis',
};

/** A Crossref `message` (https://api.crossref.org/works/<doi>) as a CSL item. */
export function cslOfCrossref(message: Record<string, unknown>): CslItem {
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  const date =
    (message['published-print'] as CslItem | undefined) ??
    (message['published-online'] as CslItem | undefined) ??
    (message['issued'] as CslItem | undefined);
  return {
    type: CROSSREF_TYPES[String(message['type'])] ?? 'document',
    title: first(message['title']),
    'container-title': first(message['container-title']),
    ISSN: Array.isArray(message['ISSN']) ? (message['ISSN'] as string[]).join(' ') : undefined,
    ISBN: first(message['ISBN']),
    DOI: message['DOI'],
    URL: message['URL'],
    volume: message['volume'],
    issue: message['issue'],
    page: message['page'],
    language: message['language'],
    issued: date,
    author: ((message['author'] as Record<string, unknown>[] | undefined) ?? []).map((author) => ({
      family: author['family'],
      given: author['given'],
      literal: author['name'],
    })),
  };
}

/**
 * Crossref's public REST API. `fetcher` is the global fetch; tests replace it with a recorded
 * answer, so no test touches the network.
 */
@Injectable()
export class CrossrefLookup implements DoiLookup {
  readonly name = 'crossref';
  fetcher: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init);

  async find(doi: string): Promise<CslItem | null> {
    let response: Response;
    try {
      response = await this.fetcher(`https://api.crossref.org/works/${encodeURIComponent(doi)}`, {
        headers: {
          accept: 'application/json',
          'user-agent': 'ORIS-Academy (publications registry)',
        },
        signal: AbortSignal.timeout(8000),
      });
    } catch (error) {
      throw new DoiLookupUnavailable(error instanceof Error ? error.message : 'network');
    }
    if (response.status === 404) return null;
    if (!response.ok) throw new DoiLookupUnavailable(`Crossref answered ${response.status}`);
    const body = (await response.json().catch(() => null)) as {
      message?: Record<string, unknown>;
    } | null;
    if (!body?.message) throw new DoiLookupUnavailable('Crossref answered no message');
    return cslOfCrossref(body.message);
  }
}

/** The lookup configured by PUBLICATION_DOI_LOOKUP, or null when it is off. */
@Injectable()
export class DoiLookups {
  constructor(
    private readonly config: AppConfig,
    private readonly crossref: CrossrefLookup,
  ) {}

  current(): DoiLookup | null {
    return this.config.PUBLICATION_DOI_LOOKUP === 'crossref' ? this.crossref : null;
  }
}

import type { DatePrecision, PublicationType } from '@oris/shared/domain';
import type { PublicationDetailDto } from '../dto/publication.dto';
import type { ContributorInput, PublicationInput } from '../registry/publication-facts';
import type { CslItem } from './citation-formats';

const ARABIC = /[\u0600-\u06FF]/;

/** CSL types to the registry's (the export maps back with CSL_TYPE_OF). */
const TYPE_OF_CSL: Record<string, PublicationType> = {
  'article-journal': 'journal_article',
  article: 'journal_article',
  review: 'review_article',
  'review-book': 'review_article',
  'paper-conference': 'conference_paper',
  book: 'book',
  chapter: 'book_chapter',
  report: 'report',
  thesis: 'thesis',
};

const CSL_TYPE_OF: Record<PublicationType, string> = {
  journal_article: 'article-journal',
  review_article: 'review',
  conference_paper: 'paper-conference',
  book: 'book',
  book_chapter: 'chapter',
  report: 'report',
  working_paper: 'report',
  policy_brief: 'report',
  thesis: 'thesis',
  other: 'document',
};

/** Genres written on reports, so a working paper or a policy brief comes back as itself. */
const GENRE_OF: Partial<Record<PublicationType, string>> = {
  working_paper: 'Working paper',
  policy_brief: 'Policy brief',
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null;

/** A language code from what the entry says, else the title's script and a few French words. */
export function languageOf(item: CslItem, title: string, raw: string | null): string {
  const declared =
    text(item['language']) ??
    (raw ? /\b(?:langid|language)\s*=\s*[{"]?([A-Za-z-]+)/i.exec(raw)?.[1] : null);
  if (declared) {
    const code = declared.toLowerCase().slice(0, 2);
    const names: Record<string, string> = { fr: 'fr', en: 'en', ar: 'ar', es: 'es', de: 'de' };
    if (names[code]) return names[code];
    if (/^(french|francais|français)/i.test(declared)) return 'fr';
    if (/^(english)/i.test(declared)) return 'en';
    if (/^(arabic)/i.test(declared)) return 'ar';
  }
  if (ARABIC.test(title)) return 'ar';
  if (/[àâçéèêëîïôûùüÿœ]|\b(les|des|du|une|dans|pour|et|la|le)\b|[ld]['’]/i.test(title))
    return 'fr';
  return 'en';
}

/** An issued date as a day with its precision (a year alone is 1 January of that year). */
function publishedOf(item: CslItem): { publishedOn: string; precision: DatePrecision } | null {
  const parts = (item['issued'] as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
  const [year, month, day] = (parts ?? []).map((part) => Number(part));
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!Number.isInteger(month) || month < 1 || month > 12)
    return { publishedOn: `${year}-01-01`, precision: 'year' };
  if (!Number.isInteger(day) || day < 1 || day > 31)
    return { publishedOn: `${year}-${pad(month)}-01`, precision: 'month' };
  return { publishedOn: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

function contributorOf(name: Record<string, unknown>): ContributorInput {
  const family = text(name['family']);
  const given = text(name['given']);
  const literal = text(name['literal']);
  const whole = [given, family].filter(Boolean).join(' ') || literal || '';
  if (ARABIC.test(whole)) return { nameAr: whole };
  return { familyName: family ?? literal, givenNames: family ? given : null };
}

export interface MappedEntry {
  input: PublicationInput | null;
  /** Why the entry cannot be saved as it is. */
  problems: { code: string; field?: string; params?: Record<string, string | number> }[];
  /** What the serial lookup needs: the ISSNs and the container title printed. */
  issns: string[];
  containerTitle: string | null;
}

/** A CSL item as the registry's input (submitted, not attributed: the editor adds the attribution). */
export function inputOfCsl(item: CslItem, raw: string | null): MappedEntry {
  const problems: MappedEntry['problems'] = [];
  const title = text(item['title']);
  if (!title) problems.push({ code: 'title_missing', field: 'titles' });
  const date = publishedOf(item);
  if (!date) problems.push({ code: 'date_missing', field: 'publishedOn' });
  const cslType = text(item['type']) ?? 'document';
  const genre = text(item['genre'])?.toLowerCase() ?? '';
  let type: PublicationType = TYPE_OF_CSL[cslType] ?? 'other';
  if (cslType === 'report' && genre.includes('working')) type = 'working_paper';
  if (cslType === 'report' && genre.includes('policy')) type = 'policy_brief';
  const names = [
    ...((item['author'] as Record<string, unknown>[] | undefined) ?? []).map((n) => ({
      ...contributorOf(n),
      role: 'author' as const,
    })),
    ...(item['author']
      ? []
      : ((item['editor'] as Record<string, unknown>[] | undefined) ?? []).map((n) => ({
          ...contributorOf(n),
          role: 'editor' as const,
        }))),
  ];
  const isbn = text(item['ISBN'])?.split(/[\s,;]+/)[0] ?? null;
  const issns = (text(item['ISSN']) ?? '').split(/[\s,;]+/).filter(Boolean);
  if (problems.length > 0 || !title || !date) {
    return { input: null, problems, issns, containerTitle: text(item['container-title']) };
  }
  const language = languageOf(item, title, raw);
  const abstract = text(item['abstract']);
  return {
    problems,
    issns,
    containerTitle: text(item['container-title']),
    input: {
      type,
      titles: [{ language, title, abstract, original: true }],
      publishedOn: date.publishedOn,
      publishedOnPrecision: date.precision,
      doi: text(item['DOI']),
      isbn,
      url: text(item['URL']),
      volume: text(item['volume']),
      issue: text(item['issue']),
      pages: text(item['page'])?.replace(/--/g, '-') ?? null,
      contributors: names,
    },
  };
}

/** A registry record as CSL-JSON, for the BibTeX, RIS and CSL-JSON exports. */
export function cslOf(publication: PublicationDetailDto): CslItem {
  const [year, month, day] = publication.publishedOn.split('-').map(Number);
  const dateParts =
    publication.publishedOnPrecision === 'year'
      ? [year]
      : publication.publishedOnPrecision === 'month'
        ? [year, month]
        : [year, month, day];
  const original = publication.titles.find((title) => title.original) ?? publication.titles[0];
  const item: CslItem = {
    id: publication.id,
    'citation-key': `oris-${publication.id.slice(0, 8)}`,
    type: CSL_TYPE_OF[publication.type],
    title: original.title,
    language: original.language,
    issued: { 'date-parts': [dateParts] },
    author: publication.contributors
      .filter((c) => c.role === 'author')
      .map((c) =>
        c.familyName
          ? { family: c.familyName, given: c.givenNames ?? undefined }
          : { literal: c.nameAr ?? '' },
      ),
  };
  const editors = publication.contributors.filter((c) => c.role === 'editor');
  if (editors.length)
    item['editor'] = editors.map((c) =>
      c.familyName
        ? { family: c.familyName, given: c.givenNames ?? undefined }
        : { literal: c.nameAr ?? '' },
    );
  if (GENRE_OF[publication.type]) item['genre'] = GENRE_OF[publication.type];
  if (original.abstract) item['abstract'] = original.abstract;
  if (publication.doi) item['DOI'] = publication.doi;
  if (publication.isbn) item['ISBN'] = publication.isbn;
  if (publication.url) item['URL'] = publication.url;
  if (publication.serialTitle) item['container-title'] = publication.serialTitle;
  if (publication.serialIssn) item['ISSN'] = publication.serialIssn;
  if (publication.volume) item['volume'] = publication.volume;
  if (publication.issue) item['issue'] = publication.issue;
  if (publication.pages) item['page'] = publication.pages;
  if (publication.licence) item['license'] = publication.licence;
  return item;
}

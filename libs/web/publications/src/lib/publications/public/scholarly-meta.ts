import type { PublicationDetail } from '../shared/publication-types';

/** A `<meta name content>` pair. */
export interface MetaTag {
  name: string;
  content: string;
}

const SCHEMA_TYPES: Record<string, string> = {
  journal_article: 'ScholarlyArticle',
  review_article: 'ScholarlyArticle',
  conference_paper: 'ScholarlyArticle',
  book: 'Book',
  book_chapter: 'Chapter',
  report: 'Report',
  working_paper: 'Report',
  policy_brief: 'Report',
  thesis: 'Thesis',
  other: 'CreativeWork',
};

const nameOf = (c: PublicationDetail['contributors'][number]) =>
  c.familyName ? [c.familyName, c.givenNames].filter(Boolean).join(', ') : (c.nameAr ?? '');

/** The publication date at its precision: `2025`, `2025/03`, `2025/03/15` (Highwire's form). */
function highwireDate(publication: PublicationDetail): string {
  const [year, month, day] = publication.publishedOn.split('-');
  if (publication.publishedOnPrecision === 'year') return year;
  if (publication.publishedOnPrecision === 'month') return `${year}/${month}`;
  return `${year}/${month}/${day}`;
}

/**
 * The Highwire Press `citation_*` tags Google Scholar and reference managers read, one per
 * author in print order.
 */
export function citationMetaTags(publication: PublicationDetail): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: publication.title }];
  for (const contributor of publication.contributors.filter((c) => c.role === 'author')) {
    tags.push({ name: 'citation_author', content: nameOf(contributor) });
  }
  tags.push({ name: 'citation_publication_date', content: highwireDate(publication) });
  tags.push({ name: 'citation_language', content: publication.language });
  const optional: [string, string | null | undefined][] = [
    ['citation_doi', publication.doi],
    ['citation_journal_title', publication.serialTitle],
    ['citation_issn', publication.serialIssn],
    ['citation_isbn', publication.isbn],
    ['citation_volume', publication.volume],
    ['citation_issue', publication.issue],
    ['citation_firstpage', publication.pages?.split('-')[0]],
    [
      'citation_lastpage',
      publication.pages?.includes('-') ? publication.pages.split('-').pop() : null,
    ],
    ['citation_abstract_html_url', publication.url],
  ];
  for (const [name, content] of optional) if (content) tags.push({ name, content });
  return tags;
}

/** schema.org JSON-LD of the work (ScholarlyArticle for articles and papers). */
export function scholarlyJsonLd(
  publication: PublicationDetail,
  pageUrl: string,
): Record<string, unknown> {
  const original = publication.titles.find((t) => t.original) ?? publication.titles[0];
  return {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPES[publication.type] ?? 'CreativeWork',
    '@id': pageUrl,
    url: pageUrl,
    headline: publication.title.slice(0, 110),
    name: publication.title,
    inLanguage: publication.language,
    datePublished: highwireDate(publication).replace(/\//g, '-'),
    author: publication.contributors
      .filter((c) => c.role === 'author')
      .map((c) => ({
        '@type': 'Person',
        name: c.familyName
          ? [c.givenNames, c.familyName].filter(Boolean).join(' ')
          : (c.nameAr ?? ''),
        ...(c.orcid ? { sameAs: `https://orcid.org/${c.orcid}` } : {}),
        ...(c.affiliations.length
          ? { affiliation: c.affiliations.map((name) => ({ '@type': 'Organization', name })) }
          : {}),
      })),
    ...(original?.abstract ? { abstract: original.abstract } : {}),
    ...(publication.doi
      ? {
          identifier: `https://doi.org/${publication.doi}`,
          sameAs: `https://doi.org/${publication.doi}`,
        }
      : {}),
    ...(publication.serialTitle
      ? {
          isPartOf: {
            '@type': 'Periodical',
            name: publication.serialTitle,
            ...(publication.serialIssn ? { issn: publication.serialIssn } : {}),
          },
        }
      : {}),
    ...(publication.licence
      ? { license: `https://spdx.org/licenses/${publication.licence}.html` }
      : {}),
    ...(publication.volume ? { volumeNumber: publication.volume } : {}),
    ...(publication.issue ? { issueNumber: publication.issue } : {}),
    ...(publication.pages ? { pagination: publication.pages } : {}),
  };
}

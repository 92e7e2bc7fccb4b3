import type { PublicationDetail } from '../shared/publication-types';
import { citationMetaTags, scholarlyJsonLd } from './scholarly-meta';

const work = (overrides: Partial<PublicationDetail> = {}): PublicationDetail => ({
  id: '6f1c1d4e-0000-4000-8000-000000000001',
  type: 'journal_article',
  title: 'التعاونيات والتنمية المحلية',
  language: 'ar',
  titles: [
    { language: 'ar', title: 'التعاونيات والتنمية المحلية', abstract: 'ملخص', original: true },
  ],
  publishedOn: '2025-05-01',
  publishedOnPrecision: 'month',
  doi: '10.5555/oris.1',
  serialId: null,
  serialTitle: 'Revue marocaine d’innovation sociale',
  serialIssn: '2550-1119',
  authors: [],
  openAccess: 'gold',
  attribution: 'affiliation',
  retractedOn: null,
  status: 'validated',
  mergedIntoId: null,
  isbn: null,
  url: null,
  volume: '9',
  issue: '2',
  pages: '101-120',
  peerReviewed: true,
  licence: 'CC-BY-4.0',
  attributionEvidence: 'ORIS',
  contributors: [
    {
      position: 1,
      role: 'author',
      familyName: 'Benali',
      givenNames: 'Samira',
      nameAr: null,
      orcid: '0000-0002-1825-0097',
      affiliations: ['ORIS, Fès'],
      orisAffiliation: true,
    },
    {
      position: 2,
      role: 'author',
      familyName: null,
      givenNames: null,
      nameAr: 'يوسف العلوي',
      orcid: null,
      affiliations: [],
      orisAffiliation: false,
    },
  ],
  indexRecords: [],
  validatedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('citation meta tags', () => {
  it('names every author in print order and dates the work at its precision', () => {
    expect(citationMetaTags(work())).toEqual([
      { name: 'citation_title', content: 'التعاونيات والتنمية المحلية' },
      { name: 'citation_author', content: 'Benali, Samira' },
      { name: 'citation_author', content: 'يوسف العلوي' },
      { name: 'citation_publication_date', content: '2025/05' },
      { name: 'citation_language', content: 'ar' },
      { name: 'citation_doi', content: '10.5555/oris.1' },
      { name: 'citation_journal_title', content: 'Revue marocaine d’innovation sociale' },
      { name: 'citation_issn', content: '2550-1119' },
      { name: 'citation_volume', content: '9' },
      { name: 'citation_issue', content: '2' },
      { name: 'citation_firstpage', content: '101' },
      { name: 'citation_lastpage', content: '120' },
    ]);
    expect(
      citationMetaTags(work({ publishedOnPrecision: 'year' })).find(
        (t) => t.name === 'citation_publication_date',
      )?.content,
    ).toBe('2025');
  });
});

describe('schema.org JSON-LD', () => {
  it('describes a ScholarlyArticle with its authors, journal, DOI and licence', () => {
    expect(scholarlyJsonLd(work(), 'https://oris.example/publications/x')).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      name: 'التعاونيات والتنمية المحلية',
      inLanguage: 'ar',
      datePublished: '2025-05',
      abstract: 'ملخص',
      sameAs: 'https://doi.org/10.5555/oris.1',
      isPartOf: {
        '@type': 'Periodical',
        name: 'Revue marocaine d’innovation sociale',
        issn: '2550-1119',
      },
      license: 'https://spdx.org/licenses/CC-BY-4.0.html',
      author: [
        {
          '@type': 'Person',
          name: 'Samira Benali',
          sameAs: 'https://orcid.org/0000-0002-1825-0097',
          affiliation: [{ '@type': 'Organization', name: 'ORIS, Fès' }],
        },
        { '@type': 'Person', name: 'يوسف العلوي' },
      ],
    });
    expect(scholarlyJsonLd(work({ type: 'book' }), '')['@type']).toBe('Book');
  });
});

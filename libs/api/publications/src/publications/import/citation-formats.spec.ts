import { checkPublication } from '../registry/publication-facts';
import { BIBTEX_FIXTURE, CSL_FIXTURE, RIS_FIXTURE } from '../testing/citation-fixtures';
import { readEntry, splitEntries, UnreadableCitations, writeCitations } from './citation-formats';
import { cslOf, inputOfCsl } from './csl-mapping';

const unreadable = {
  input: null,
  problems: [{ code: 'entry_unreadable' }],
  issns: [] as string[],
  containerTitle: null,
};
const inputsOf = (format: 'bibtex' | 'ris' | 'csl-json', text: string) =>
  splitEntries(format, text).map((entry) => {
    try {
      const item = readEntry(format, entry);
      return {
        line: entry.line,
        ...(item
          ? inputOfCsl(item, typeof entry.source === 'string' ? entry.source : null)
          : unreadable),
      };
    } catch {
      return { line: entry.line, ...unreadable };
    }
  });

describe('reading BibTeX', () => {
  const entries = inputsOf('bibtex', BIBTEX_FIXTURE);

  it('reads entry by entry, with their lines, so one bad entry does not refuse the file', () => {
    expect(entries.map((entry) => entry.line)).toEqual([4, 17, 25, 29]);
    expect(entries[2].problems).toEqual([{ code: 'entry_unreadable' }]);
    expect(entries[3].problems).toEqual([{ code: 'date_missing', field: 'publishedOn' }]);
  });

  it('maps an article with its macro, month precision, pages and a DOI written as a URL', () => {
    const input = entries[0].input;
    expect(input).toMatchObject({
      type: 'journal_article',
      titles: [
        { language: 'fr', title: "Les coopératives féminines de l'arganier", original: true },
      ],
      publishedOn: '2025-03-01',
      publishedOnPrecision: 'month',
      volume: '12',
      issue: '3',
      pages: '45-67',
      contributors: [
        { familyName: 'Benali', givenNames: 'Samira', role: 'author' },
        { familyName: 'Al Amrani', givenNames: 'Youssef', role: 'author' },
      ],
    });
    expect(entries[0].issns).toEqual(['0317-8471']);
    expect(entries[0].containerTitle).toBe('Revue marocaine des sciences sociales');
    const checked = checkPublication(input!);
    expect(checked.facts?.doi).toBe('10.5555/oris.2025.1');
  });

  it('keeps an Arabic title and author as written, in Arabic, with a year-only date', () => {
    expect(entries[1].input).toMatchObject({
      type: 'book',
      titles: [
        { language: 'ar', title: 'التعاونيات والتنمية المحلية في جهة فاس مكناس', original: true },
      ],
      publishedOn: '2024-01-01',
      publishedOnPrecision: 'year',
      contributors: [{ nameAr: 'يوسف العلوي', role: 'author' }],
    });
    expect(checkPublication(entries[1].input!).facts?.isbn).toBe('9783161484100');
  });
});

describe('reading RIS and CSL-JSON', () => {
  it('reads RIS records with their language and a chapter in Arabic', () => {
    const [article, chapter] = inputsOf('ris', RIS_FIXTURE);
    expect(article.input).toMatchObject({
      type: 'journal_article',
      titles: [{ language: 'en', title: 'Social innovation hubs in Morocco' }],
      publishedOn: '2023-06-15',
      publishedOnPrecision: 'day',
      pages: '10-20',
    });
    expect(checkPublication(article.input!).facts?.doi).toBe('10.5555/oris.2023.7');
    expect(chapter.input).toMatchObject({
      type: 'book_chapter',
      titles: [{ language: 'ar' }],
      publishedOnPrecision: 'year',
    });
  });

  it('reads CSL-JSON items and reports a missing title and a bad DOI per entry', () => {
    const [paper, noTitle, badDoi] = inputsOf('csl-json', CSL_FIXTURE);
    expect(paper.input).toMatchObject({
      type: 'conference_paper',
      publishedOn: '2024-10-01',
      publishedOnPrecision: 'month',
    });
    expect(noTitle.problems).toEqual([{ code: 'title_missing', field: 'titles' }]);
    expect(checkPublication(badDoi.input!).problems).toEqual([
      { field: 'doi', code: 'doi_invalid', params: { value: '10.12/x' } },
    ]);
  });

  it('refuses text that is not JSON as a whole', () => {
    expect(() => splitEntries('csl-json', '{not json')).toThrow(UnreadableCitations);
  });

  it('never fetches: a DOI or a URL given as BibTeX text is not an entry', () => {
    expect(splitEntries('bibtex', 'https://doi.org/10.5555/x')).toEqual([]);
  });
});

describe('writing', () => {
  it('writes BibTeX and RIS that read back as the same works', () => {
    const record = {
      id: '6f1c1d4e-0000-4000-8000-000000000001',
      type: 'working_paper' as const,
      title: 'التعاونيات',
      language: 'ar',
      titles: [{ language: 'ar', title: 'التعاونيات', abstract: null, original: true }],
      publishedOn: '2024-05-01',
      publishedOnPrecision: 'month' as const,
      doi: '10.5555/oris.w1',
      serialId: null,
      serialTitle: null,
      authors: [],
      openAccess: null,
      attribution: null,
      retractedOn: null,
      status: 'validated' as const,
      mergedIntoId: null,
      isbn: null,
      url: null,
      volume: null,
      issue: null,
      pages: null,
      peerReviewed: null,
      licence: null,
      attributionEvidence: null,
      serialIssn: null,
      contributors: [
        {
          position: 1,
          role: 'author' as const,
          familyName: 'Benali',
          givenNames: 'Samira',
          nameAr: null,
          orcid: null,
          affiliations: [],
          orisAffiliation: true,
        },
      ],
      indexRecords: [],
      validatedAt: null,
      createdAt: '',
      updatedAt: '',
    };
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      const text = writeCitations(format, [cslOf(record)]);
      const [back] = inputsOf(format, text);
      if (!back?.input) throw new Error(format + ': ' + text + JSON.stringify(back));
      expect(back.input).toMatchObject({
        titles: [{ title: 'التعاونيات', language: 'ar' }],
        publishedOn: '2024-05-01',
        doi: '10.5555/oris.w1',
        contributors: [{ familyName: 'Benali', givenNames: 'Samira' }],
      });
    }
  });
});

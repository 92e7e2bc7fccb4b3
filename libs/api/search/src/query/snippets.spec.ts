import { normalizeForSearch } from '@oris/shared/domain';
import {
  markedSegments,
  markedTermsOf,
  snippetOf,
  trigramSimilarity,
  wordMatches,
  WordMarker,
} from './snippets';

const terms = (query: string) => markedTermsOf(normalizeForSearch(query));
const marker = (query: string) => new WordMarker(terms(query));
const marked = (segments: { text: string; match: boolean }[]) =>
  segments.filter((segment) => segment.match).map((segment) => segment.text);

describe('markedTermsOf', () => {
  it('keeps the words of three letters or more, once each', () => {
    expect(terms('la coopérative de la coopérative')).toEqual(['cooperative']);
  });

  it('keeps short words when the query has nothing else', () => {
    expect(terms('ES 1')).toEqual(['es', '1']);
  });
});

describe('wordMatches', () => {
  it.each([
    ['cooperative', 'cooperative'],
    ['cooperatives', 'cooperative'],
    ['economique', 'economie'],
    ['cooperatives', 'cooperatves'],
    ['الاقتصاد', 'اقتصاد'],
  ])('takes %s for the term %s', (word, term) => {
    expect(wordMatches(word, term)).toBe(true);
  });

  it.each([
    ['de', 'des'],
    ['partenariat', 'art'],
    ['safran', 'saison'],
  ])('does not take %s for the term %s', (word, term) => {
    expect(wordMatches(word, term)).toBe(false);
  });
});

describe('markedSegments', () => {
  it('marks the words as written, accents and Arabic marks kept', () => {
    const segments = markedSegments('Les coopératives de Fès', marker('cooperatives fes'));
    expect(segments).toEqual([
      { text: 'Les ', match: false },
      { text: 'coopératives', match: true },
      { text: ' de ', match: false },
      { text: 'Fès', match: true },
    ]);
  });

  it('marks Arabic written with diacritics and variants from a plain query', () => {
    expect(marked(markedSegments('إدارةُ التعاونيّات', marker('اداره التعاونيات')))).toEqual([
      'إدارةُ',
      'التعاونيّات',
    ]);
  });

  it('never turns text into markup: what is written stays text', () => {
    const segments = markedSegments('<script>alert(1)</script> safran', marker('safran'));
    expect(segments[0]).toEqual({ text: '<script>alert(1)</script> ', match: false });
  });
});

describe('snippetOf', () => {
  const long =
    'Un premier paragraphe qui parle de tout autre chose, longuement, de la météo et des ' +
    'saisons, des marchés du samedi et des routes de montagne. Puis vient enfin le microcrédit ' +
    'rural, prêté aux jeunes porteurs de projets par un fonds renouvelable géré par les ' +
    'associations locales, avec un suivi mensuel. La suite parle encore d’autre chose.';

  it('cuts the text around the first matched word, marking the cuts', () => {
    const snippet = snippetOf(long, marker('microcrédit'), 120);
    expect(snippet[0]).toEqual(expect.objectContaining({ match: false }));
    expect(snippet[0].text.startsWith('… ')).toBe(true);
    expect(marked(snippet)).toEqual(['microcrédit']);
    expect(snippet.at(-1)?.text.endsWith(' …')).toBe(true);
    expect(snippet.map((segment) => segment.text).join('').length).toBeLessThanOrEqual(124);
  });

  it('shows the beginning when no word matches', () => {
    const snippet = snippetOf(long, marker('zzzz'), 60);
    expect(snippet).toHaveLength(1);
    expect(snippet[0].text.startsWith('Un premier paragraphe')).toBe(true);
  });

  it('keeps a short body whole, on one line', () => {
    expect(snippetOf('Une ligne\net une autre.', marker('ligne'))).toEqual([
      { text: 'Une ', match: false },
      { text: 'ligne', match: true },
      { text: ' et une autre.', match: false },
    ]);
  });
});

describe('trigramSimilarity', () => {
  it('is 1 for the same word and lower for a typo', () => {
    expect(trigramSimilarity('safran', 'safran')).toBe(1);
    expect(trigramSimilarity('cooperative', 'cooperatvie')).toBeGreaterThanOrEqual(0.5);
    expect(trigramSimilarity('cooperative', 'montagne')).toBeLessThan(0.1);
  });
});

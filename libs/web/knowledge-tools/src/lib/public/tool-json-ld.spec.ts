import type { Tool } from '../shared/tool-types';
import { titleOf } from '../shared/tool-types';
import { toolJsonLd } from './tool-json-ld';

const tool = (overrides: Partial<Tool> = {}): Tool => ({
  id: 't1',
  titles: { fr: 'Baromètre', ar: 'المقياس' },
  descriptions: { fr: 'Données agrégées.' },
  originalLanguage: 'fr',
  kind: 'dataset',
  purpose: 'processing',
  orisRole: 'creator',
  licence: 'ODbL-1.0',
  status: 'validated',
  firstReleasedOn: '2025-06-30',
  latestReleasedOn: '2026-10-07',
  languages: ['fr'],
  versionCount: 2,
  versions: [
    {
      id: 'v2',
      number: '2.0',
      releasedOn: '2026-10-07',
      language: 'fr',
      url: null,
      fileName: 'b.csv',
      mediaType: 'text/csv',
      fileSize: 120,
      sha256: 'a'.repeat(64),
      note: null,
      recordedAt: '2026-10-07T10:00:00Z',
    },
    {
      id: 'v1',
      number: '1.0',
      releasedOn: '2025-06-30',
      language: 'fr',
      url: 'https://example.org/b',
      fileName: null,
      mediaType: null,
      fileSize: null,
      sha256: null,
      note: null,
      recordedAt: '2025-06-30T10:00:00Z',
    },
  ],
  courseIds: [],
  publicationIds: [],
  validatedAt: '2025-07-01T10:00:00Z',
  createdAt: '2025-06-01T10:00:00Z',
  updatedAt: '2026-10-07T10:00:00Z',
  ...overrides,
});

describe('toolJsonLd', () => {
  it('describes a dataset with its licence page and its downloads', () => {
    const data = toolJsonLd(tool(), 'https://oris.example/tools/t1', 'https://oris.example');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: 'Baromètre',
      alternateName: ['المقياس'],
      description: 'Données agrégées.',
      license: 'https://spdx.org/licenses/ODbL-1.0.html',
      dateCreated: '2025-06-30',
      version: '2.0',
    });
    expect(data['distribution']).toEqual([
      expect.objectContaining({
        contentUrl: 'https://oris.example/api/v1/tools/t1/versions/v2/download',
        encodingFormat: 'text/csv',
      }),
      expect.objectContaining({ version: '1.0' }),
    ]);
  });

  it('describes anything else as a creative work, without a licence when none is declared', () => {
    const data = toolJsonLd(tool({ kind: 'guide', licence: null }), 'u', 'o');
    expect(data['@type']).toBe('CreativeWork');
    expect(data).not.toHaveProperty('license');
    expect(data).toHaveProperty('associatedMedia');
  });
});

describe('titleOf', () => {
  it('takes the interface language when the tool has it, else the original', () => {
    expect(titleOf(tool(), 'ar')).toBe('المقياس');
    expect(titleOf(tool(), 'en')).toBe('Baromètre');
  });
});

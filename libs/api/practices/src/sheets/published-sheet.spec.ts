import type { PracticeSnapshot } from '@oris/shared/domain';
import { practicePublishedSheet, practiceSearchDocuments } from './published-sheet';

const snapshot: PracticeSnapshot = {
  slug: 'argan-femmes',
  status: 'published',
  originalLanguage: 'fr',
  texts: {
    ar: { title: 'تَعَاوُنِيَّة الأركان', summary: 'دعم النساء' },
    fr: {
      title: 'Coopérative d’argan',
      summary: 'Accompagner les femmes.',
      results: '120 adhérentes.',
    },
  },
  translatedLanguages: ['ar'],
  regions: ['MA-09'],
  themes: ['women_empowerment'],
  populations: ['women'],
  totalCostMad: 900000,
  costPerBeneficiaryMad: 7500,
  beneficiaries: 120,
  startYear: 2020,
  endYear: null,
  resultFigures: [],
  evidenceLevel: 2,
  evidenceJustification: { fr: 'Données avant/après.' },
  contacts: [
    {
      id: 'c1',
      name: 'Amina',
      role: 'Présidente',
      organisation: 'Coopérative',
      email: 'amina@example.org',
      phone: null,
      consentRecordedAt: '2026-01-01T00:00:00.000Z',
      consentRecordedBy: 'u',
      consentNote: 'Courriel du 1er janvier',
    },
    {
      id: 'c2',
      name: 'Karim',
      role: null,
      organisation: null,
      email: 'karim@example.org',
      phone: '+212 600000000',
      consentRecordedAt: null,
      consentRecordedBy: null,
      consentNote: null,
    },
  ],
  links: { toolIds: [], publicationIds: [], courseIds: [], partnershipIds: [] },
  attachments: [],
  authorIds: ['u'],
};

describe('practicePublishedSheet', () => {
  const sheet = practicePublishedSheet(
    { id: 'id-1', version: 4, snapshot, publishedAt: new Date('2026-12-05T23:30:00Z') },
    'https://oris.example/',
  );

  it('leaves out contacts without consent, and every consent record', () => {
    expect(sheet.contacts).toEqual([
      {
        name: 'Amina',
        role: 'Présidente',
        organisation: 'Coopérative',
        email: 'amina@example.org',
        phone: null,
      },
    ]);
    expect(JSON.stringify(sheet)).not.toContain('Karim');
    expect(JSON.stringify(sheet)).not.toContain('Courriel du 1er janvier');
  });

  it('dates the version in Morocco and points at the public page', () => {
    expect(sheet).toMatchObject({
      version: 4,
      publishedOn: '2026-12-06',
      url: 'https://oris.example/practices/argan-femmes',
      evidenceLevel: 2,
    });
  });
});

describe('practiceSearchDocuments', () => {
  it('gives one document per language, the original first, the body in reading order', () => {
    const sheet = practicePublishedSheet(
      { id: 'id-1', version: 4, snapshot, publishedAt: new Date('2026-12-01T10:00:00Z') },
      'https://oris.example',
    );
    const docs = practiceSearchDocuments(sheet);
    expect(docs.map((doc) => [doc.language, doc.original, doc.title])).toEqual([
      ['fr', true, 'Coopérative d’argan'],
      ['ar', false, 'تَعَاوُنِيَّة الأركان'],
    ]);
    expect(docs[0]).toMatchObject({
      kind: 'practice',
      id: 'id-1',
      body: 'Accompagner les femmes.\n\n120 adhérentes.',
      regions: ['MA-09'],
      themes: ['women_empowerment'],
      populations: ['women'],
      evidenceLevel: 2,
      subtype: null,
      publishedOn: '2026-12-01',
      path: '/practices/argan-femmes',
    });
  });
});

import {
  consentedContacts,
  diffPracticeSnapshots,
  type PracticeContactSnapshot,
  type PracticeSnapshot,
} from './practice-snapshot';

const contact = (name: string, consented: boolean): PracticeContactSnapshot => ({
  id: name,
  name,
  role: null,
  organisation: null,
  email: `${name.toLowerCase()}@example.org`,
  phone: null,
  consentRecordedAt: consented ? '2026-03-03T10:00:00.000Z' : null,
  consentRecordedBy: consented ? 'editor' : null,
  consentNote: null,
});

const snapshot = (overrides: Partial<PracticeSnapshot> = {}): PracticeSnapshot => ({
  slug: 'cooperative',
  status: 'draft',
  originalLanguage: 'fr',
  texts: { fr: { title: 'Coopérative', summary: 'Un parcours.' }, ar: { title: 'تعاونية' } },
  translatedLanguages: ['ar'],
  regions: ['MA-09'],
  themes: ['youth'],
  populations: ['youth_neet'],
  totalCostMad: 1000,
  costPerBeneficiaryMad: null,
  beneficiaries: 10,
  startYear: 2021,
  endYear: null,
  resultFigures: [],
  evidenceLevel: null,
  evidenceJustification: {},
  contacts: [contact('Amina', true), contact('Karim', false)],
  links: { toolIds: [], publicationIds: [], courseIds: [], partnershipIds: [] },
  attachments: [],
  authorIds: ['editor'],
  ...overrides,
});

describe('consentedContacts', () => {
  it('keeps only the contacts whose consent is recorded', () => {
    expect(consentedContacts(snapshot().contacts).map((c) => c.name)).toEqual(['Amina']);
    expect(consentedContacts([contact('Karim', false)])).toEqual([]);
  });
});

describe('diffPracticeSnapshots', () => {
  it('lists nothing between equal versions, nor a change of status or authors', () => {
    expect(
      diffPracticeSnapshots(snapshot(), snapshot({ status: 'published', authorIds: ['x'] })),
    ).toEqual([]);
  });

  it('lists changed texts per language, then the sheet’s fields, word by word', () => {
    const changes = diffPracticeSnapshots(
      snapshot(),
      snapshot({
        texts: {
          fr: { title: 'Coopérative rurale', summary: 'Un parcours.' },
          ar: { title: 'تعاونية' },
          en: { title: 'Cooperative' },
        },
        regions: ['MA-09', 'MA-08'],
        evidenceLevel: 3,
        evidenceJustification: { fr: 'Groupe de comparaison.' },
      }),
    );
    expect(changes.map((change) => [change.field, change.language])).toEqual([
      ['title', 'fr'],
      ['title', 'en'],
      ['evidenceJustification', 'fr'],
      ['regions', null],
      ['evidenceLevel', null],
    ]);
    expect(changes[0].segments).toEqual([
      { op: 'equal', text: 'Coopérative' },
      { op: 'insert', text: ' rurale' },
    ]);
    expect(changes[3]).toMatchObject({ before: 'MA-09', after: 'MA-09, MA-08' });
    expect(changes[4]).toMatchObject({ before: '', after: '3' });
  });

  it('says when a contact’s consent changes', () => {
    const [change] = diffPracticeSnapshots(
      snapshot(),
      snapshot({ contacts: [contact('Amina', true), contact('Karim', true)] }),
    );
    expect(change.field).toBe('contacts');
    expect(change.after).toContain('karim@example.org (consent)');
  });
});

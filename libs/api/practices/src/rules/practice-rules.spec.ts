import { canMovePractice, type PracticeSnapshot } from '@oris/shared/domain';
import {
  evidenceProblem,
  isPracticeStaff,
  mayReview,
  missingRequiredFields,
  slugOf,
  uploadProblem,
} from './practice-rules';

const snapshot = (overrides: Partial<PracticeSnapshot> = {}): PracticeSnapshot => ({
  slug: 's',
  status: 'in_review',
  originalLanguage: 'fr',
  texts: {
    fr: {
      title: 'T',
      summary: 'S',
      problem: 'P',
      intervention: 'I',
      coreComponents: 'C',
      results: 'R',
      replicationConditions: 'RC',
    },
  },
  translatedLanguages: [],
  regions: [],
  themes: [],
  populations: [],
  totalCostMad: null,
  costPerBeneficiaryMad: null,
  beneficiaries: null,
  startYear: null,
  endYear: null,
  resultFigures: [],
  evidenceLevel: 3,
  evidenceJustification: { fr: 'Groupe de comparaison.' },
  contacts: [],
  links: { toolIds: [], publicationIds: [], courseIds: [], partnershipIds: [] },
  attachments: [],
  authorIds: [],
  ...overrides,
});

describe('the workflow', () => {
  it('moves draft → in_review → published → archived, and back to draft only as allowed', () => {
    expect(canMovePractice('draft', 'in_review')).toBe(true);
    expect(canMovePractice('in_review', 'published')).toBe(true);
    expect(canMovePractice('in_review', 'draft')).toBe(true);
    expect(canMovePractice('published', 'archived')).toBe(true);
    expect(canMovePractice('published', 'draft')).toBe(true);
    expect(canMovePractice('archived', 'draft')).toBe(true);
    expect(canMovePractice('draft', 'published')).toBe(false);
    expect(canMovePractice('archived', 'published')).toBe(false);
    expect(canMovePractice('draft', 'archived')).toBe(false);
  });
});

describe('the reviewer', () => {
  it('is an editor or an administrator who is not an author', () => {
    const editor = { id: 'e', roles: ['observatory_editor' as const] };
    const admin = { id: 'a', roles: ['admin' as const] };
    const officer = { id: 'o', roles: ['partnership_officer' as const] };
    expect(mayReview(editor, ['x'])).toBe(true);
    expect(mayReview(admin, [])).toBe(true);
    expect(mayReview(editor, ['x', 'e'])).toBe(false);
    expect(mayReview(admin, ['a'])).toBe(false);
    expect(mayReview(officer, [])).toBe(false);
    expect(isPracticeStaff(null)).toBe(false);
    expect(isPracticeStaff({ roles: ['trainee', 'trainer'] })).toBe(false);
  });
});

describe('what a sheet needs', () => {
  it('names the required fields empty in the original language', () => {
    expect(missingRequiredFields(snapshot())).toEqual([]);
    expect(
      missingRequiredFields(snapshot({ texts: { fr: { title: 'T', summary: '   ' } } })),
    ).toEqual([
      'summary',
      'problem',
      'intervention',
      'coreComponents',
      'results',
      'replicationConditions',
    ]);
    // A translation does not stand in for the original.
    expect(
      missingRequiredFields(
        snapshot({ originalLanguage: 'ar', texts: { fr: snapshot().texts.fr } }),
      ),
    ).toContain('title');
  });

  it('publishes only with an evidence level justified in the original language', () => {
    expect(evidenceProblem(snapshot())).toBeNull();
    expect(evidenceProblem(snapshot({ evidenceLevel: null }))).toMatch(/evidence level/);
    expect(evidenceProblem(snapshot({ evidenceJustification: { ar: 'مبرر' } }))).toMatch(/\(fr\)/);
  });
});

describe('slugOf', () => {
  it('keeps Latin words without accents, and falls back for Arabic titles', () => {
    expect(slugOf('Insertion des jeunes par la coopérative')).toBe(
      'insertion-des-jeunes-par-la-cooperative',
    );
    expect(slugOf('  Œuvre d’art & cœur — 2024 ')).toBe('oeuvre-d-art-coeur-2024');
    expect(slugOf('إدماج الشباب')).toBe('pratique');
    expect(slugOf('x'.repeat(300)).length).toBeLessThanOrEqual(80);
  });
});

describe('uploads', () => {
  const pdf = Buffer.from('%PDF-1.4\n');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  it('accepts the declared type only when the content matches, within the size of its kind', () => {
    expect(uploadProblem('attachment', 'application/pdf', pdf)).toBeNull();
    expect(uploadProblem('image', 'image/png', png)).toBeNull();
    expect(uploadProblem('image', 'application/pdf', pdf)).toBe('unsupported');
    expect(uploadProblem('attachment', 'application/pdf', png)).toBe('unsupported');
    expect(uploadProblem('attachment', 'text/html', Buffer.from('<html>'))).toBe('unsupported');
    expect(uploadProblem('attachment', 'application/pdf', Buffer.alloc(0))).toBe('empty');
    expect(
      uploadProblem('image', 'image/png', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)])),
    ).toBe('too_large');
  });
});

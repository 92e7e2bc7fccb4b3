import {
  indicatorReadingOf,
  INSERTING_SITUATION_KINDS,
  isInsertingKind,
  SITUATION_KINDS,
  situationProblems,
  SituationFacts,
} from '@oris/shared/domain';
import { mergeChange } from './placements.service';
import { SituationValues, toVersionDtos, VersionRow } from './placement-rows';

const today = '2026-03-10';
const job = (overrides: Partial<SituationFacts> = {}): SituationFacts => ({
  kind: 'wage_employment',
  contract: 'permanent',
  organisationId: null,
  employerName: 'Association Al Amal',
  sector: 'ESS',
  position: 'Chargée de projets',
  startOn: '2025-10-01',
  endOn: null,
  ...overrides,
});

describe('situation rules', () => {
  it('names the four inserting kinds, and only them', () => {
    expect([...INSERTING_SITUATION_KINDS]).toEqual([
      'wage_employment',
      'self_employment',
      'enterprise_creation',
      'cooperative',
    ]);
    expect(isInsertingKind('internship')).toBe(false);
    expect(isInsertingKind('further_studies')).toBe(false);
    expect(isInsertingKind('seeking')).toBe(false);
    expect(isInsertingKind('inactive')).toBe(false);
    expect(isInsertingKind('cooperative')).toBe(true);
  });

  it('reads inactive (not working, not looking for work) as neither inserted nor job-seeking', () => {
    expect(
      Object.fromEntries(SITUATION_KINDS.map((kind) => [kind, indicatorReadingOf(kind)])),
    ).toEqual({
      wage_employment: 'inserted',
      self_employment: 'inserted',
      enterprise_creation: 'inserted',
      cooperative: 'inserted',
      internship: 'neither',
      further_studies: 'neither',
      seeking: 'job_seeking',
      inactive: 'neither',
    });
  });

  it('asks an inactive person for no place, contract, sector or position', () => {
    expect(
      situationProblems(
        job({
          kind: 'inactive',
          contract: null,
          employerName: null,
          sector: null,
          position: null,
        }),
        today,
      ),
    ).toEqual([]);
  });

  it('accepts a complete job, and a seeking situation with no place at all', () => {
    expect(situationProblems(job(), today)).toEqual([]);
    expect(
      situationProblems(
        job({ kind: 'seeking', contract: null, employerName: null, sector: null, position: null }),
        today,
      ),
    ).toEqual([]);
  });

  it('requires a contract exactly for wage employment', () => {
    expect(situationProblems(job({ contract: null }), today)).toEqual([
      { field: 'contract', message: 'contract is required for wage employment' },
    ]);
    expect(
      situationProblems(job({ kind: 'self_employment', contract: 'permanent' }), today),
    ).toEqual([{ field: 'contract', message: 'contract is given only for wage employment' }]);
  });

  it('requires one place, a sector and a position where the kind has a place of work', () => {
    expect(
      situationProblems(
        job({
          kind: 'cooperative',
          contract: null,
          employerName: null,
          sector: null,
          position: null,
        }),
        today,
      ).map((problem) => problem.field),
    ).toEqual(['employerName', 'sector', 'position']);
    expect(
      situationProblems(job({ organisationId: 'f1b0c7c2-0d3f-4a52-9a53-1f0c5b0f4a11' }), today),
    ).toEqual([
      { field: 'employerName', message: 'give either organisationId or employerName, not both' },
    ]);
  });

  it('refuses an end before the start and a start in the future, but takes any past date', () => {
    expect(situationProblems(job({ startOn: '2019-01-01', endOn: '2019-01-01' }), today)).toEqual(
      [],
    );
    expect(situationProblems(job({ endOn: '2025-09-30' }), today)).toEqual([
      { field: 'endOn', message: 'endOn cannot be before startOn' },
    ]);
    expect(situationProblems(job({ startOn: '2026-03-11' }), today)).toEqual([
      { field: 'startOn', message: 'startOn cannot be in the future (2026-03-10)' },
    ]);
  });
});

const values: SituationValues = {
  enrollmentId: null,
  kind: 'wage_employment',
  contract: 'fixed_term',
  organisationId: 'f1b0c7c2-0d3f-4a52-9a53-1f0c5b0f4a11',
  employerName: null,
  sector: 'ESS',
  position: 'Animatrice',
  regionCode: 'MA-04',
  startOn: '2025-10-01',
  endOn: null,
  source: 'officer',
  evidence: 'confirmed',
  note: null,
};

describe('a change of a placement', () => {
  it('replaces only the fields sent, and may clear optional ones', () => {
    expect(mergeChange(values, { endOn: '2026-01-31', note: null })).toEqual({
      ...values,
      endOn: '2026-01-31',
    });
  });

  it('swaps the place: a free name replaces the organisation', () => {
    const after = mergeChange(values, { employerName: 'Fondation Zakoura' });
    expect(after.organisationId).toBeNull();
    expect(after.employerName).toBe('Fondation Zakoura');
  });

  it('drops the contract when leaving wage employment', () => {
    expect(mergeChange(values, { kind: 'enterprise_creation' }).contract).toBeNull();
    expect(mergeChange(values, { kind: 'internship', contract: 'other' }).contract).toBe('other');
  });
});

describe('the version history', () => {
  const row = (version: number, overrides: Partial<VersionRow> = {}): VersionRow => ({
    ...values,
    versionId: `v${version}`,
    placementId: 'p',
    version,
    userId: 'u',
    organisationName: 'Al Amal',
    validatedById: null,
    validatedByName: null,
    validatedAt: null,
    recordedById: 'o',
    recordedByName: 'Khadija',
    recordedAt: new Date('2026-01-01T10:00:00Z'),
    supersededAt: null,
    ...overrides,
  });

  it('names the fields each version changed, newest first', () => {
    const versions = toVersionDtos([
      row(3, { endOn: '2026-02-28', validatedById: 'o', validatedAt: new Date() }),
      row(2, { validatedById: 'o', validatedAt: new Date(), supersededAt: new Date() }),
      row(1, { supersededAt: new Date() }),
    ]);
    expect(versions.map((version) => [version.version, version.changes])).toEqual([
      [3, ['endOn']],
      [2, ['validated']],
      [1, []],
    ]);
    expect(versions[2].inserting).toBe(true);
  });
});

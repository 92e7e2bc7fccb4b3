import { ORGANISATION_ID, aPlacement, anOrganisation } from '../testing';
import {
  changeOf,
  factsOf,
  isEmptyChange,
  type PlacementFormValue,
  ruleErrors,
} from './placement-form-model';

const TODAY = '2026-11-26';

function aValue(changes: Partial<PlacementFormValue> = {}): PlacementFormValue {
  return {
    kind: 'wage_employment',
    contract: 'fixed_term',
    enrollmentId: null,
    placeMode: 'free',
    organisationId: null,
    employerName: '  Coopérative Argane Sud ',
    sector: 'Agro-alimentaire',
    position: 'Chargée de commercialisation',
    regionCode: 'MA-02',
    startOn: '2026-05-04',
    endOn: '',
    source: 'officer',
    evidence: 'confirmed',
    note: '   ',
    validate: false,
    ...changes,
  };
}

describe('factsOf', () => {
  it('trims the texts and sends blanks as absent', () => {
    expect(factsOf(aValue())).toMatchObject({
      employerName: 'Coopérative Argane Sud',
      endOn: null,
      note: null,
      organisationId: null,
    });
  });

  it('drops the contract of anything but wage employment', () => {
    expect(factsOf(aValue({ kind: 'internship', contract: 'permanent' }))?.contract).toBeNull();
  });

  it('names the chosen partner, and ignores a free name while the registry is chosen', () => {
    const facts = factsOf(
      aValue({ placeMode: 'registry', organisationId: anOrganisation(), employerName: 'X' }),
    );
    expect(facts).toMatchObject({ organisationId: ORGANISATION_ID, employerName: null });
  });

  it('does not take text typed in the search for a chosen partner', () => {
    expect(
      factsOf(aValue({ placeMode: 'registry', organisationId: 'Incub' }))?.organisationId,
    ).toBeNull();
  });

  it('has no facts until the kind, region and start are given', () => {
    expect(factsOf(aValue({ kind: null }))).toBeNull();
    expect(factsOf(aValue({ startOn: '' }))).toBeNull();
  });
});

describe('ruleErrors', () => {
  const facts = (changes: Partial<PlacementFormValue>) => {
    const result = factsOf(aValue(changes));
    if (!result) throw new Error('incomplete');
    return result;
  };

  it('accepts a complete wage job', () => {
    expect(ruleErrors(facts({}), 'free', TODAY)).toEqual({});
  });

  it('asks for the contract of a wage job', () => {
    expect(ruleErrors(facts({ contract: null }), 'free', TODAY)).toEqual({
      contract: 'insertion.rules.contractRequired',
    });
  });

  it('asks for the place on the control in use', () => {
    expect(ruleErrors(facts({ employerName: '' }), 'free', TODAY)).toEqual({
      employerName: 'insertion.rules.placeRequired',
    });
    expect(
      ruleErrors(facts({ placeMode: 'registry', organisationId: null }), 'registry', TODAY),
    ).toEqual({ organisationId: 'insertion.rules.placeRequired' });
  });

  it('lets self-employment and seeking work leave the place, sector and position out', () => {
    const bare = { employerName: '', sector: '', position: '', contract: null };
    expect(ruleErrors(facts({ ...bare, kind: 'self_employment' }), 'free', TODAY)).toEqual({});
    expect(ruleErrors(facts({ ...bare, kind: 'seeking' }), 'free', TODAY)).toEqual({});
  });

  it('asks for the sector and position where there is a place of work', () => {
    expect(
      ruleErrors(
        facts({ kind: 'cooperative', contract: null, sector: ' ', position: '' }),
        'free',
        TODAY,
      ),
    ).toEqual({
      sector: 'insertion.rules.requiredForKind',
      position: 'insertion.rules.requiredForKind',
    });
  });

  it('refuses a start in the future and an end before the start', () => {
    expect(ruleErrors(facts({ startOn: '2026-11-27' }), 'free', TODAY)).toEqual({
      startOn: 'insertion.rules.startInFuture',
    });
    expect(ruleErrors(facts({ endOn: '2026-05-03' }), 'free', TODAY)).toEqual({
      endOn: 'insertion.rules.endBeforeStart',
    });
  });
});

describe('changeOf', () => {
  const current = aPlacement();

  it('sends only what changed, with whether the editor validates', () => {
    const facts = factsOf(aValue({ position: 'Responsable commerciale' }));
    if (!facts) throw new Error('incomplete');
    expect(changeOf(current, facts, true)).toEqual({
      position: 'Responsable commerciale',
      validate: true,
    });
  });

  it('is empty when the form says what the placement already says', () => {
    const facts = factsOf(aValue());
    if (!facts) throw new Error('incomplete');
    expect(isEmptyChange(changeOf(current, facts, false))).toBe(true);
  });

  it('replaces a free name by a registered partner with the partner alone', () => {
    const facts = factsOf(aValue({ placeMode: 'registry', organisationId: anOrganisation() }));
    if (!facts) throw new Error('incomplete');
    expect(changeOf(current, facts, false)).toEqual({
      organisationId: ORGANISATION_ID,
      validate: false,
    });
  });

  it('replaces a registered partner by a free name with the name alone', () => {
    const registered = aPlacement({
      organisationId: ORGANISATION_ID,
      organisationName: 'Incubateur Oriental Impact',
      employerName: null,
    });
    const facts = factsOf(aValue());
    if (!facts) throw new Error('incomplete');
    expect(changeOf(registered, facts, false)).toEqual({
      employerName: 'Coopérative Argane Sud',
      validate: false,
    });
  });

  it('clears an end date by sending null', () => {
    const ended = aPlacement({ endOn: '2026-09-30' });
    const facts = factsOf(aValue());
    if (!facts) throw new Error('incomplete');
    expect(changeOf(ended, facts, false)).toEqual({ endOn: null, validate: false });
  });
});

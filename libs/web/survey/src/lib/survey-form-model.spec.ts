import { SITUATION_KINDS, type SituationKind } from '@oris/shared/domain';
import {
  answerOf,
  asksRegion,
  fieldsFor,
  ruleErrors,
  type SurveyFormValue,
} from './survey-form-model';

const TODAY = '2026-11-26';

function value(changes: Partial<SurveyFormValue> = {}): SurveyFormValue {
  return {
    kind: 'wage_employment',
    contract: 'fixed_term',
    employerName: '  Atlas Bio  ',
    sector: 'Agroalimentaire',
    position: 'Technicienne qualité',
    regionCode: 'MA-02',
    startOn: '2026-06-01',
    ended: false,
    endOn: '',
    ...changes,
  };
}

describe('fieldsFor', () => {
  it('asks a contract for a salaried job only', () => {
    for (const kind of SITUATION_KINDS) {
      expect(fieldsFor(kind).contract).toBe(kind === 'wage_employment' ? 'required' : 'hidden');
    }
  });

  it.each<SituationKind>(['wage_employment', 'enterprise_creation', 'cooperative', 'internship'])(
    'requires the place, sector and position for %s',
    (kind) => {
      const fields = fieldsFor(kind);
      expect([fields.employerName, fields.sector, fields.position]).toEqual([
        'required',
        'required',
        'required',
      ]);
    },
  );

  it('lets a self-employed person describe their activity, without a place', () => {
    expect(fieldsFor('self_employment')).toEqual({
      contract: 'hidden',
      employerName: 'hidden',
      sector: 'optional',
      position: 'optional',
    });
  });

  it('lets a student name the school, and asks nothing more', () => {
    expect(fieldsFor('further_studies')).toEqual({
      contract: 'hidden',
      employerName: 'optional',
      sector: 'hidden',
      position: 'hidden',
    });
  });

  it('asks the region only where the situation happens somewhere', () => {
    expect(SITUATION_KINDS.filter((kind) => !asksRegion(kind))).toEqual(['seeking', 'inactive']);
    expect(asksRegion(null)).toBe(false);
  });

  it('asks an inactive person no detail at all', () => {
    expect(Object.values(fieldsFor('inactive'))).toEqual(['hidden', 'hidden', 'hidden', 'hidden']);
  });

  it('asks someone seeking work no detail at all', () => {
    expect(Object.values(fieldsFor('seeking'))).toEqual(['hidden', 'hidden', 'hidden', 'hidden']);
    expect(Object.values(fieldsFor(null))).toEqual(['hidden', 'hidden', 'hidden', 'hidden']);
  });
});

describe('answerOf', () => {
  it('sends a salaried job whole, trimmed, with no end', () => {
    expect(answerOf(value())).toEqual({
      kind: 'wage_employment',
      contract: 'fixed_term',
      employerName: 'Atlas Bio',
      sector: 'Agroalimentaire',
      position: 'Technicienne qualité',
      regionCode: 'MA-02',
      startOn: '2026-06-01',
      endOn: null,
    });
  });

  it('drops what the kind does not ask, even if typed before the kind changed', () => {
    expect(answerOf(value({ kind: 'seeking' }))).toEqual({
      kind: 'seeking',
      contract: null,
      employerName: null,
      sector: null,
      position: null,
      regionCode: 'MA-02',
      startOn: '2026-06-01',
      endOn: null,
    });
    expect(answerOf(value({ kind: 'self_employment' }))).toMatchObject({
      contract: null,
      employerName: null,
      sector: 'Agroalimentaire',
    });
  });

  it('sends blank optional text as absent', () => {
    expect(answerOf(value({ kind: 'further_studies', employerName: '   ' }))?.employerName).toBe(
      null,
    );
  });

  it('sends the end only when the person says the situation ended', () => {
    expect(answerOf(value({ endOn: '2026-09-30' }))?.endOn).toBeNull();
    expect(answerOf(value({ ended: true, endOn: '2026-09-30' }))?.endOn).toBe('2026-09-30');
  });

  it('is incomplete without a kind, a region or a start', () => {
    expect(answerOf(value({ kind: null }))).toBeNull();
    expect(answerOf(value({ regionCode: null }))).toBeNull();
    expect(answerOf(value({ startOn: '' }))).toBeNull();
  });
});

describe('ruleErrors', () => {
  const answer = (changes: Partial<SurveyFormValue>) =>
    answerOf(value(changes)) as NonNullable<ReturnType<typeof answerOf>>;

  it('accepts a complete answer of each kind', () => {
    for (const kind of SITUATION_KINDS) {
      expect(ruleErrors(answer({ kind }), TODAY)).toEqual({});
    }
  });

  it('wants a contract for a salaried job', () => {
    expect(ruleErrors(answer({ contract: null }), TODAY)).toEqual({
      contract: 'survey.rules.contractRequired',
    });
  });

  it('wants the place, sector and position where the kind has one', () => {
    expect(
      ruleErrors(
        answer({ kind: 'internship', employerName: '', sector: ' ', position: '' }),
        TODAY,
      ),
    ).toEqual({
      employerName: 'survey.rules.required',
      sector: 'survey.rules.required',
      position: 'survey.rules.required',
    });
  });

  it('refuses a start in the future and an end before the start', () => {
    expect(ruleErrors(answer({ startOn: '2026-11-27' }), TODAY)).toEqual({
      startOn: 'survey.rules.startInFuture',
    });
    expect(ruleErrors(answer({ ended: true, endOn: '2026-05-31' }), TODAY)).toEqual({
      endOn: 'survey.rules.endBeforeStart',
    });
  });
});

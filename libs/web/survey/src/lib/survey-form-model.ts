import {
  type ContractType,
  needsStructure,
  type RegionCode,
  type SituationKind,
  situationProblems,
} from '@oris/shared/domain';
import type { SurveyAnswer } from './survey-api';

/** Whether a field is asked for a kind of situation, and whether it must be filled in. */
export type Need = 'required' | 'optional' | 'hidden';

export interface KindFields {
  contract: Need;
  employerName: Need;
  sector: Need;
  position: Need;
}

export type DetailField = keyof KindFields;
export const DETAIL_FIELDS: readonly DetailField[] = [
  'contract',
  'employerName',
  'sector',
  'position',
];

/**
 * Only what each kind needs, mirroring `situationProblems`: a contract for a salaried job only;
 * the place, sector and position wherever the kind happens somewhere (job, enterprise,
 * cooperative, internship). A person on their own account may describe their activity, a student
 * may name the school; someone seeking work or inactive is asked nothing more than since when.
 */
export function fieldsFor(kind: SituationKind | null): KindFields {
  if (kind === null) {
    return { contract: 'hidden', employerName: 'hidden', sector: 'hidden', position: 'hidden' };
  }
  if (needsStructure(kind)) {
    return {
      contract: kind === 'wage_employment' ? 'required' : 'hidden',
      employerName: 'required',
      sector: 'required',
      position: 'required',
    };
  }
  switch (kind) {
    case 'self_employment':
      return {
        contract: 'hidden',
        employerName: 'hidden',
        sector: 'optional',
        position: 'optional',
      };
    case 'further_studies':
      return { contract: 'hidden', employerName: 'optional', sector: 'hidden', position: 'hidden' };
    default:
      return { contract: 'hidden', employerName: 'hidden', sector: 'hidden', position: 'hidden' };
  }
}

/**
 * Whether the region is asked: not for a situation that happens nowhere (seeking work,
 * inactive). The form holds the training's region from the start, so the answer then carries it
 * and the person is asked one date only: a one-minute form. The indicator needs the kind and the
 * dates; the rest describes the situation.
 */
export const asksRegion = (kind: SituationKind | null): boolean =>
  kind !== null && kind !== 'seeking' && kind !== 'inactive';

/** The survey form's raw value, as its controls hold it. */
export interface SurveyFormValue {
  kind: SituationKind | null;
  contract: ContractType | null;
  employerName: string;
  sector: string;
  position: string;
  regionCode: RegionCode | null;
  startOn: string;
  ended: boolean;
  endOn: string;
}

const blankToNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed ? trimmed : null;
};

/**
 * The answer the form says, in the API's terms: what the kind does not ask is sent as null (a
 * contract typed for a job, then the kind changed, must not reach the API), blank is absent, and
 * the end only when the person said it ended. Null while the kind, region or start is missing.
 */
export function answerOf(value: SurveyFormValue): SurveyAnswer | null {
  if (!value.kind || !value.regionCode || !value.startOn) return null;
  const fields = fieldsFor(value.kind);
  const asked = (field: 'employerName' | 'sector' | 'position') =>
    fields[field] === 'hidden' ? null : blankToNull(value[field]);
  return {
    kind: value.kind,
    contract: fields.contract === 'hidden' ? null : value.contract,
    employerName: asked('employerName'),
    sector: asked('sector'),
    position: asked('position'),
    regionCode: value.regionCode,
    startOn: value.startOn,
    endOn: value.ended ? blankToNull(value.endOn) : null,
  };
}

export type RuleField = DetailField | 'startOn' | 'endOn';

/**
 * The server's situation rules checked before sending, each as the translation key of its
 * message on the control it concerns. The server checks them again.
 */
export function ruleErrors(
  answer: SurveyAnswer,
  today: string,
): Partial<Record<RuleField, string>> {
  const errors: Partial<Record<RuleField, string>> = {};
  const facts = { ...answer, organisationId: null };
  for (const problem of situationProblems(facts, today)) {
    switch (problem.field) {
      case 'contract':
        errors.contract = 'survey.rules.contractRequired';
        break;
      case 'employerName':
      case 'organisationId':
        errors.employerName = 'survey.rules.required';
        break;
      case 'sector':
      case 'position':
        errors[problem.field] = 'survey.rules.required';
        break;
      case 'startOn':
        errors.startOn = 'survey.rules.startInFuture';
        break;
      case 'endOn':
        errors.endOn = 'survey.rules.endBeforeStart';
        break;
      default:
        break;
    }
  }
  return errors;
}

import {
  type ContractType,
  type EvidenceLevel,
  PLACEMENT_FACT_FIELDS,
  type PlacementSource,
  type RegionCode,
  type SituationKind,
  situationProblems,
} from '@oris/shared/domain';
import type {
  Organisation,
  Placement,
  PlacementChange,
  PlacementFacts,
} from '../shared/insertion-types';

/** Where the situation takes place: a registered partner, or a name typed freely. */
export type PlaceMode = 'registry' | 'free';

/** The placement form's raw value, as the controls hold it. */
export interface PlacementFormValue {
  kind: SituationKind | null;
  contract: ContractType | null;
  enrollmentId: string | null;
  placeMode: PlaceMode;
  /** The chosen partner, or the text typed while searching for one. */
  organisationId: Organisation | string | null;
  employerName: string;
  sector: string;
  position: string;
  regionCode: RegionCode | null;
  startOn: string;
  endOn: string;
  source: PlacementSource;
  evidence: EvidenceLevel;
  note: string;
  validate: boolean;
}

/** The controls a situation rule can point at. */
export type RuleField =
  'contract' | 'organisationId' | 'employerName' | 'sector' | 'position' | 'startOn' | 'endOn';

const blankToNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed ? trimmed : null;
};

/** The facts the form says, in the API's terms (blank is absent; contract only for a wage job). */
export function factsOf(value: PlacementFormValue): PlacementFacts | null {
  if (!value.kind || !value.regionCode || !value.startOn) return null;
  const registry = value.placeMode === 'registry';
  const organisation = value.organisationId;
  return {
    kind: value.kind,
    contract: value.kind === 'wage_employment' ? value.contract : null,
    organisationId:
      registry && organisation && typeof organisation === 'object' ? organisation.id : null,
    employerName: registry ? null : blankToNull(value.employerName),
    sector: blankToNull(value.sector),
    position: blankToNull(value.position),
    regionCode: value.regionCode,
    startOn: value.startOn,
    endOn: blankToNull(value.endOn),
    source: value.source,
    evidence: value.evidence,
    note: blankToNull(value.note),
  };
}

/**
 * The server's situation rules (`situationProblems`) checked before sending, each as the
 * translation key of its message on the control it concerns. The server checks them again.
 */
export function ruleErrors(
  facts: PlacementFacts,
  placeMode: PlaceMode,
  today: string,
): Partial<Record<RuleField, string>> {
  const errors: Partial<Record<RuleField, string>> = {};
  for (const problem of situationProblems(facts, today)) {
    switch (problem.field) {
      case 'contract':
        errors.contract = 'insertion.rules.contractRequired';
        break;
      case 'organisationId':
      case 'employerName':
        errors[placeMode === 'registry' ? 'organisationId' : 'employerName'] =
          'insertion.rules.placeRequired';
        break;
      case 'sector':
      case 'position':
        errors[problem.field] = 'insertion.rules.requiredForKind';
        break;
      case 'startOn':
        errors.startOn = 'insertion.rules.startInFuture';
        break;
      case 'endOn':
        errors.endOn = 'insertion.rules.endBeforeStart';
        break;
      case 'kind':
        break;
    }
  }
  return errors;
}

const FACT_FIELDS: readonly (keyof PlacementFacts)[] = PLACEMENT_FACT_FIELDS;

/**
 * What a PATCH sends: only the fields that differ from the current version (the API writes no
 * version when nothing changed). The place is sent whole when it changes, as the API replaces it.
 */
export function changeOf(
  current: Placement,
  facts: PlacementFacts,
  validate: boolean,
): PlacementChange {
  const change: PlacementChange = { validate };
  const target = change as Record<string, unknown>;
  for (const field of FACT_FIELDS) {
    if ((current[field] ?? null) !== facts[field]) target[field] = facts[field];
  }
  if ('organisationId' in change || 'employerName' in change) {
    if (facts.organisationId) {
      change.organisationId = facts.organisationId;
      delete change.employerName;
    } else {
      change.employerName = facts.employerName;
      delete change.organisationId;
    }
  }
  return change;
}

/** True when the change carries no new fact (only whether to validate). */
export const isEmptyChange = (change: PlacementChange): boolean =>
  Object.keys(change).every((key) => key === 'validate');

import type { components, paths } from '@oris/shared/api-client';
import type {
  ContractType,
  EvidenceLevel,
  OrganisationKind,
  PlacementSource,
  RegionCode,
  SituationKind,
  StakeholderGroup,
} from '@oris/shared/domain';

type Schemas = components['schemas'];

export type Placement = Schemas['PlacementDto'];
export type PlacementDetail = Schemas['PlacementDetailDto'];
export type PlacementVersion = Schemas['PlacementVersionDto'];
export type PersonToFollow = Schemas['PersonToFollowDto'];
export type PersonSituation = Schemas['PersonSituationDto'];
export type Completion = Schemas['CompletionDto'];
export type Organisation = Schemas['OrganisationDto'];
export type CourseSummary = Schemas['CourseSummaryDto'];
export type Session = Schemas['SessionDto'];

export type Indicator = Schemas['InsertionIndicatorDto'];
export type IndicatorGroup = Indicator['breakdown'][number];
export type PublicIndicators = Schemas['PublicIndicatorsDto'];
export type PublicIndicatorCell = Schemas['PublicIndicatorCellDto'];
export type Followup = Schemas['FollowupDto'];
export type FollowupCounts = Schemas['FollowupCountsDto'];

export type IndicatorQuery = NonNullable<
  paths['/api/v1/indicators/insertion']['get']['parameters']['query']
>;
export type GroupBy = NonNullable<IndicatorQuery['groupBy']>;
export type Horizon = NonNullable<IndicatorQuery['months']>;
/** An export's query: the figures' filters and the language of the file's labels. */
export type IndicatorExportQuery = NonNullable<
  paths['/api/v1/indicators/insertion.csv']['get']['parameters']['query']
>;
export type IndicatorExportFormat = 'csv' | 'xlsx';
export type FollowupQuery = NonNullable<paths['/api/v1/followups']['get']['parameters']['query']>;

export type PlacementQuery = NonNullable<paths['/api/v1/placements']['get']['parameters']['query']>;
export type ToFollowQuery = NonNullable<
  paths['/api/v1/placements/to-follow']['get']['parameters']['query']
>;
export type OrganisationQuery = NonNullable<
  paths['/api/v1/organisations']['get']['parameters']['query']
>;

/**
 * The facts the placement form sends. The generated request types say `Record<string, never>`
 * for the nullable strings (a quirk of the OpenAPI generator), so the API wrapper owns this shape.
 */
export interface PlacementFacts {
  kind: SituationKind;
  contract: ContractType | null;
  organisationId: string | null;
  employerName: string | null;
  sector: string | null;
  position: string | null;
  regionCode: RegionCode;
  startOn: string;
  endOn: string | null;
  source: PlacementSource;
  evidence: EvidenceLevel;
  note: string | null;
}

export interface NewPlacement extends PlacementFacts {
  userId: string;
  enrollmentId: string | null;
  validate: boolean;
}

/** A follow-up answered by phone: the facts as declared; the API sets source and evidence. */
export type PhoneAnswer = Omit<PlacementFacts, 'source' | 'evidence'>;

/** PATCH: only the fields that change, and whether the editor attests the new facts. */
export type PlacementChange = Partial<PlacementFacts> & { validate: boolean };

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  /** Left out: the group of its kind (the API's default). */
  stakeholderGroup?: StakeholderGroup;
  regionCode: RegionCode;
}

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

import type { components, paths } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type Impact = Schemas['ImpactDto'];
export type ImpactIndicatorFigures = Schemas['ImpactIndicatorDto'];
export type ImpactEntry = Schemas['ImpactEntryDto'];
export type YearFigures = Schemas['YearFiguresDto'];
export type TrendPoint = Schemas['TrendPointDto'];
export type Report = Schemas['ReportDto'];
export type ReportVersion = Schemas['ReportVersionDto'];
export type IndicatorDifference = Schemas['IndicatorDifferenceDto'];
export type Target = Schemas['TargetDto'];
export type CountedRecord = Schemas['CountedRecordDto'];
export type PublicImpact = Schemas['PublicImpactDto'];
export type PublicImpactYear = Schemas['PublicImpactYearDto'];
export type PublicImpactIndicator = Schemas['PublicImpactIndicatorDto'];
export type ImpactIndicatorName = ImpactEntry['indicator'];

export type ImpactQuery = paths['/api/v1/indicators/impact']['get']['parameters']['query'];
export type LiveRecordsQuery = NonNullable<
  paths['/api/v1/indicators/impact/records/{indicator}']['get']['parameters']['query']
>;
export type FrozenRecordsQuery = NonNullable<
  paths['/api/v1/reports/{year}/versions/{v}/records/{indicator}']['get']['parameters']['query']
>;
export type ReportFormat =
  paths['/api/v1/reports/{year}/versions/{v}/export']['get']['parameters']['query']['format'];

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The four indicators in the order reports show them. */
export const INDICATORS: readonly ImpactIndicatorName[] = [
  'insertion',
  'publications',
  'tools',
  'partnerships',
];

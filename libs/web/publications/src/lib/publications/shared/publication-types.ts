import type { components, paths } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type Publication = Schemas['PublicationDto'];
export type PublicationDetail = Schemas['PublicationDetailDto'];
export type PublicationInput = Schemas['CreatePublicationDto'];
export type PublicationChange = Schemas['UpdatePublicationDto'];
export type ContributorInput = Schemas['PublicationContributorDto'];
export type ImportReport = Schemas['PublicationImportReportDto'];
export type ImportEntry = Schemas['PublicationImportEntryDto'];
export type PublicationQuery = NonNullable<
  paths['/api/v1/publications']['get']['parameters']['query']
>;
export type ExportQuery = NonNullable<
  paths['/api/v1/publications/export']['get']['parameters']['query']
>;
export type ImportFormat = ImportReport['format'];
export type ExportFormat = NonNullable<ExportQuery['format']>;

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

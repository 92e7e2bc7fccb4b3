import type { components, paths } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type Partnership = Schemas['PartnershipDto'];
export type PartnershipSummary = Schemas['PartnershipSummaryDto'];
export type Party = Schemas['PartyDto'];
export type NewPartnership = Schemas['CreatePartnershipDto'];
export type PartnershipChange = Schemas['UpdatePartnershipDto'];
export type Organisation = Schemas['OrganisationDto'];
export type PartnershipQuery = NonNullable<
  paths['/api/v1/partnerships']['get']['parameters']['query']
>;

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

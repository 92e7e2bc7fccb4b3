import type { components, paths } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type CourseSummary = Schemas['CourseSummaryDto'];
export type Course = Schemas['CourseDto'];
export type CompletionRule = Schemas['CompletionRuleDto'];
export type ModuleOutline = Schemas['ModuleOutlineDto'];
export type SessionBrief = Schemas['SessionBriefDto'];
export type Session = Schemas['SessionDto'];
export type Meeting = Schemas['MeetingDto'];
export type CatalogueQuery = NonNullable<paths['/api/v1/courses']['get']['parameters']['query']>;

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

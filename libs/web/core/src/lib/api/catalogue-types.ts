import type { components } from '@oris/shared/api-client';

// The catalogue's API types, used by every feature that shows courses and sessions.

type Schemas = components['schemas'];

export type CourseSummary = Schemas['CourseSummaryDto'];
export type Course = Schemas['CourseDto'];
export type CompletionRule = Schemas['CompletionRuleDto'];
export type ModuleOutline = Schemas['ModuleOutlineDto'];
export type SessionBrief = Schemas['SessionBriefDto'];
export type Session = Schemas['SessionDto'];
export type Meeting = Schemas['MeetingDto'];

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

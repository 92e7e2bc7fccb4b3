import type { components } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type Enrollment = Schemas['EnrollmentDto'];
export type EnrollmentDetail = Schemas['EnrollmentDetailDto'];
export type Progress = Schemas['ProgressDto'];
export type EnrollRequest = Schemas['EnrollDto'];
export type LearnerModule = Schemas['LearnerModuleDto'];
export type ModuleCompletion = Schemas['ModuleCompletionDto'];

export type LearnerModuleOutline = Schemas['LearnerModuleOutlineDto'];
export type EnrollmentModules = Schemas['EnrollmentModulesDto'];

export type Timetable = Schemas['TimetableDto'];
export type CalendarFeed = Schemas['CalendarFeedDto'];
export type CalendarFeedLink = Schemas['CalendarFeedLinkDto'];

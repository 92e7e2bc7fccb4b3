import type { components } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type CreateCourseRequest = Schemas['CreateCourseDto'];
export type UpdateCourseRequest = Schemas['UpdateCourseDto'];
export type CourseModule = Schemas['ModuleDto'];
export type CreateModuleRequest = Schemas['CreateModuleDto'];
export type UpdateModuleRequest = Schemas['UpdateModuleDto'];
export type ResourceLink = Schemas['ResourceLinkDto'];
export type CreateSessionRequest = Schemas['CreateSessionDto'];
export type UpdateSessionRequest = Schemas['UpdateSessionDto'];
export type MeetingInput = Schemas['MeetingInputDto'];
export type Enrollment = Schemas['EnrollmentDto'];
export type EnrollmentDetail = Schemas['EnrollmentDetailDto'];
export type CompletionAttestation = Schemas['CompletionAttestationDto'];
export type AttendanceSheet = Schemas['AttendanceSheetDto'];
export type AttendanceRow = Schemas['AttendanceRowDto'];
export type AttendanceMeeting = Schemas['AttendanceMeetingDto'];
export type AttendanceEntry = Schemas['AttendanceEntryDto'];
export type AdminCourseSummary = Schemas['AdminCourseSummaryDto'];

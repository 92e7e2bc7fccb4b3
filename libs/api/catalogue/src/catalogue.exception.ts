import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum CatalogueErrorCode {
  CourseNotFound = 'course_not_found',
  ModuleNotFound = 'module_not_found',
  SessionNotFound = 'session_not_found',
  NotCourseOwner = 'not_course_owner',
  NotSessionTrainer = 'not_session_trainer',
  OwnersAdminOnly = 'owners_admin_only',
  CourseCodeTaken = 'course_code_taken',
  IllegalTransition = 'illegal_transition',
  NoPublishedModule = 'no_published_module',
  CourseArchived = 'course_archived',
  CourseNotPublished = 'course_not_published',
  ModuleOrderMismatch = 'module_order_mismatch',
  CapacityBelowConfirmed = 'capacity_below_confirmed',
  SessionEnded = 'session_ended',
  CourseHasLiveSessions = 'course_has_live_sessions',
}

/** The one place where catalogue codes get their HTTP status and title. */
const PROBLEMS: Record<CatalogueErrorCode, { status: HttpStatus; title: string }> = {
  [CatalogueErrorCode.CourseNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Course not found' },
  [CatalogueErrorCode.ModuleNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Module not found' },
  [CatalogueErrorCode.SessionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Session not found',
  },
  [CatalogueErrorCode.NotCourseOwner]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the course’s owners and administrators may do this',
  },
  [CatalogueErrorCode.NotSessionTrainer]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the session’s trainers, the course’s owners and administrators may do this',
  },
  [CatalogueErrorCode.OwnersAdminOnly]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only administrators choose a course’s owners',
  },
  [CatalogueErrorCode.CourseCodeTaken]: {
    status: HttpStatus.CONFLICT,
    title: 'Another course has this code',
  },
  [CatalogueErrorCode.IllegalTransition]: {
    status: HttpStatus.CONFLICT,
    title: 'This status change is not allowed',
  },
  [CatalogueErrorCode.NoPublishedModule]: {
    status: HttpStatus.CONFLICT,
    title: 'Publish at least one module first',
  },
  [CatalogueErrorCode.CourseArchived]: {
    status: HttpStatus.CONFLICT,
    title: 'The course is archived',
  },
  [CatalogueErrorCode.CourseNotPublished]: {
    status: HttpStatus.CONFLICT,
    title: 'The course is not published',
  },
  [CatalogueErrorCode.ModuleOrderMismatch]: {
    status: HttpStatus.CONFLICT,
    title: 'The order must list exactly the course’s modules',
  },
  [CatalogueErrorCode.CapacityBelowConfirmed]: {
    status: HttpStatus.CONFLICT,
    title: 'Capacity below the confirmed seats',
  },
  [CatalogueErrorCode.SessionEnded]: {
    status: HttpStatus.CONFLICT,
    title: 'The session is completed or cancelled',
  },
  [CatalogueErrorCode.CourseHasLiveSessions]: {
    status: HttpStatus.CONFLICT,
    title: 'Complete or cancel the course’s sessions first',
  },
};

export class CatalogueException extends DomainException {
  constructor(code: CatalogueErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

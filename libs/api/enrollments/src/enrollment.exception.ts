import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum EnrollmentErrorCode {
  EnrollmentNotFound = 'enrollment_not_found',
  SessionNotFound = 'session_not_found',
  ModuleNotFound = 'module_not_found',
  MeetingNotFound = 'meeting_not_found',
  NotSessionStaff = 'not_session_staff',
  OnBehalfNotAllowed = 'on_behalf_not_allowed',
  OwnRecord = 'own_record',
  WithdrawalNotAllowed = 'withdrawal_not_allowed',
  TraineeRoleRequired = 'trainee_role_required',
  EmailNotConfirmed = 'email_not_confirmed',
  AlreadyEnrolled = 'already_enrolled',
  SessionCancelled = 'session_cancelled',
  SessionNotOpen = 'session_not_open',
  EnrollmentNotYetOpen = 'enrollment_not_yet_open',
  EnrollmentClosed = 'enrollment_closed',
  CourseNotPublished = 'course_not_published',
  IllegalTransition = 'illegal_transition',
  SeatNotConfirmed = 'seat_not_confirmed',
  RequiredModulesIncomplete = 'required_modules_incomplete',
  AttendanceBelowThreshold = 'attendance_below_threshold',
  QuizNotPassed = 'quiz_not_passed',
  AssignmentNotPassed = 'assignment_not_passed',
  MeetingNotStarted = 'meeting_not_started',
  CompletionBeforeLastMeeting = 'completion_before_last_meeting',
  CalendarFeedNotFound = 'calendar_feed_not_found',
  ImportFileInvalid = 'import_file_invalid',
  ImportFileTooLarge = 'import_file_too_large',
  ImportFileRequired = 'import_file_required',
}

/** The one place where enrollment codes get their HTTP status and title. */
const PROBLEMS: Record<EnrollmentErrorCode, { status: HttpStatus; title: string }> = {
  [EnrollmentErrorCode.ImportFileInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'The file is not a CSV or an Excel workbook (.xlsx) that can be read',
  },
  [EnrollmentErrorCode.ImportFileTooLarge]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'The file is too large for one import',
  },
  [EnrollmentErrorCode.ImportFileRequired]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'Send the file as `csv` (text) or `xlsx` (base64), one of the two',
  },
  [EnrollmentErrorCode.EnrollmentNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Enrollment not found',
  },
  [EnrollmentErrorCode.SessionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Session not found',
  },
  [EnrollmentErrorCode.ModuleNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Module not found' },
  [EnrollmentErrorCode.MeetingNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Meeting not found',
  },
  [EnrollmentErrorCode.NotSessionStaff]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the session’s trainers, the course’s owners and administrators may do this',
  },
  [EnrollmentErrorCode.OnBehalfNotAllowed]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the session’s trainers and administrators enroll someone else',
  },
  [EnrollmentErrorCode.OwnRecord]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Staff do not approve, validate or mark attendance on their own enrollment',
  },
  [EnrollmentErrorCode.WithdrawalNotAllowed]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the trainee and administrators withdraw an enrollment',
  },
  [EnrollmentErrorCode.TraineeRoleRequired]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Enrolling oneself requires the trainee role',
  },
  [EnrollmentErrorCode.EmailNotConfirmed]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Confirm your email address before enrolling',
  },
  [EnrollmentErrorCode.AlreadyEnrolled]: {
    status: HttpStatus.CONFLICT,
    title: 'Already enrolled in this session',
  },
  [EnrollmentErrorCode.SessionCancelled]: {
    status: HttpStatus.CONFLICT,
    title: 'The session is cancelled',
  },
  [EnrollmentErrorCode.SessionNotOpen]: {
    status: HttpStatus.CONFLICT,
    title: 'The session is not open for enrollment',
  },
  [EnrollmentErrorCode.EnrollmentNotYetOpen]: {
    status: HttpStatus.CONFLICT,
    title: 'Enrollment in this session has not opened yet',
  },
  [EnrollmentErrorCode.EnrollmentClosed]: {
    status: HttpStatus.CONFLICT,
    title: 'Enrollment in this session has closed',
  },
  [EnrollmentErrorCode.CourseNotPublished]: {
    status: HttpStatus.CONFLICT,
    title: 'The course is not published',
  },
  [EnrollmentErrorCode.IllegalTransition]: {
    status: HttpStatus.CONFLICT,
    title: 'This status change is not allowed',
  },
  [EnrollmentErrorCode.SeatNotConfirmed]: {
    status: HttpStatus.CONFLICT,
    title: 'The modules open once the seat is confirmed',
  },
  [EnrollmentErrorCode.RequiredModulesIncomplete]: {
    status: HttpStatus.CONFLICT,
    title: 'Completion rule not met: required modules are not all done',
  },
  [EnrollmentErrorCode.AttendanceBelowThreshold]: {
    status: HttpStatus.CONFLICT,
    title: 'Completion rule not met: attendance is below the course’s threshold',
  },
  [EnrollmentErrorCode.QuizNotPassed]: {
    status: HttpStatus.CONFLICT,
    title: 'Completion rule not met: a required quiz is not passed',
  },
  [EnrollmentErrorCode.AssignmentNotPassed]: {
    status: HttpStatus.CONFLICT,
    title: 'Completion rule not met: a required assignment is not passed',
  },
  [EnrollmentErrorCode.MeetingNotStarted]: {
    status: HttpStatus.CONFLICT,
    title: 'Attendance is taken once the meeting has started',
  },
  [EnrollmentErrorCode.CompletionBeforeLastMeeting]: {
    status: HttpStatus.CONFLICT,
    title: 'The session’s last meeting has not started: an early completion needs a reason',
  },
  [EnrollmentErrorCode.CalendarFeedNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Calendar feed not found (the link was revoked or replaced)',
  },
};

export class EnrollmentException extends DomainException {
  constructor(code: EnrollmentErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const enrollmentNotFound = (id: string) =>
  new EnrollmentException(EnrollmentErrorCode.EnrollmentNotFound, `No enrollment with id ${id}.`);

export const sessionNotFound = (id: string) =>
  new EnrollmentException(EnrollmentErrorCode.SessionNotFound, `No session with id ${id}.`);

import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum AssignmentErrorCode {
  AssignmentNotFound = 'assignment_not_found',
  AssignmentHasSubmissions = 'assignment_has_submissions',
  InvalidRubric = 'invalid_rubric',
  RubricLocked = 'rubric_locked',
  SubmissionNotFound = 'submission_not_found',
  SubmissionNotEditable = 'submission_not_editable',
  SubmissionEmpty = 'submission_empty',
  PastDue = 'past_due',
  FileNotFound = 'assignment_file_not_found',
  FileEmpty = 'file_empty',
  FileTooLarge = 'file_too_large',
  FileTypeNotAllowed = 'file_type_not_allowed',
  TooManyFiles = 'too_many_files',
  FilesNotAccepted = 'files_not_accepted',
  TextNotAccepted = 'text_not_accepted',
  NotGradable = 'submission_not_gradable',
  IncompleteGrade = 'incomplete_grade',
  SessionNotFound = 'session_not_found',
}

/** The one place where assignment codes get their HTTP status and title. */
const PROBLEMS: Record<AssignmentErrorCode, { status: HttpStatus; title: string }> = {
  [AssignmentErrorCode.AssignmentNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Assignment not found',
  },
  [AssignmentErrorCode.AssignmentHasSubmissions]: {
    status: HttpStatus.CONFLICT,
    title: 'This assignment has submissions and cannot be removed',
  },
  [AssignmentErrorCode.InvalidRubric]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'This rubric cannot be used to grade',
  },
  [AssignmentErrorCode.RubricLocked]: {
    status: HttpStatus.CONFLICT,
    title:
      'This rubric has been used to grade: its criteria, levels and points can no longer ' +
      'change (titles can)',
  },
  [AssignmentErrorCode.SubmissionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Submission not found',
  },
  [AssignmentErrorCode.SubmissionNotEditable]: {
    status: HttpStatus.CONFLICT,
    title: 'This submission is with the trainer: it can change once returned',
  },
  [AssignmentErrorCode.SubmissionEmpty]: {
    status: HttpStatus.CONFLICT,
    title: 'There is nothing to submit yet: add a text or a file',
  },
  [AssignmentErrorCode.PastDue]: {
    status: HttpStatus.CONFLICT,
    title: 'The due date has passed and this assignment refuses late submissions',
  },
  [AssignmentErrorCode.FileNotFound]: { status: HttpStatus.NOT_FOUND, title: 'File not found' },
  [AssignmentErrorCode.FileEmpty]: { status: HttpStatus.BAD_REQUEST, title: 'The file is empty' },
  [AssignmentErrorCode.FileTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'The file is larger than this assignment allows',
  },
  [AssignmentErrorCode.FileTypeNotAllowed]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'This kind of file is not accepted here (its content decides, not its name)',
  },
  [AssignmentErrorCode.TooManyFiles]: {
    status: HttpStatus.CONFLICT,
    title: 'No more files can be added',
  },
  [AssignmentErrorCode.FilesNotAccepted]: {
    status: HttpStatus.CONFLICT,
    title: 'This assignment takes no files',
  },
  [AssignmentErrorCode.TextNotAccepted]: {
    status: HttpStatus.CONFLICT,
    title: 'This assignment takes no text',
  },
  [AssignmentErrorCode.NotGradable]: {
    status: HttpStatus.CONFLICT,
    title: 'Only a submitted submission can be graded',
  },
  [AssignmentErrorCode.IncompleteGrade]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'The grade is incomplete',
  },
  [AssignmentErrorCode.SessionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Session not found',
  },
};

export class AssignmentException extends DomainException {
  constructor(code: AssignmentErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const assignmentNotFound = (detail?: string) =>
  new AssignmentException(AssignmentErrorCode.AssignmentNotFound, detail);

export const submissionNotFound = (id: string) =>
  new AssignmentException(AssignmentErrorCode.SubmissionNotFound, `No submission with id ${id}.`);

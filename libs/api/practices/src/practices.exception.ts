import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum PracticeErrorCode {
  NotFound = 'practice_not_found',
  VersionNotFound = 'practice_version_not_found',
  CommentNotFound = 'practice_comment_not_found',
  AttachmentNotFound = 'practice_attachment_not_found',
  SlugTaken = 'practice_slug_taken',
  InvalidTransition = 'practice_transition_invalid',
  NotEditable = 'practice_not_editable',
  Incomplete = 'practice_incomplete',
  ReviewerIsAuthor = 'practice_reviewer_is_author',
  EvidenceMissing = 'practice_evidence_missing',
  VersionRequired = 'practice_version_required',
  EditedMeanwhile = 'practice_edited_meanwhile',
  PreconditionFailed = 'practice_precondition_failed',
  UnknownLink = 'practice_link_unknown',
  UnsupportedFileType = 'practice_file_type_unsupported',
  FileTooLarge = 'practice_file_too_large',
  EmptyFile = 'practice_file_empty',
  TooManyAttachments = 'practice_attachments_too_many',
}

/** The one place where practice-library codes get their HTTP status and title. */
const PROBLEMS: Record<PracticeErrorCode, { status: HttpStatus; title: string }> = {
  [PracticeErrorCode.NotFound]: { status: HttpStatus.NOT_FOUND, title: 'Practice sheet not found' },
  [PracticeErrorCode.VersionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Version not found',
  },
  [PracticeErrorCode.CommentNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Comment not found',
  },
  [PracticeErrorCode.AttachmentNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Attachment not found',
  },
  [PracticeErrorCode.SlugTaken]: {
    status: HttpStatus.CONFLICT,
    title: 'Another practice sheet has this slug',
  },
  [PracticeErrorCode.InvalidTransition]: {
    status: HttpStatus.CONFLICT,
    title: 'The sheet cannot move to this status from its current one',
  },
  [PracticeErrorCode.NotEditable]: {
    status: HttpStatus.CONFLICT,
    title: 'The sheet cannot be edited in its current status',
  },
  [PracticeErrorCode.Incomplete]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The sheet lacks required fields in its original language',
  },
  [PracticeErrorCode.ReviewerIsAuthor]: {
    status: HttpStatus.FORBIDDEN,
    title: 'An author of the sheet cannot review or publish it',
  },
  [PracticeErrorCode.EvidenceMissing]: {
    status: HttpStatus.CONFLICT,
    title: 'Set the evidence level and its justification before publishing',
  },
  [PracticeErrorCode.VersionRequired]: {
    status: HttpStatus.PRECONDITION_REQUIRED,
    title: 'Say which version you edited (If-Match or version)',
  },
  [PracticeErrorCode.EditedMeanwhile]: {
    status: HttpStatus.CONFLICT,
    title: 'The sheet changed since you read it',
  },
  [PracticeErrorCode.PreconditionFailed]: {
    status: HttpStatus.PRECONDITION_FAILED,
    title: 'The sheet changed since you read it',
  },
  [PracticeErrorCode.UnknownLink]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'A linked record does not exist',
  },
  [PracticeErrorCode.UnsupportedFileType]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'This type of file is not accepted',
  },
  [PracticeErrorCode.FileTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'The file is too large',
  },
  [PracticeErrorCode.EmptyFile]: { status: HttpStatus.BAD_REQUEST, title: 'The file is empty' },
  [PracticeErrorCode.TooManyAttachments]: {
    status: HttpStatus.CONFLICT,
    title: 'The sheet has as many files as it may hold',
  },
};

export class PracticeException extends DomainException {
  constructor(code: PracticeErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const practiceNotFound = (idOrSlug: string) =>
  new PracticeException(PracticeErrorCode.NotFound, `No practice sheet ${idOrSlug}.`);

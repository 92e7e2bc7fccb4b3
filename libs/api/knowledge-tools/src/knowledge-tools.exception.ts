import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum KnowledgeToolErrorCode {
  ToolNotFound = 'tool_not_found',
  VersionNotFound = 'tool_version_not_found',
  VersionNumberTaken = 'tool_version_number_taken',
  AlreadyValidated = 'tool_already_validated',
  NotValidatable = 'tool_not_validatable',
  UnsupportedFileType = 'tool_file_type_unsupported',
  FileTooLarge = 'tool_file_too_large',
  EmptyFile = 'tool_file_empty',
  UnknownCourse = 'tool_course_unknown',
}

/** The one place where knowledge-tool codes get their HTTP status and title. */
const PROBLEMS: Record<KnowledgeToolErrorCode, { status: HttpStatus; title: string }> = {
  [KnowledgeToolErrorCode.ToolNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Knowledge tool not found',
  },
  [KnowledgeToolErrorCode.VersionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Version not found',
  },
  [KnowledgeToolErrorCode.VersionNumberTaken]: {
    status: HttpStatus.CONFLICT,
    title: 'This tool already has a version with this number',
  },
  [KnowledgeToolErrorCode.AlreadyValidated]: {
    status: HttpStatus.CONFLICT,
    title: 'This tool is already validated',
  },
  [KnowledgeToolErrorCode.NotValidatable]: {
    status: HttpStatus.CONFLICT,
    title: 'This tool cannot be validated yet',
  },
  [KnowledgeToolErrorCode.UnsupportedFileType]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'This type of file is not accepted',
  },
  [KnowledgeToolErrorCode.FileTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'The file is too large',
  },
  [KnowledgeToolErrorCode.EmptyFile]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'The file is empty',
  },
  [KnowledgeToolErrorCode.UnknownCourse]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'Unknown course',
  },
};

export class KnowledgeToolException extends DomainException {
  constructor(code: KnowledgeToolErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const toolNotFound = (id: string) =>
  new KnowledgeToolException(
    KnowledgeToolErrorCode.ToolNotFound,
    `No knowledge tool with id ${id}.`,
  );

export const versionNotFound = (id: string) =>
  new KnowledgeToolException(KnowledgeToolErrorCode.VersionNotFound, `No version with id ${id}.`);

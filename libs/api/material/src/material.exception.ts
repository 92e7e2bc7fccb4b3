import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum MaterialErrorCode {
  ModuleNotFound = 'module_not_found',
  MaterialNotFound = 'material_not_found',
  NotCourseOwner = 'not_course_owner',
  CourseArchived = 'course_archived',
  EmptyFile = 'empty_file',
  UnsupportedFileType = 'unsupported_material_type',
  FileTooLarge = 'material_too_large',
  UnknownVideoLink = 'unknown_video_link',
  TooMuchMaterial = 'too_much_material',
  MaterialOrderMismatch = 'material_order_mismatch',
}

/** The one place where material codes get their HTTP status and title. */
const PROBLEMS: Record<MaterialErrorCode, { status: HttpStatus; title: string }> = {
  [MaterialErrorCode.ModuleNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Module not found' },
  [MaterialErrorCode.MaterialNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Material not found',
  },
  [MaterialErrorCode.NotCourseOwner]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the course’s owners and administrators may do this',
  },
  [MaterialErrorCode.CourseArchived]: {
    status: HttpStatus.CONFLICT,
    title: 'The course is archived',
  },
  [MaterialErrorCode.EmptyFile]: { status: HttpStatus.BAD_REQUEST, title: 'The file is empty' },
  [MaterialErrorCode.UnsupportedFileType]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'This kind of file is not accepted',
  },
  [MaterialErrorCode.FileTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'The file is larger than its kind allows',
  },
  [MaterialErrorCode.UnknownVideoLink]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'Not a video address of a known host',
  },
  [MaterialErrorCode.TooMuchMaterial]: {
    status: HttpStatus.CONFLICT,
    title: 'The module holds as much material as it may',
  },
  [MaterialErrorCode.MaterialOrderMismatch]: {
    status: HttpStatus.CONFLICT,
    title: 'The order must list exactly the module’s material',
  },
};

export class MaterialException extends DomainException {
  constructor(code: MaterialErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const moduleNotFound = (id: string) =>
  new MaterialException(MaterialErrorCode.ModuleNotFound, `No module with id ${id}.`);

export const materialNotFound = (id: string) =>
  new MaterialException(MaterialErrorCode.MaterialNotFound, `No material with id ${id}.`);

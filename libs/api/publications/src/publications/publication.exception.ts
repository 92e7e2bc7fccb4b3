import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum PublicationErrorCode {
  PublicationNotFound = 'publication_not_found',
  DoiTaken = 'publication_doi_taken',
  NotEditable = 'publication_not_editable',
  AlreadyValidated = 'publication_already_validated',
  Withdrawn = 'publication_withdrawn',
  Merged = 'publication_merged',
  MergeRefused = 'publication_merge_refused',
  UnknownSerial = 'unknown_serial',
  UnknownIndex = 'unknown_index',
  ImportUnreadable = 'publication_import_unreadable',
  ImportTooLarge = 'publication_import_too_large',
  ImportInvalid = 'publication_import_invalid',
  LookupDisabled = 'publication_lookup_disabled',
  LookupNotFound = 'publication_lookup_not_found',
  LookupUnavailable = 'publication_lookup_unavailable',
}

/** The one place where publication codes get their HTTP status and title. */
const PROBLEMS: Record<PublicationErrorCode, { status: HttpStatus; title: string }> = {
  [PublicationErrorCode.PublicationNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Publication not found',
  },
  [PublicationErrorCode.DoiTaken]: {
    status: HttpStatus.CONFLICT,
    title: 'A publication with this DOI is already recorded',
  },
  [PublicationErrorCode.NotEditable]: {
    status: HttpStatus.CONFLICT,
    title: 'This publication can no longer be changed',
  },
  [PublicationErrorCode.AlreadyValidated]: {
    status: HttpStatus.CONFLICT,
    title: 'This publication is already validated',
  },
  [PublicationErrorCode.Withdrawn]: {
    status: HttpStatus.CONFLICT,
    title: 'This publication is withdrawn',
  },
  [PublicationErrorCode.Merged]: {
    status: HttpStatus.CONFLICT,
    title: 'This publication was merged into another one',
  },
  [PublicationErrorCode.MergeRefused]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'These publications cannot be merged',
  },
  [PublicationErrorCode.UnknownSerial]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'No serial with this id',
  },
  [PublicationErrorCode.UnknownIndex]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'No index with this code',
  },
  [PublicationErrorCode.ImportUnreadable]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'The file cannot be read in the format given',
  },
  [PublicationErrorCode.ImportTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'Too many entries in one import',
  },
  [PublicationErrorCode.ImportInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'Some entries have problems: nothing was saved',
  },
  [PublicationErrorCode.LookupDisabled]: {
    // Not a 5xx: the service is not failing, this installation chose not to ask online services.
    status: HttpStatus.CONFLICT,
    title: 'The DOI lookup is turned off',
  },
  [PublicationErrorCode.LookupNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'The DOI lookup found nothing for this DOI',
  },
  [PublicationErrorCode.LookupUnavailable]: {
    status: HttpStatus.BAD_GATEWAY,
    title: 'The DOI lookup service did not answer',
  },
};

export class PublicationException extends DomainException {
  constructor(code: PublicationErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const publicationNotFound = (id: string) =>
  new PublicationException(
    PublicationErrorCode.PublicationNotFound,
    `No publication with id ${id}.`,
  );

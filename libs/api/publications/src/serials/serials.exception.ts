import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum SerialErrorCode {
  SerialNotFound = 'serial_not_found',
  IndexNotFound = 'index_not_found',
  IssnInvalid = 'issn_invalid',
  IssnTaken = 'issn_taken',
  CoverageYearsInvalid = 'coverage_years_invalid',
  EvidenceRequired = 'coverage_evidence_required',
  EvidenceFileInvalid = 'coverage_evidence_file_invalid',
  ImportFileRequired = 'coverage_import_file_required',
  ImportFileInvalid = 'coverage_import_file_invalid',
  ImportFileTooLarge = 'coverage_import_file_too_large',
  ImportFormatUnknown = 'coverage_import_format_unknown',
}

/** The one place where serial, coverage and index codes get their HTTP status and title. */
const PROBLEMS: Record<SerialErrorCode, { status: HttpStatus; title: string }> = {
  [SerialErrorCode.SerialNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Serial not found' },
  [SerialErrorCode.IndexNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Index not found' },
  [SerialErrorCode.IssnInvalid]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'This is not a valid ISSN (its check character does not match)',
  },
  [SerialErrorCode.IssnTaken]: {
    status: HttpStatus.CONFLICT,
    title: 'Another serial already has this ISSN',
  },
  [SerialErrorCode.CoverageYearsInvalid]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The coverage ends before it starts',
  },
  [SerialErrorCode.EvidenceRequired]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'Coverage needs its evidence: a URL or a file, one of the two',
  },
  [SerialErrorCode.EvidenceFileInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'The evidence file cannot be read (base64, at most 600 KiB)',
  },
  [SerialErrorCode.ImportFileRequired]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'Send the coverage list as the request body, with Content-Type: text/csv',
  },
  [SerialErrorCode.ImportFileInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'The coverage list cannot be read as CSV',
  },
  [SerialErrorCode.ImportFileTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'The coverage list is too large for one import',
  },
  [SerialErrorCode.ImportFormatUnknown]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The columns match none of the known coverage list formats',
  },
};

export class SerialException extends DomainException {
  constructor(code: SerialErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const serialNotFound = (id: string) =>
  new SerialException(SerialErrorCode.SerialNotFound, `No serial with id ${id}.`);

export const indexNotFound = (code: string) =>
  new SerialException(SerialErrorCode.IndexNotFound, `No index with code ${code}.`);

export const issnTaken = (issn: string, serial: { id: string; title: string }) =>
  new SerialException(
    SerialErrorCode.IssnTaken,
    `ISSN ${issn} belongs to the serial “${serial.title}” (${serial.id}).`,
  );

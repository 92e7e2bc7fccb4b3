import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum ImpactErrorCode {
  ReportNotFound = 'impact_report_not_found',
  SourceNotAvailable = 'impact_source_not_available',
  PersonRecordsRestricted = 'impact_person_records_restricted',
}

/** The one place where impact codes get their HTTP status and title. */
const PROBLEMS: Record<ImpactErrorCode, { status: HttpStatus; title: string }> = {
  [ImpactErrorCode.ReportNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'No such frozen version of this year',
  },
  [ImpactErrorCode.SourceNotAvailable]: {
    status: HttpStatus.NOT_FOUND,
    title: 'This indicator is not available here',
  },
  [ImpactErrorCode.PersonRecordsRestricted]: {
    status: HttpStatus.FORBIDDEN,
    title: 'The persons behind the insertion figure are for placement officers and admins',
  },
};

export class ImpactException extends DomainException {
  constructor(code: ImpactErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

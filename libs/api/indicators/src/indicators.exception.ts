import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum IndicatorsErrorCode {
  NoPublicRelease = 'no_public_release',
}

/** The one place where indicator codes get their HTTP status and title. */
const PROBLEMS: Record<IndicatorsErrorCode, { status: HttpStatus; title: string }> = {
  [IndicatorsErrorCode.NoPublicRelease]: {
    status: HttpStatus.NOT_FOUND,
    title: 'No public release of the figures yet',
  },
};

export class IndicatorsException extends DomainException {
  constructor(code: IndicatorsErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

export enum IdempotencyErrorCode {
  KeyInFlight = 'idempotency_key_in_flight',
  KeyReused = 'idempotency_key_reused',
}

const PROBLEMS: Record<IdempotencyErrorCode, { status: HttpStatus; title: string }> = {
  [IdempotencyErrorCode.KeyInFlight]: {
    status: HttpStatus.CONFLICT,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  [IdempotencyErrorCode.KeyReused]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'This Idempotency-Key was used for a different request',
  },
};

export class IdempotencyException extends DomainException {
  constructor(code: IdempotencyErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

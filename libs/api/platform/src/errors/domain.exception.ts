import { HttpStatus } from '@nestjs/common';

/**
 * Base of every feature's exception. A feature declares its codes and their HTTP status once
 * (e.g. `IdentityException`), and the global filter turns them into problem+json.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    readonly title: string,
    readonly detail?: string,
    /** Seconds until a rate-limited caller may try again; the filter sends it as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

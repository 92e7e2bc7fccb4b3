import { QueryFailedError } from 'typeorm';

/** Whether a query failed on this unique constraint (PostgreSQL 23505). */
export const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (error.driverError as { constraint?: string }).constraint === constraint;

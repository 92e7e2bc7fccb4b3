import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '../errors/problem-details';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const problem = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } };

/**
 * Makes a route safe to retry with an `Idempotency-Key` header (see `IdempotencyInterceptor`)
 * and documents the header and its answers. The module must import `IdempotencyModule`.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiExtraModels(ProblemDetails),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique key per intended effect (a UUID), 1 to 255 visible ASCII characters. A retry ' +
        'with the same key and body within 24 hours gets the first answer again (with the header ' +
        '`Idempotent-Replayed: true`) and has no second effect.',
      schema: { type: 'string', maxLength: 255 },
    }),
    ApiResponse({
      status: 409,
      description:
        'The first request with this Idempotency-Key is still in progress (`idempotency_key_in_flight`).',
      content: problem,
    }),
    ApiResponse({
      status: 422,
      description:
        'This Idempotency-Key was already used for a different request (`idempotency_key_reused`).',
      content: problem,
    }),
  );

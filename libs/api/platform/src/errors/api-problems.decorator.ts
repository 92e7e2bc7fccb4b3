import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: `errors` names each invalid field.',
  401: 'Missing, invalid or expired credentials.',
  403: 'Signed in, but without a role that may do this.',
  404: 'Not found.',
  409: 'Conflicts with the current state.',
  410: 'Gone: erased at its owner’s request (law 09-08).',
  429: 'Too many attempts: wait for the number of seconds in Retry-After.',
};

/** Documents the problem+json answers a route can give, so the generated client knows them. */
export const ApiProblems = (...statuses: (keyof typeof DESCRIPTIONS)[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
        ...(status === 429 && {
          headers: {
            'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
          },
        }),
      }),
    ),
  );

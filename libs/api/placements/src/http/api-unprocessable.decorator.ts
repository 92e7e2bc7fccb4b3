import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@oris/api/platform';

/** Documents the 422 a placement answers when what it refers to does not fit (`code` says why). */
export const ApiUnprocessable = () =>
  applyDecorators(
    ApiExtraModels(ProblemDetails),
    ApiResponse({
      status: 422,
      description:
        'A reference does not fit: `unknown_person`, `person_not_trained` (no completed ' +
        'enrollment), `unknown_organisation` or `enrollment_mismatch`.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
    }),
  );

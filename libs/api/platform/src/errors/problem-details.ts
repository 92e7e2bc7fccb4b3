import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class FieldError {
  @ApiProperty({
    example: 'email',
    description: 'Path of the offending field (dots for nested fields).',
  })
  field!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** RFC 9457 problem details, as every error of the API is answered. */
export class ProblemDetails {
  @ApiProperty({
    example: 'urn:oris:problem:validation',
    description: 'Identifies the kind of problem.',
  })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'The request has 2 invalid fields.' })
  detail?: string;

  @ApiPropertyOptional({ example: 'validation', description: 'Stable machine-readable code.' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldError], description: 'Present on validation problems.' })
  errors?: FieldError[];
}

export const problemType = (code: string) => `urn:oris:problem:${code}`;

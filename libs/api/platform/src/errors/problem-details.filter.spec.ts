import {
  type ArgumentsHost,
  ConflictException,
  HttpStatus,
  NotFoundException,
} from '@nestjs/common';
import { DomainException } from './domain.exception';
import { ProblemDetailsFilter, toProblem } from './problem-details.filter';
import { RequestValidationException } from './request-validation.exception';

describe('toProblem', () => {
  it('lists each invalid field, nested ones by their dotted path', () => {
    const problem = toProblem(
      RequestValidationException.fromValidationErrors([
        { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
        {
          property: 'address',
          children: [{ property: 'city', constraints: { isString: 'city must be a string' } }],
        },
      ]),
    );
    expect(problem).toMatchObject({ status: 400, code: 'validation' });
    expect(problem.errors).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'address.city', message: 'city must be a string' },
    ]);
    expect(problem.detail).toBe('The request has 2 invalid fields.');
  });

  it('keeps a feature exception’s code, status and words', () => {
    const problem = toProblem(
      new DomainException('seat_taken', HttpStatus.CONFLICT, 'Seat taken', 'No seat left.'),
    );
    expect(problem).toEqual({
      type: 'urn:oris:problem:seat_taken',
      title: 'Seat taken',
      status: 409,
      detail: 'No seat left.',
      code: 'seat_taken',
    });
  });

  it('maps Nest HTTP exceptions to a code by status', () => {
    expect(toProblem(new NotFoundException('No such course'))).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No such course',
    });
    expect(toProblem(new ConflictException())).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('passes on Fastify client errors such as malformed JSON', () => {
    const error = Object.assign(new Error('Unexpected end of JSON input'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    expect(toProblem(error)).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('never reveals the message of an unexpected error', () => {
    const problem = toProblem(new Error('password authentication failed for user "oris"'));
    expect(problem).toMatchObject({ status: 500, code: 'internal' });
    expect(JSON.stringify(problem)).not.toContain('password');
  });
});

describe('ProblemDetailsFilter', () => {
  function answer(error: unknown) {
    const headers: Record<string, string> = {};
    const reply = {
      status: jest.fn().mockReturnThis(),
      header: jest.fn(function (this: unknown, name: string, value: string) {
        headers[name] = value;
        return this;
      }),
      send: jest.fn().mockReturnThis(),
    };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({
        getResponse: () => reply,
        getRequest: () => ({ log: { error: jest.fn(), warn: jest.fn() } }),
      }),
    };
    new ProblemDetailsFilter().catch(error, host as unknown as ArgumentsHost);
    return { headers, status: reply.status.mock.calls[0][0] };
  }

  it('tells a rate-limited caller when to come back (Retry-After)', () => {
    const limited = new DomainException(
      'rate_limited',
      HttpStatus.TOO_MANY_REQUESTS,
      'Too many requests',
      'Try again in 42 seconds.',
      42,
    );
    expect(answer(limited)).toEqual({
      status: 429,
      headers: { 'retry-after': '42', 'content-type': 'application/problem+json' },
    });
  });

  it('answers an unreachable database 503 with Retry-After, not a 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.3.7:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(toProblem(refused)).toMatchObject({ status: 503, code: 'unavailable' });
    expect(JSON.stringify(toProblem(refused))).not.toContain('10.0.3.7');
    expect(answer(refused)).toEqual({
      status: 503,
      headers: { 'retry-after': '5', 'content-type': 'application/problem+json' },
    });
  });

  it('sends no Retry-After for other problems', () => {
    const { headers } = answer(
      new DomainException('seat_taken', HttpStatus.CONFLICT, 'Seat taken'),
    );
    expect(headers['retry-after']).toBeUndefined();
  });
});

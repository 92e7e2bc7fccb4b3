import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException } from './domain.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';
import { RequestValidationException } from './request-validation.exception';
import { isBackendUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** Errors raised by Fastify itself (malformed JSON, body too large…) carry a status and an FST_ code. */
interface FastifyError {
  code: string;
  statusCode: number;
  message: string;
}

const isFastifyError = (error: unknown): error is FastifyError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as FastifyError).code === 'string' &&
  (error as FastifyError).code.startsWith('FST_') &&
  typeof (error as FastifyError).statusCode === 'number';

const titleOf = (status: number) =>
  (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word, index) => (index === 0 ? word[0].toUpperCase() + word.slice(1) : word))
    .join(' ');

/** Turns any error into an RFC 9457 problem; never leaks a stack trace or internal message. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof RequestValidationException) {
    const count = error.fieldErrors.length;
    return {
      type: problemType('validation'),
      title: 'Invalid request',
      status: HttpStatus.BAD_REQUEST,
      detail: `The request has ${count} invalid field${count === 1 ? '' : 's'}.`,
      code: 'validation',
      errors: error.fieldErrors,
    };
  }
  if (error instanceof DomainException) {
    return {
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      detail: error.detail,
      code: error.code,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODES_BY_STATUS[status] ?? 'http_error';
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : ((response as { message?: unknown }).message ?? error.message);
    return {
      type: problemType(code),
      title: titleOf(status),
      status,
      detail: Array.isArray(message) ? message.join('; ') : String(message),
      code,
    };
  }
  if (isBackendUnavailable(error)) {
    return {
      type: problemType('unavailable'),
      title: 'Service unavailable',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: 'The service is briefly unavailable. Try again in a few seconds.',
      code: 'unavailable',
    };
  }
  if (isFastifyError(error) && error.statusCode < 500) {
    const code = CODES_BY_STATUS[error.statusCode] ?? 'bad_request';
    return {
      type: problemType(code),
      title: titleOf(error.statusCode),
      status: error.statusCode,
      detail: error.message,
      code,
    };
  }
  return {
    type: problemType('internal'),
    title: 'Internal server error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'An unexpected error occurred. It has been logged.',
    code: 'internal',
  };
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = toProblem(error);
    if (host.getType() !== 'http') {
      this.logger.error(error);
      throw error;
    }
    const http = host.switchToHttp();
    // The request's own logger carries its id, so the log line and the client's answer meet.
    const log = http.getRequest<FastifyRequest>().log;
    const reply = http.getResponse<FastifyReply>();
    if (problem.code === 'unavailable') {
      // An outage is not a bug: one line without a stack, many times over while it lasts.
      log.warn({ cause: (error as Error).message }, 'request refused: a backing service is down');
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) {
      log.error({ err: error }, 'request failed');
    }
    if (error instanceof DomainException && error.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(error.retryAfterSeconds));
    sendProblem(reply, problem);
  }
}

import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { sendProblem, toProblem } from '@oris/api/platform';
import type { FastifyReply } from 'fastify';
import { IdentityException } from '../identity.exception';

/** Same problem+json as the global filter, plus Retry-After when a rate limit refused the request. */
@Catch(IdentityException)
export class RetryAfterFilter implements ExceptionFilter {
  catch(error: IdentityException, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(error.retryAfterSeconds));
    sendProblem(reply, toProblem(error));
  }
}

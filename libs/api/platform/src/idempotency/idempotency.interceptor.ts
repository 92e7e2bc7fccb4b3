import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of, switchMap } from 'rxjs';
import type { AuthenticatedUser } from '../auth/access.decorators';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';
import { toProblem } from '../errors/problem-details.filter';
import { RequestValidationException } from '../errors/request-validation.exception';
import { IdempotencyStore, IdempotentRequest } from './idempotency.store';
import { IDEMPOTENCY_KEY_PATTERN, requestHash } from './request-hash';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Makes a POST route safe to retry (`@Idempotent()`). With an `Idempotency-Key` header, the first
 * request claims the key for its user; its answer (success or problem under 500) is stored and
 * replayed to every retry with the same request. A 5xx frees the key, so a retry runs again.
 * Without the header the route behaves as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private lastPurgeAt = 0;

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    // Keys are scoped to a person: on a public route there is nobody to scope them to.
    if (header === undefined || !request.user) return next.handle();
    if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
      throw new RequestValidationException([
        {
          field: 'Idempotency-Key',
          message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, sent once',
        },
      ]);
    }
    const claim: IdempotentRequest = {
      userId: request.user.id,
      key: header,
      method: request.method,
      path: request.url,
      hash: requestHash(request.method, request.url, request.body),
    };
    const reply = http.getResponse<FastifyReply>();
    this.purgeNowAndThen();
    return from(this.store.claim(claim)).pipe(
      switchMap((outcome) => {
        if (outcome.kind === 'replay') {
          void reply.status(outcome.status).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
          if (outcome.status >= 400) void reply.header('content-type', PROBLEM_CONTENT_TYPE);
          return of(outcome.body);
        }
        return from(this.run(next, claim, reply));
      }),
    );
  }

  private async run(
    next: CallHandler,
    claim: IdempotentRequest,
    reply: FastifyReply,
  ): Promise<unknown> {
    let body: unknown;
    try {
      body = await new Promise((resolve, reject) => {
        let last: unknown;
        next.handle().subscribe({
          next: (value) => (last = value),
          error: reject,
          complete: () => resolve(last),
        });
      });
    } catch (error) {
      const problem = toProblem(error);
      const settle =
        problem.status < 500
          ? this.store.complete(claim, problem.status, problem)
          : this.store.release(claim);
      await settle.catch((cause) => this.logger.error(cause));
      throw error;
    }
    // The effect is done: a failure to store the answer must not turn it into an error.
    await this.store
      .complete(claim, reply.statusCode, body)
      .catch((cause) => this.logger.error(cause));
    return body;
  }

  /** Expired records are few and cheap to delete: at most once an hour, in the background. */
  private purgeNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPurgeAt < PURGE_EVERY_MS) return;
    this.lastPurgeAt = now;
    this.store
      .purgeExpired()
      .catch((error) => this.logger.warn(`Idempotency purge failed: ${error}`));
  }
}

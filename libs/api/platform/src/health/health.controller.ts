import { Controller, Get, Logger, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { ShutdownState } from '../lifecycle/graceful-shutdown';
import { RedisHealthIndicator } from './redis.health';

/**
 * Only the status of each dependency goes out: the indicators' messages name internal hosts and
 * ports ("connect ECONNREFUSED 10.0.3.7:5432"); they go to the log instead.
 */
function publicDetails(details: Partial<HealthIndicatorResult> = {}): HealthIndicatorResult {
  return Object.fromEntries(
    Object.entries(details).map(([name, result]) => [name, { status: result?.status ?? 'down' }]),
  );
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  private readonly logger = new Logger('Readiness');
  /** The last answer's dependencies that were down, to log a change once, not every probe. */
  private lastDown = '';

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: the process answers. Touches nothing else, so it is also the P1 bare route. */
  @Public()
  @Get()
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } },
  })
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: PostgreSQL and Redis both reachable and the process not shutting down; a 503
   * says which is down. An outage is expected operation, not a bug: it is logged as one warning
   * when it starts and one line when it ends, without a stack.
   */
  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiServiceUnavailableResponse({
    description: 'PostgreSQL or Redis is unreachable, or the process is shutting down.',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    if (this.shutdown.draining) {
      void reply.status(503);
      return { status: 'shutting_down', info: {}, error: {}, details: {} };
    }
    const result = await this.health
      .check([
        () => this.database.pingCheck('database', { timeout: 2_000 }),
        () => this.redis.isHealthy('redis'),
      ])
      .catch((refusal: { getResponse(): HealthCheckResult }) => refusal.getResponse());
    this.logChange(result);
    if (result.status !== 'ok') void reply.status(503);
    return {
      status: result.status,
      info: publicDetails(result.info),
      error: publicDetails(result.error),
      details: publicDetails(result.details),
    };
  }

  private logChange(result: HealthCheckResult): void {
    const down = Object.keys(result.error ?? {}).join(', ');
    if (down === this.lastDown) return;
    this.lastDown = down;
    if (down) this.logger.warn({ msg: `not ready: ${down} down`, down: result.error });
    else this.logger.log('ready: PostgreSQL and Redis answer');
  }
}

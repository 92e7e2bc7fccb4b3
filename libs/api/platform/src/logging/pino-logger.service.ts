import type { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import type { AppConfig } from '../config/app-config';

const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/**
 * The process's one pino logger: JSON lines on stdout, written asynchronously (batched while a
 * write is in flight) because a synchronous write per request cost more than the request.
 * pino flushes what is pending when the process exits. Tests write synchronously.
 */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL' | 'NODE_ENV'>): Pino {
  return pino(
    { level: config.LOG_LEVEL, redact: REDACTED },
    pino.destination({ dest: 1, sync: config.NODE_ENV === 'test' }),
  );
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Nest's logger interface on top of pino; Nest passes the context (class name) last. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    // Nest passes an error's stack as the parameter before the context.
    const stack = typeof params[0] === 'string' ? (params.shift() as string) : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message, ...(stack && { stack }) });
    } else {
      this.logger[level]({ context, ...(stack && { stack }) }, String(message));
    }
  }
}

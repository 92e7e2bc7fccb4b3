import type { Logger } from '@nestjs/common';

const WARN_EVERY_MS = 60_000;

/** An error's message, or the value itself. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * A backing service being down is expected for a while: say so once a minute, not once per
 * request or per reconnection attempt.
 */
export class ThrottledWarning {
  private lastWarningAt = 0;

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly everyMs = WARN_EVERY_MS,
  ) {}

  warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarningAt < this.everyMs) return;
    this.lastWarningAt = now;
    this.logger.warn(message);
  }
}

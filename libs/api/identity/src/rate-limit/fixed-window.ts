/** A budget of `limit` attempts per fixed window of `windowSeconds`. */
export interface RateLimitRule {
  /** Names the counter in Redis, e.g. `login:ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface FixedWindow {
  /** Number of the window since the epoch: part of the counter's key, so each window counts afresh. */
  index: number;
  /** Whole seconds until the next window opens (at least 1). */
  secondsLeft: number;
}

export function fixedWindow(nowMs: number, windowSeconds: number): FixedWindow {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(nowMs / windowMs);
  const secondsLeft = Math.max(1, Math.ceil(((index + 1) * windowMs - nowMs) / 1000));
  return { index, secondsLeft };
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Only meaningful when refused: the Retry-After value. */
  retryAfterSeconds: number;
}

/** `count` is the counter after this attempt was added. */
export function decide(count: number, limit: number, window: FixedWindow): RateLimitDecision {
  return { allowed: count <= limit, retryAfterSeconds: window.secondsLeft };
}

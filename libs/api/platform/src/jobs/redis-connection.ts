import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** ioredis options from REDIS_URL, shared by queues, rate limits and health checks. */
export function redisOptions(config: Pick<AppConfig, 'REDIS_URL'>): RedisOptions & {
  // Always a function: ioredis 6 types the option as nullable, and BullMQ's options refuse null.
  retryStrategy: (attempt: number) => number;
} {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Keep retrying forever with a capped delay: Redis coming back must heal the process by itself.
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  };
}

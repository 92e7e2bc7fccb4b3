// The chaos run's HTTP client: the API's access tokens and a client that retries through
// outages as a careful client does.
import { signAccessToken } from '../bench/lib/http-load.mjs';
import { sleep } from '../dev/lib.mjs';

/** How long one step of a learner keeps retrying through outages before it is given up. */
export const STEP_DEADLINE_MS = 180_000;

/** An access token as the API issues them, valid for 12 h: a chaos run outlasts the API's hour. */
export const accessToken = (secret, user, roles) => signAccessToken(secret, user, roles, 12 * 3600);

/** Answers that say "try again": no answer at all, a 5xx, or the first try still in flight. */
const RETRYABLE = (status, body) =>
  status === null ||
  status >= 500 ||
  (status === 409 && body?.code === 'idempotency_key_in_flight') ||
  status === 429;

/**
 * The HTTP side of the load. Every call is retried through outages (no answer, 5xx) with backoff,
 * for at most STEP_DEADLINE_MS, the way a careful client retries: writes carry an
 * Idempotency-Key (the same on every retry) or are idempotent by design. Statuses are counted.
 */
export function httpClient(api, stats) {
  return async function call(method, path, { token, body, key, accept }) {
    const deadline = Date.now() + STEP_DEADLINE_MS;
    for (let attempt = 0; ; attempt += 1) {
      let status = null;
      let answer = null;
      try {
        const response = await fetch(`${api.base}${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        answer = await response.json().catch(() => null);
      } catch {
        status = null;
      }
      const label = status === null ? 'no answer' : String(status);
      stats.statuses[label] = (stats.statuses[label] ?? 0) + 1;
      if (status !== null && status >= 500) {
        const route = `${method} ${path
          .replace(/\/verify\/[^/]+/, '/verify/:code')
          .replace(/[0-9a-f-]{36}/g, ':id')}`;
        const what = `${route} → ${status} ${answer?.code ?? ''}`.trim();
        stats.serverErrors[what] = (stats.serverErrors[what] ?? 0) + 1;
      }
      if (status !== null && accept(status, answer)) return { status, body: answer };
      if (!RETRYABLE(status, answer) || Date.now() > deadline) {
        throw new Error(`${method} ${path}: ${label} ${JSON.stringify(answer)?.slice(0, 300)}`);
      }
      await sleep(Math.min(4_000, 200 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
  };
}

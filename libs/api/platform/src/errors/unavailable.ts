/** Seconds a client is asked to wait (Retry-After) when a backing service is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// The socket could not be opened or was cut: the service is down, restarting or unreachable.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's own refusals that mean "not now" rather than "wrong request": the connection
 * exceptions (class 08), too many connections, and a server shutting down or starting up.
 */
const POSTGRES_UNAVAILABLE = /^(08...|53300|57P0[1-3])$/;

// node-postgres reports a lost or timed-out connection with a bare message and no code.
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

/**
 * Whether an error means that PostgreSQL (or another service the API needs) cannot be reached
 * right now. Such errors are answered 503 with Retry-After, not 500: the request was fine and the
 * same request will succeed once the service is back. TypeORM wraps driver errors, so the
 * `driverError` and `cause` chains are followed.
 */
export function isBackendUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code)))
    return true;
  if (
    typeof message === 'string' &&
    PG_CONNECTION_MESSAGES.some((known) => message.startsWith(known))
  )
    return true;
  return isBackendUnavailable(driverError, depth + 1) || isBackendUnavailable(cause, depth + 1);
}

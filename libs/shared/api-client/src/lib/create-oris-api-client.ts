import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/schema';

export type OrisApiClient = Client<paths>;

export interface OrisApiClientOptions {
  /** Origin the `/api/v1/...` paths are resolved against; '' means the page's own origin. */
  baseUrl: string;
  /** Defaults to the global fetch; injectable for tests and server-side use. */
  fetch?: (request: Request) => Promise<Response>;
  middleware?: readonly Middleware[];
}

/** The typed client of the ORIS Academy HTTP API, generated from `apps/api/openapi.json`. */
export function createOrisApiClient(options: OrisApiClientOptions): OrisApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    // Resolved at call time so that a fetch patched after creation (tests, polyfills) is used.
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
  });
  if (options.middleware?.length) {
    client.use(...options.middleware);
  }
  return client;
}

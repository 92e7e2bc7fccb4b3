import type { FetchFn } from '../api/api.tokens';

/**
 * The API transport of a page rendered on the server, naming the visitor the page is for: every
 * request carries `X-Forwarded-For` with the chain the production server saw (the proxies before
 * it, then the address it was reached from). The API's per-address limits (certificate
 * verification, search) then count each visitor, not the render server, whose address would
 * otherwise spend one budget for everybody. The API believes the chain only as far as its
 * TRUST_PROXY allows (the render server's address must be listed there).
 */
export function onBehalfOfVisitor(fetch: FetchFn, forwardedFor: string | undefined): FetchFn {
  if (!forwardedFor) return fetch;
  return (request) => {
    const headers = new Headers(request.headers);
    headers.set('X-Forwarded-For', forwardedFor);
    return fetch(new Request(request, { headers }));
  };
}

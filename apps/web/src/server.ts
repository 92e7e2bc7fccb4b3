import { AngularAppEngine } from '@angular/ssr';
import { scheduleAppStart } from '@oris/web/core';
import type { RenderContext } from './app/app.config.server';

export type { RenderContext } from './app/app.config.server';

/** Renders a request as a visitor; null when it is not an app page. */
export type PageRenderer = (request: Request, context: RenderContext) => Promise<Response | null>;

/**
 * The server bundle's one export, for the production server (tools/web/web-server.mjs), which
 * serves files, the API proxy, the sitemap and the headers, decides who gets which page, and
 * reads the deployment's settings. `allowedHosts`: the Host names requests may carry (Angular
 * refuses others); `*` is safe here because the server reaches the API at a configured origin,
 * never at the request's host. A page rendered here starts its app when the visitor first reaches
 * for it, the browser-rendered shell once painted (scheduleAppStart).
 */
export function pageRenderer(options: { allowedHosts: readonly string[] }): PageRenderer {
  const engine = new AngularAppEngine({ allowedHosts: [...options.allowedHosts] });
  return async (request, context) => {
    const answer = await engine.handle(request, context);
    if (!answer?.headers.get('content-type')?.startsWith('text/html')) return answer;
    const headers = new Headers(answer.headers);
    headers.delete('content-length');
    const html = scheduleAppStart(await answer.text(), context.cspNonce);
    return new Response(html, { status: answer.status, statusText: answer.statusText, headers });
  };
}

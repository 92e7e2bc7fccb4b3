import { readFileSync } from 'node:fs';
import { AngularAppEngine } from '@angular/ssr';
import { type BuildStats, routeChunks, scheduleAppStart } from '@oris/web/core';
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
  const chunksOf = routeChunksOfThisBuild();
  return async (request, context) => {
    // The rendering writes into its own copy the lazy routes it loaded.
    const rendering: RenderContext = { ...context };
    const answer = await engine.handle(request, rendering);
    if (!answer?.headers.get('content-type')?.startsWith('text/html')) return answer;
    const headers = new Headers(answer.headers);
    headers.delete('content-length');
    const html = scheduleAppStart(
      await answer.text(),
      context.cspNonce,
      chunksOf(rendering.lazyEntries ?? []),
    );
    return new Response(html, { status: answer.status, statusText: answer.statusText, headers });
  };
}

/** This app's folder in the workspace, where the build's paths of its own files start. */
const APP_FOLDER = 'apps/web';

/**
 * The lazy routes' browser chunks, from the production build's `stats.json` (esbuild's metafile
 * of the browser build, `statsJson` in apps/web/project.json), written beside the server bundle's
 * folder. A build without it (development) gets no route chunks: the app then fetches them itself.
 */
function routeChunksOfThisBuild(): (entries: readonly string[]) => string[] {
  let text: string;
  try {
    text = readFileSync(new URL('../stats.json', import.meta.url), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return () => [];
    throw error;
  }
  return routeChunks(JSON.parse(text) as BuildStats, APP_FOLDER);
}

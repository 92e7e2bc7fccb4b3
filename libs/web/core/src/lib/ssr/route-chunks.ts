import type { Route, Routes } from '@angular/router';

/** The part of esbuild's metafile (the production build's `stats.json`) read here. */
export interface BuildStats {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      imports?: readonly { path: string; kind: string; external?: boolean }[];
    }
  >;
}

/**
 * A route as the server's rendering leaves it. Angular's build marks each lazy route of the server
 * bundle with the source file its import loads, relative to the app's folder
 * (`src/app/pages/home/home-page.ts`, `../../libs/web/impact/src/index.ts`); the router keeps
 * what it loaded on the route (`_loadedRoutes`, `_loadedComponent`: not public, but the only
 * record of every lazy route it went through, an empty-path one included, which it loads to
 * match any address past it).
 */
type RenderedRoute = Route & {
  ɵentryName?: string;
  _loadedRoutes?: RenderedRoute[];
  _loadedComponent?: unknown;
};

/** The source files of the lazy routes the router loaded while rendering, from its configuration. */
export function lazyEntriesOf(config: Routes): string[] {
  const entries = new Set<string>();
  const walk = (routes: readonly RenderedRoute[]) => {
    for (const route of routes) {
      const loaded = route._loadedRoutes !== undefined || route._loadedComponent !== undefined;
      if (loaded && route.ɵentryName) entries.add(route.ɵentryName);
      walk(route.children ?? []);
      walk(route._loadedRoutes ?? []);
    }
  };
  walk(config);
  return [...entries];
}

/**
 * The browser files that lazy entries need: each one's chunk and every chunk it imports
 * statically, read from the browser build's `stats.json`, whose paths start at the workspace
 * (`appFolder` places the routes' marks, which start at the app's folder, there). Listed for the
 * page to fetch ahead, a started app finds its page's code in the cache instead of fetching it in
 * rounds, a chunk then its imports, on the visitor's first tap.
 *
 * Angular's own route preloads read the same two lists but compare the marks with the metafile's
 * paths as they are: with the app in a folder of the workspace (apps/web), none matches, and no
 * page got them.
 */
export function routeChunks(
  stats: BuildStats,
  appFolder: string,
): (entries: readonly string[]) => string[] {
  const chunkOf = new Map<string, string>();
  for (const [file, output] of Object.entries(stats.outputs)) {
    if (output.entryPoint && file.endsWith('.js')) chunkOf.set(output.entryPoint, file);
  }
  return (entries) => {
    const files = new Set<string>();
    const take = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      for (const imported of stats.outputs[file]?.imports ?? []) {
        // A dynamic import is loaded when it is needed, not with the page.
        if (imported.kind === 'import-statement' && !imported.external) take(imported.path);
      }
    };
    for (const entry of entries) {
      const file = chunkOf.get(workspacePath(appFolder, entry));
      if (file) take(file);
    }
    return [...files];
  };
}

/** `fromApp`, a path relative to `appFolder`, as a path from the workspace. */
function workspacePath(appFolder: string, fromApp: string): string {
  const parts: string[] = [];
  for (const part of `${appFolder}/${fromApp}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

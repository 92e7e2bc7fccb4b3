import { RenderMode, type ServerRoute } from '@angular/ssr';

/**
 * The public pages, read by visitors arriving from search engines and shared links (often on a
 * phone): rendered on the server, as a visitor sees them, and hydrated. Everything else is the
 * signed-in app, rendered in the browser. A signed-in person gets the browser-rendered shell for
 * every page (the production server decides on the session hint, see tools/web/web-server.mjs).
 */
const PUBLIC_PATHS = [
  '',
  'catalogue',
  'catalogue/:courseId',
  'verify',
  'verify/:code',
  'indicators',
  'tools',
  'tools/:id',
  'publications',
  'publications/:id',
  'practices',
  'practices/:slug',
  'impact',
  'search',
];

export const serverRoutes: ServerRoute[] = [
  ...PUBLIC_PATHS.map((path): ServerRoute => ({ path, renderMode: RenderMode.Server })),
  { path: '**', renderMode: RenderMode.Client },
];

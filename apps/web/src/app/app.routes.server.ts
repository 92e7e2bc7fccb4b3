import { RenderMode, type ServerRoute } from '@angular/ssr';

/**
 * The public pages people land on from search engines, shared links and QR codes (often on a
 * phone): home, the catalogue and a course, the observatory's search, the public lists of
 * practices, tools and publications and their sheets, the public figures, and certificate
 * verification. They are rendered on the server, as a visitor sees them, and hydrated: what a
 * visitor types into their fields before hydration is kept (keepFieldsTypedBeforeHydration), and
 * the API's answers travel in the page, so hydration shows the same page rather than drawing it
 * again. Everything else is the signed-in app, rendered in the browser. A signed-in person gets the
 * browser-rendered shell for every page (the production server decides on the session hint, see
 * tools/web/web-server.mjs).
 */
const PUBLIC_PATHS = [
  '',
  'catalogue',
  'catalogue/:courseId',
  'search',
  'practices',
  'practices/:slug',
  'tools',
  'tools/:id',
  'publications',
  'publications/:id',
  'indicators',
  'impact',
  'verify',
  'verify/:code',
];

export const serverRoutes: ServerRoute[] = [
  ...PUBLIC_PATHS.map((path): ServerRoute => ({ path, renderMode: RenderMode.Server })),
  { path: '**', renderMode: RenderMode.Client },
];

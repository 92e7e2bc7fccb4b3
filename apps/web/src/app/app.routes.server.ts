import { RenderMode, type ServerRoute } from '@angular/ssr';

/**
 * The public pages people land on from search engines and shared links (often on a phone): a
 * course, a practice sheet, a tool, a publication, the public figures. They are rendered on the
 * server, as a visitor sees them, and hydrated. Everything else is rendered in the browser: the
 * signed-in app, and for now the public pages with a text field (home, catalogue, the registries'
 * lists, search, verification), because text typed into a server-rendered field before hydration
 * is overwritten when the form control starts; the verification page also replaces its whole
 * content on hydration (a layout shift of 0.67 in P8). A signed-in person gets the
 * browser-rendered shell for every page (the production server decides on the session hint, see
 * tools/web/web-server.mjs).
 */
const PUBLIC_PATHS = [
  'catalogue/:courseId',
  'indicators',
  'impact',
  'tools/:id',
  'publications/:id',
  'practices/:slug',
];

export const serverRoutes: ServerRoute[] = [
  ...PUBLIC_PATHS.map((path): ServerRoute => ({ path, renderMode: RenderMode.Server })),
  { path: '**', renderMode: RenderMode.Client },
];

// sitemap.xml and robots.txt for the public pages, as the production web server (web-server.mjs)
// serves them: the fixed public pages, then each published record from the API's public lists
// (courses, tools, publications, practices), read as a visitor. Bounded (MAX_PAGES pages of
// PAGE_SIZE records per list) and kept CACHE_MS, so crawlers cannot turn it into API load.

export const PAGE_SIZE = 100;
export const MAX_PAGES = 10;
export const CACHE_MS = 5 * 60 * 1000;

/** The public pages that exist whatever the data (which of them the server renders: app.routes.server.ts). */
export const FIXED_PATHS = [
  '/',
  '/catalogue',
  '/tools',
  '/publications',
  '/practices',
  '/indicators',
  '/impact',
  '/search',
  '/verify',
];

/** Each public list: where the API gives it, and the page path of one of its records. */
export const PUBLIC_LISTS = [
  { api: '/api/v1/courses', path: (item) => `/catalogue/${item.id}` },
  { api: '/api/v1/public/tools', path: (item) => `/tools/${item.id}` },
  { api: '/api/v1/publications', path: (item) => `/publications/${item.id}` },
  { api: '/api/v1/practices', path: (item) => `/practices/${item.slug ?? item.id}` },
];

const escapeXml = (text) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c],
  );

/** The sitemap document for `paths` on `origin`. */
export function sitemapXml(origin, paths) {
  const urls = [...new Set(paths)].map(
    (path) => `  <url><loc>${escapeXml(new URL(path, origin).href)}</loc></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: everything public may be crawled; the API and signed-in areas are not pages to index. */
export function robotsTxt(origin) {
  return [
    'User-agent: *',
    'Disallow: /api/',
    'Disallow: /learning',
    'Disallow: /teaching',
    'Disallow: /admin',
    'Disallow: /insertion',
    'Disallow: /observatory',
    'Disallow: /certificates',
    'Disallow: /notifications',
    'Disallow: /survey',
    'Disallow: /unsubscribe',
    `Sitemap: ${new URL('/sitemap.xml', origin).href}`,
    '',
  ].join('\n');
}

/**
 * The public pages' paths, fixed ones first, read from the API at `apiBase` with `fetchFn`. A list
 * the API cannot give (down, or an error) is left out rather than failing the sitemap.
 */
export async function publicPaths(apiBase, fetchFn = fetch) {
  const paths = [...FIXED_PATHS];
  for (const list of PUBLIC_LISTS) {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = new URL(list.api, apiBase);
      url.searchParams.set('page', String(page));
      url.searchParams.set('pageSize', String(PAGE_SIZE));
      let body;
      try {
        const answer = await fetchFn(url, { headers: { Accept: 'application/json' } });
        if (!answer.ok) break;
        body = await answer.json();
      } catch {
        break;
      }
      const items = Array.isArray(body?.items) ? body.items : [];
      paths.push(...items.map(list.path));
      if (items.length < PAGE_SIZE || page * PAGE_SIZE >= (body.total ?? 0)) break;
    }
  }
  return paths;
}

/** The sitemap for an origin, built at most once per CACHE_MS (one build at a time). */
export function cachedSitemap(apiBase, { fetchFn = fetch, now = Date.now } = {}) {
  let cached = null;
  return (origin) => {
    if (!cached || now() - cached.at > CACHE_MS) {
      const building = publicPaths(apiBase, fetchFn);
      cached = { at: now(), paths: building };
      building.catch(() => (cached = null));
    }
    return cached.paths.then((paths) => sitemapXml(origin, paths));
  };
}

// The production server of the server-side rendered build (web-server.mjs with a server bundle):
// who gets a server-rendered page, the per-response CSP nonce, and the sitemap, against a stand-in
// server bundle and API.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CACHE_MS,
  cachedSitemap,
  FIXED_PATHS,
  MAX_PAGES,
  PAGE_SIZE,
  publicPaths,
  robotsTxt,
  sitemapXml,
} from './sitemap.mjs';
import { rendersOnServer, startWebServer, withScriptNonce } from './web-server.mjs';

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('which pages the server renders', () => {
  it('renders reads for visitors, and gives a signed-in browser the client-rendered shell', () => {
    assert.ok(rendersOnServer({ method: 'GET', headers: {} }));
    assert.ok(rendersOnServer({ method: 'GET', headers: { cookie: 'oris_lang=ar' } }));
    assert.ok(
      !rendersOnServer({ method: 'GET', headers: { cookie: 'oris_lang=ar; oris_session=1' } }),
    );
    assert.ok(!rendersOnServer({ method: 'POST', headers: {} }));
  });

  it("adds the response's nonce to script-src only", () => {
    const csp =
      "default-src 'self'; script-src 'self' 'sha256-x'; style-src 'self' 'unsafe-inline'";
    assert.equal(
      withScriptNonce(csp, 'abc'),
      "default-src 'self'; script-src 'nonce-abc' 'self' 'sha256-x'; style-src 'self' 'unsafe-inline'",
    );
  });
});

describe('the sitemap', () => {
  const listApi = (sizes) => async (url) => {
    const { pathname, searchParams } = new URL(url);
    const total = sizes[pathname] ?? 0;
    const page = Number(searchParams.get('page'));
    const pageSize = Number(searchParams.get('pageSize'));
    const count = Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize));
    const items = Array.from({ length: count }, (_, i) => ({
      id: `${pathname.split('/').pop()}-${(page - 1) * pageSize + i}`,
      slug: pathname.endsWith('practices') ? `sheet-${i}` : undefined,
    }));
    return Response.json({ items, total, page, pageSize });
  };

  it('lists the fixed public pages, then each published record, bounded per list', async () => {
    const calls = [];
    const api = listApi({
      '/api/v1/courses': 2,
      '/api/v1/public/tools': 5000,
      '/api/v1/practices': 1,
    });
    const paths = await publicPaths('http://api', (url) => (calls.push(String(url)), api(url)));
    assert.deepEqual(paths.slice(0, FIXED_PATHS.length), FIXED_PATHS);
    assert.ok(paths.includes('/catalogue/courses-1'));
    assert.ok(paths.includes('/practices/sheet-0'));
    assert.equal(paths.filter((path) => path.startsWith('/tools/')).length, MAX_PAGES * PAGE_SIZE);
    assert.ok(calls.length <= 4 * MAX_PAGES);
  });

  it('leaves out a list the API cannot give', async () => {
    const paths = await publicPaths('http://api', async () => new Response('', { status: 503 }));
    assert.deepEqual(paths, FIXED_PATHS);
  });

  it('escapes the URLs, and is built again only after its time', async () => {
    assert.match(
      sitemapXml('https://oris.ma', ['/search?q=a&b']),
      /<loc>https:\/\/oris\.ma\/search\?q=a&amp;b<\/loc>/,
    );
    let now = 0;
    let builds = 0;
    const sitemap = cachedSitemap('http://api', {
      fetchFn: async (url) => (
        (builds += String(url).includes('courses') ? 1 : 0),
        Response.json({ items: [], total: 0 })
      ),
      now: () => now,
    });
    await sitemap('https://oris.ma');
    await sitemap('https://oris.ma');
    now += CACHE_MS + 1;
    await sitemap('https://oris.ma');
    assert.equal(builds, 2);
    assert.match(robotsTxt('https://oris.ma'), /^Sitemap: https:\/\/oris\.ma\/sitemap\.xml$/m);
  });
});

describe('the production server with a server bundle', () => {
  let root;
  let api;
  let web;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'oris-ssr-server-'));
    writeFileSync(join(root, 'index.csr.html'), '<!doctype html><title>shell</title>');
    // A stand-in for dist/apps/web/server/server.mjs: echoes the nonce it was given.
    const bundle = join(root, 'server.mjs');
    writeFileSync(
      bundle,
      `export const pageRenderer = () => async (request, { cspNonce, forwardedFor }) => {
         const { pathname } = new URL(request.url);
         if (pathname === '/broken') throw new Error('boom');
         return new Response('<!doctype html><html lang="fr"><script nonce="' + cspNonce + '">1</script>' + request.url + '<p>for ' + forwardedFor + '</p></html>',
           { status: 200, headers: { 'Content-Type': 'text/html' } });
       };`,
    );
    api = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ items: [{ id: 'c1', slug: 's1' }], total: 1 }));
    });
    await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
    web = await startWebServer({
      root,
      apiBase: `http://127.0.0.1:${api.address().port}`,
      serverBundle: bundle,
    });
  });

  after(async () => {
    await web?.close();
    await new Promise((resolve) => api?.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it("renders a visitor's page with a fresh nonce, allowed by that response's CSP only", async () => {
    const first = await get(`${web.url}/catalogue`);
    const second = await get(`${web.url}/catalogue`);
    const nonce = first.body.match(/nonce="([^"]+)"/)[1];
    assert.equal(first.status, 200);
    assert.match(
      first.headers['content-security-policy'],
      new RegExp(`script-src 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'`),
    );
    assert.ok(!second.body.includes(nonce));
    assert.equal(first.headers['x-frame-options'], 'DENY');
    assert.match(first.headers.vary, /Cookie/);
    assert.match(first.body, /http:\/\/127\.0\.0\.1:\d+\/catalogue/);
  });

  it('names the visitor to the page, for the API reads it makes on their behalf', async () => {
    const page = await get(`${web.url}/verify/ABC123`, { 'x-forwarded-for': '203.0.113.7' });
    // What the proxy before it said, then the address it saw (this test's, on loopback).
    assert.match(page.body, /<p>for 203\.0\.113\.7, (::ffff:)?127\.0\.0\.1<\/p>/);
  });

  it('gives a signed-in browser the client-rendered shell', async () => {
    const response = await get(`${web.url}/catalogue`, { cookie: 'oris_session=1' });
    assert.equal(response.body, '<!doctype html><title>shell</title>');
  });

  it('falls back to the shell when rendering fails', async () => {
    const response = await get(`${web.url}/broken`);
    assert.equal(response.status, 200);
    assert.equal(response.body, '<!doctype html><title>shell</title>');
  });

  it('serves sitemap.xml and robots.txt for the origin asked', async () => {
    const sitemap = await get(`${web.url}/sitemap.xml`);
    assert.match(sitemap.headers['content-type'], /^application\/xml/);
    assert.ok(sitemap.body.includes(`<loc>${web.url}/catalogue/c1</loc>`));
    assert.ok(sitemap.body.includes(`<loc>${web.url}/practices/s1</loc>`));
    const robots = await get(`${web.url}/robots.txt`);
    assert.match(robots.body, /Disallow: \/api\//);
  });
});

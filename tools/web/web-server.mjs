// The web app served as docker/nginx.conf serves it, for measurements on a machine without nginx:
// the same response headers (read from docker/nginx-security-headers.conf), the same cache rules
// (the hashed-file pattern is read from docker/nginx.conf), precompressed `.gz` files where the
// build has them (gzip_static) and on-the-fly gzip otherwise (gzip_types, gzip_min_length and
// gzip_comp_level read from nginx.conf, proxied API answers included: gzip_proxied any), the
// index.html fallback for client-side routes, 404 for missing translations, and /api proxied to
// the API with the X-Forwarded-* headers nginx sets.
//
// With `serverBundle` (dist/apps/web/server/server.mjs) it is also the production server of the
// server-side rendered build (docker/web-ssr.Dockerfile, the P8 bench, the browser journeys): the
// public pages are rendered by Angular's server bundle for visitors, with a fresh CSP nonce per
// response for the inline scripts Angular writes; a signed-in browser (the session hint cookie)
// gets the browser-rendered shell; sitemap.xml and robots.txt come from the API's public lists.
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { ROOT } from '../dev/lib.mjs';
import { cachedSitemap, robotsTxt } from './sitemap.mjs';

const CONTENT_TYPES = {
  '.html': 'text/html',
  '.js': 'application/javascript',
  '.mjs': 'application/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
};

/** What docker/nginx.conf and its security-headers snippet say, as the server below uses it. */
export function readNginxRules(dockerDir = join(ROOT, 'docker')) {
  const conf = readFileSync(join(dockerDir, 'nginx.conf'), 'utf8');
  const snippet = readFileSync(join(dockerDir, 'nginx-security-headers.conf'), 'utf8');
  const directive = (name) => {
    const match = conf.match(new RegExp(`^\\s*${name}\\s+([^;]+);`, 'm'));
    if (!match) throw new Error(`docker/nginx.conf has no ${name} directive`);
    return match[1].trim();
  };
  const hashed = conf.match(/location ~ "([^"]+)"/);
  if (!hashed) throw new Error('docker/nginx.conf has no location for hashed build outputs');
  const headers = [...snippet.matchAll(/^add_header\s+(\S+)\s+"([^"]*)"/gm)].map(
    ([, name, value]) => [name, value],
  );
  return {
    hashedFile: new RegExp(hashed[1]),
    hashedCacheControl: conf.match(/Cache-Control "(public, max-age=\d+, immutable)"/)?.[1],
    gzipTypes: new Set(['text/html', ...directive('gzip_types').split(/\s+/)]),
    gzipMinLength: Number(directive('gzip_min_length')),
    gzipLevel: Number(directive('gzip_comp_level')),
    gzipStatic: /^\s*gzip_static\s+on;/m.test(conf),
    securityHeaders: headers,
  };
}

/** The session hint (AuthSession in libs/web/core): set while this browser holds a session. */
export const SESSION_HINT_COOKIE = 'oris_session';

/**
 * Whether the page is rendered on the server: only for visitors (the server renders as one; a
 * signed-in person's page would differ from it and hydration would have to throw it away), and
 * only for reads.
 */
export function rendersOnServer(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const cookies = String(req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('=')[0]);
  return !cookies.includes(SESSION_HINT_COOKIE);
}

/** The Content-Security-Policy with `nonce` allowed in script-src (style-src stays as it is). */
export function withScriptNonce(csp, nonce) {
  return csp.replace(/(^|;\s*)script-src\b/, `$1script-src 'nonce-${nonce}'`);
}

/** The public origin a request was made to (nginx in front states its scheme). */
function originOf(req) {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? '127.0.0.1'}`;
}

/** The Fetch API request the Angular engine takes, without proxy headers (it re-checks them). */
function webRequest(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-forwarded-') || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(req.url, originOf(req)), { method: req.method, headers });
}

const acceptsGzip = (req) => /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');

/**
 * The X-Forwarded-For chain a request to the API made on this request's behalf carries: what the
 * proxy before this server said, then the address this server saw. The API believes it only as
 * far as its TRUST_PROXY allows, so a visitor still cannot choose their address.
 */
function forwardedChain(req) {
  return [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
}

/**
 * Starts the server on 127.0.0.1:`port` (0 for any free port) and resolves with its URL and a
 * close(); `root` is the build's browser folder, `apiBase` the API's origin.
 */
export async function startWebServer({
  root,
  apiBase,
  port = 0,
  host = '127.0.0.1',
  serverBundle = null,
  allowedHosts = ['*'],
}) {
  const rules = readNginxRules();
  const api = new URL(apiBase);
  const csp = new Map(rules.securityHeaders).get('Content-Security-Policy') ?? '';
  const sitemap = cachedSitemap(apiBase);
  const renderPage = serverBundle
    ? (await import(pathToFileURL(serverBundle).href)).pageRenderer({ allowedHosts })
    : null;
  // The browser-rendered page: the SSR build names it index.csr.html.
  const shell = serverBundle ? 'index.csr.html' : 'index.html';

  /** A generated text answer, with the site's headers, gzipped as nginx would. */
  function sendText(req, res, status, type, body, extra = {}) {
    const headers = {
      ...Object.fromEntries(rules.securityHeaders),
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...extra,
    };
    let payload = Buffer.from(body);
    if (acceptsGzip(req) && payload.length >= rules.gzipMinLength) {
      payload = gzipSync(payload, { level: rules.gzipLevel });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = payload.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  /** A public page rendered by the server bundle, or null when it is no page of the app. */
  async function render(req, res) {
    const nonce = randomBytes(16).toString('base64');
    let answer;
    try {
      // The server bundle reaches the API directly, not through this server, naming the visitor
      // (the API's per-address limits, such as verification's, count the visitor, not this server).
      answer = await renderPage(webRequest(req), {
        cspNonce: nonce,
        apiOrigin: apiBase,
        forwardedFor: forwardedChain(req),
      });
    } catch (error) {
      // The browser can still render the page: the shell rather than an error page.
      console.error(`Server rendering of ${req.url} failed:`, error);
      return false;
    }
    if (!answer) return false;
    const body = await answer.text();
    sendText(req, res, answer.status, 'text/html', body, {
      'Content-Security-Policy': withScriptNonce(csp, nonce),
      // A visitor's page depends on the language cookie; signed-in browsers get another page.
      Vary: 'Accept-Encoding, Cookie',
    });
    return true;
  }

  async function serveFile(req, res) {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const candidate = normalize(join(root, pathname));
    const inside = candidate === root || candidate.startsWith(root + sep);
    const found = inside ? await fileSize(candidate) : null;
    let file;
    let cacheControl = 'no-cache';
    if (rules.hashedFile.test(pathname)) {
      if (found === null) return notFound(res);
      file = candidate;
      cacheControl = rules.hashedCacheControl;
    } else if (pathname.startsWith('/i18n/')) {
      if (found === null) return notFound(res);
      file = candidate;
    } else if (found === null && pathname === '/robots.txt') {
      return sendText(req, res, 200, 'text/plain', robotsTxt(originOf(req)));
    } else if (found === null && pathname === '/sitemap.xml') {
      return sendText(req, res, 200, 'application/xml', await sitemap(originOf(req)));
    } else if (found === null && renderPage && rendersOnServer(req) && (await render(req, res))) {
      return;
    } else {
      file = found === null ? join(root, shell) : candidate;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = {
      ...Object.fromEntries(rules.securityHeaders),
      'Content-Type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
      'Cache-Control': cacheControl,
    };
    const compressible = rules.gzipTypes.has(type);
    if (compressible) headers.Vary = 'Accept-Encoding';
    const size = found ?? (await fileSize(file));
    if (compressible && acceptsGzip(req)) {
      const precompressed = rules.gzipStatic ? await fileSize(`${file}.gz`) : null;
      if (precompressed !== null) {
        res.writeHead(200, {
          ...headers,
          'Content-Encoding': 'gzip',
          'Content-Length': precompressed,
        });
        return pipeline(createReadStream(`${file}.gz`), res);
      }
      if (size >= rules.gzipMinLength) {
        res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
        return pipeline(createReadStream(file), createGzip({ level: rules.gzipLevel }), res);
      }
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    return pipeline(createReadStream(file), res);
  }

  function proxy(req, res) {
    return new Promise((resolve, reject) => {
      const forwardedFor = forwardedChain(req);
      const upstream = request(
        {
          host: api.hostname,
          port: api.port,
          method: req.method,
          path: req.url,
          headers: {
            ...req.headers,
            'x-real-ip': req.socket.remoteAddress,
            'x-forwarded-for': forwardedFor,
            'x-forwarded-proto': 'http',
            'x-forwarded-host': req.headers.host,
          },
        },
        (answer) => {
          const type = String(answer.headers['content-type'] ?? '').split(';')[0];
          const length = Number(answer.headers['content-length'] ?? Infinity);
          const gzip =
            rules.gzipTypes.has(type) &&
            length >= rules.gzipMinLength &&
            !answer.headers['content-encoding'] &&
            acceptsGzip(req);
          if (!gzip) {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            pipeline(answer, res).then(resolve, reject);
            return;
          }
          // Compressed on the way: the API's length no longer applies (sent chunked).
          const headers = { ...answer.headers };
          delete headers['content-length'];
          res.writeHead(answer.statusCode ?? 502, {
            ...headers,
            'content-encoding': 'gzip',
            vary: 'Accept-Encoding',
          });
          pipeline(answer, createGzip({ level: rules.gzipLevel }), res).then(resolve, reject);
        },
      );
      upstream.on('error', reject);
      req.pipe(upstream);
    });
  }

  const server = createServer((req, res) => {
    const handle = req.url.startsWith('/api/') ? proxy(req, res) : serveFile(req, res);
    handle.catch((err) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.address().port}`,
    /** Stops at once, or with `drainMs` after letting requests in flight finish (SIGTERM). */
    close: ({ drainMs = 0 } = {}) =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        if (drainMs === 0) return server.closeAllConnections();
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), drainMs).unref();
      }),
  };
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not Found\n');
}

async function fileSize(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

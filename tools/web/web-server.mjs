// The web app served as docker/nginx.conf serves it, for measurements on a machine without nginx:
// the same response headers (read from docker/nginx-security-headers.conf), the same cache rules
// (the hashed-file pattern is read from docker/nginx.conf), precompressed `.gz` files where the
// build has them (gzip_static) and on-the-fly gzip otherwise (gzip_types, gzip_min_length and
// gzip_comp_level read from nginx.conf, proxied API answers included: gzip_proxied any), the
// index.html fallback for client-side routes, 404 for missing translations, and /api proxied to
// the API with the X-Forwarded-* headers nginx sets.
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ROOT } from '../dev/lib.mjs';

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

const acceptsGzip = (req) => /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');

/**
 * Starts the server on 127.0.0.1:`port` (0 for any free port) and resolves with its URL and a
 * close(); `root` is the build's browser folder, `apiBase` the API's origin.
 */
export async function startWebServer({ root, apiBase, port = 0 }) {
  const rules = readNginxRules();
  const api = new URL(apiBase);

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
    } else {
      file = found === null ? join(root, 'index.html') : candidate;
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
      const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
        .filter(Boolean)
        .join(', ');
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
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
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

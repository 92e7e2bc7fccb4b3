// Writes a gzip copy (`<file>.gz`, best compression) beside every compressible file of the web
// build, for nginx's gzip_static (docker/nginx.conf): the browser gets files compressed once at
// build time, harder than nginx would on the fly, with no CPU spent per request. Files below
// nginx's gzip_min_length are left alone, as nginx leaves them uncompressed.
//
//   node tools/web/precompress.mjs [dist/apps/web/browser]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set([
  '.html',
  '.ico',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.csv',
]);
const MIN_BYTES = 1024;

/** Compresses the build under `root`; returns how many files got a `.gz` copy. */
export function precompress(root) {
  let count = 0;
  for (const entry of readdirSync(root, { recursive: true })) {
    const path = join(root, entry);
    if (!COMPRESSIBLE.has(extname(path)) || !statSync(path).isFile()) continue;
    const content = readFileSync(path);
    if (content.length < MIN_BYTES) continue;
    writeFileSync(
      `${path}.gz`,
      gzipSync(content, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 }),
    );
    count += 1;
  }
  return count;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? 'dist/apps/web/browser');
  process.stdout.write(`precompress: ${precompress(root)} files gzipped under ${root}\n`);
}

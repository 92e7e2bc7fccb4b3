// The nginx mimic (web-server.mjs) against docker/nginx.conf's rules, and precompress.mjs, on a
// small build made here and an API stand-in.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { precompress } from './precompress.mjs';
import { readNginxRules, startWebServer } from './web-server.mjs';

/** GET with gzip accepted; the body as sent (still compressed when it was). */
function get(url, headers = { 'Accept-Encoding': 'gzip' }) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const text = (response) =>
  (response.headers['content-encoding'] === 'gzip'
    ? gunzipSync(response.body)
    : response.body
  ).toString('utf8');

describe('the web server that mimics docker/nginx.conf', () => {
  const big = 'x'.repeat(4096);
  let root;
  let api;
  let web;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'oris-web-server-'));
    mkdirSync(join(root, 'i18n'));
    writeFileSync(join(root, 'index.html'), `<!doctype html><title>app</title>${big}`);
    writeFileSync(join(root, 'main-ABCD1234.js'), `console.log(1);${big}`);
    writeFileSync(join(root, 'tiny-ABCD1234.js'), 'console.log(2);');
    writeFileSync(join(root, 'i18n', 'fr.json'), JSON.stringify({ app: { name: big } }));
    assert.equal(precompress(root), 3);
    api = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, forwardedFor: req.headers['x-forwarded-for'], big }));
    });
    await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
    web = await startWebServer({ root, apiBase: `http://127.0.0.1:${api.address().port}` });
  });

  after(async () => {
    await web?.close();
    await new Promise((resolve) => api?.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('reads its rules from nginx.conf and the security-headers snippet', () => {
    const rules = readNginxRules();
    assert.ok(rules.hashedFile.test('/chunk-ETVQZGUO.js'));
    assert.ok(!rules.hashedFile.test('/index.html'));
    assert.equal(rules.hashedCacheControl, 'public, max-age=31536000, immutable');
    assert.ok(rules.gzipStatic);
    assert.ok(rules.gzipTypes.has('application/javascript'));
    assert.ok(rules.securityHeaders.some(([name]) => name === 'Content-Security-Policy'));
  });

  it('caches hashed files for a year and serves their precompressed copy', async () => {
    const response = await get(`${web.url}/main-ABCD1234.js`);
    assert.equal(response.status, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.headers['content-encoding'], 'gzip');
    assert.match(text(response), /^console\.log\(1\);/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  it('leaves small files uncompressed, and sends plain files to clients without gzip', async () => {
    const tiny = await get(`${web.url}/tiny-ABCD1234.js`);
    assert.equal(tiny.headers['content-encoding'], undefined);
    const plain = await get(`${web.url}/main-ABCD1234.js`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.body.toString('utf8'), /^console\.log\(1\);/);
  });

  it('answers client-side routes with index.html, revalidated on every visit', async () => {
    const response = await get(`${web.url}/catalogue/some-course`);
    assert.equal(response.status, 200);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.match(text(response), /<title>app<\/title>/);
    assert.ok(response.headers['content-security-policy']);
  });

  it('answers 404 for a missing hashed file or translation, not index.html', async () => {
    assert.equal((await get(`${web.url}/chunk-ZZZZ9999.js`)).status, 404);
    assert.equal((await get(`${web.url}/i18n/xx.json`)).status, 404);
    const translations = await get(`${web.url}/i18n/fr.json`);
    assert.equal(translations.status, 200);
    assert.equal(translations.headers['cache-control'], 'no-cache');
  });

  it('proxies /api with the forwarded address, gzipping the answer', async () => {
    const response = await get(`${web.url}/api/v1/courses?page=1`);
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], 'gzip');
    const body = JSON.parse(text(response));
    assert.equal(body.path, '/api/v1/courses?page=1');
    assert.equal(body.forwardedFor, '127.0.0.1');
  });
});

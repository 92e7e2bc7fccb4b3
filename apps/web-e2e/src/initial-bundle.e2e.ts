import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARTIFACTS } from './support/platform';

// QUALITY.md P8: the first load of the web app carries at most 300 kB of compressed JavaScript.
const BUDGET_BYTES = 300 * 1000;

describe('the first load of the web app', () => {
  it('downloads at most 300 kB of compressed JavaScript', () => {
    // The browser-rendered page (the server-rendered ones load the same scripts).
    const index = readFileSync(join(ARTIFACTS.web, 'index.csr.html'), 'utf8');
    const initial = [
      ...index.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
      ...index.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ].map(([, file]) => file);
    const compressed = initial.reduce(
      (total, file) => total + gzipSync(readFileSync(join(ARTIFACTS.web, file))).length,
      0,
    );

    expect(initial.length).toBeGreaterThan(0);
    expect(compressed).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

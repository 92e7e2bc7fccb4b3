// The production web server of the server-side rendered build, as docker/web.Dockerfile runs it:
//   node tools/web/serve.mjs
// Settings (environment): WEB_ROOT (dist/apps/web/browser), WEB_SERVER_BUNDLE
// (dist/apps/web/server/server.mjs), API_ORIGIN (http://127.0.0.1:3000: the API, for the proxy
// and the server's own reads), PORT (4000), HOST (0.0.0.0), NG_ALLOWED_HOSTS (the Host names
// accepted, comma-separated; * by default, see apps/web/src/server.ts). SIGTERM stops taking connections and
// lets requests in flight finish (up to 10 s).
import { resolve } from 'node:path';
import { startWebServer } from './web-server.mjs';

const env = process.env;
const web = await startWebServer({
  root: resolve(env.WEB_ROOT ?? 'dist/apps/web/browser'),
  serverBundle: resolve(env.WEB_SERVER_BUNDLE ?? 'dist/apps/web/server/server.mjs'),
  apiBase: env.API_ORIGIN ?? 'http://127.0.0.1:3000',
  port: Number(env.PORT ?? 4000),
  host: env.HOST ?? '0.0.0.0',
  allowedHosts: (env.NG_ALLOWED_HOSTS ?? '*').split(',').map((name) => name.trim()),
});
console.log(`ORIS web (server-side rendering) listening on ${web.url}`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    console.log(`${signal}: finishing requests in flight, then stopping`);
    web.close({ drainMs: 10_000 }).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

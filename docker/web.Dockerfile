# syntax=docker/dockerfile:1
# The ORIS web app, two images from one build:
# - `runtime` (the default): nginx, which serves the build's files, proxies /api to the API service
#   and every page to the `ssr` service (same origin, so the refresh-token cookie stays first-party);
# - `ssr`: Node running tools/web/serve.mjs with Angular's server bundle: the public pages rendered
#   on the server for visitors (with a per-response CSP nonce), the browser-rendered shell for
#   signed-in browsers and the other pages, sitemap.xml and robots.txt.
# `docker build -f docker/web.Dockerfile [--target ssr] .` from the repository root.

ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-alpine

# --- build ----------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NG_CLI_ANALYTICS=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional packages (STACK.md, trap 4).
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
RUN npx nx run web:build --configuration=production --skip-nx-cache
# A .gz copy beside each text file, served as it is by nginx's gzip_static (nginx.conf).
RUN node tools/web/precompress.mjs dist/apps/web/browser

# --- ssr: the server-side rendering server (Node; the server bundle carries its dependencies) -----
FROM ${NODE_IMAGE} AS ssr
WORKDIR /app
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0 API_ORIGIN=http://api:3000 \
    WEB_ROOT=/app/dist/apps/web/browser WEB_SERVER_BUNDLE=/app/dist/apps/web/server/server.mjs
# The server reads its response headers and cache rules from the nginx configuration (one source).
COPY docker/nginx.conf docker/nginx-security-headers.conf ./docker/
COPY tools/dev/lib.mjs ./tools/dev/lib.mjs
COPY tools/web/serve.mjs tools/web/web-server.mjs tools/web/sitemap.mjs ./tools/web/
COPY --from=build /workspace/dist/apps/web/server ./dist/apps/web/server
COPY --from=build /workspace/dist/apps/web/browser ./dist/apps/web/browser
# The browser build's metafile: which chunks each lazy route needs (apps/web/src/server.ts).
COPY --from=build /workspace/dist/apps/web/stats.json ./dist/apps/web/stats.json
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:4000/robots.txt').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "tools/web/serve.mjs"]

# --- runtime: nginx in front ----------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY docker/nginx-trusted-proxies.conf /etc/nginx/snippets/trusted-proxies.conf
COPY --from=build /workspace/dist/apps/web/browser /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1/healthz || exit 1

# syntax=docker/dockerfile:1
# The ORIS web app: the Angular build served by nginx, which also proxies /api to the API service
# (same origin, so the refresh-token cookie stays first-party).
# `docker build -f docker/web.Dockerfile .` from the repository root.

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

# --- runtime --------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY docker/nginx-trusted-proxies.conf /etc/nginx/snippets/trusted-proxies.conf
COPY --from=build /workspace/dist/apps/web/browser /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1/healthz || exit 1

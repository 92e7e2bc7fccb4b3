# syntax=docker/dockerfile:1
# The ORIS API: `docker build -f docker/api.Dockerfile .` from the repository root.
# Also carries cli.js (migrate, revert, admin:create); docker/compose.yaml runs `node cli.js migrate`
# in a one-shot service before the API starts. The demo seed is never run from this image.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: the whole workspace, to run Nx ------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NG_CLI_ANALYTICS=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional packages (STACK.md, trap 4).
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
RUN npx nx run api:build --skip-nx-cache

# --- production dependencies only --------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No lifecycle scripts: the runtime packages ship prebuilt binaries (@node-rs/argon2) or pure JS.
RUN --mount=type=cache,target=/root/.npm \
    npm install --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production API_HOST=0.0.0.0 API_PORT=3000
WORKDIR /app
# Code and packages stay owned by root and read-only for the `node` user that runs them.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/api ./
# Certificate PDFs (STORAGE_DIR): written by the worker, read here for downloads; a shared volume.
RUN mkdir -p /app/data/files && chown node:node /app/data/files
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.API_PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]

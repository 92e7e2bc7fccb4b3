# syntax=docker/dockerfile:1
# The ORIS worker (BullMQ processors, scheduled follow-ups; no HTTP):
# `docker build -f docker/worker.Dockerfile .` from the repository root.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: the whole workspace, to run Nx ------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NG_CLI_ANALYTICS=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional packages (STACK.md, trap 4).
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
RUN npx nx run worker:build --skip-nx-cache

# --- production dependencies only --------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No lifecycle scripts: the runtime packages ship prebuilt binaries or are pure JS.
RUN --mount=type=cache,target=/root/.npm \
    npm install --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# The whole build: main.js and, beside it, render-thread.js, the program of the certificate render
# threads, which the worker looks for next to main.js.
COPY --from=build /workspace/dist/apps/worker ./
# The only places the worker writes: .eml files when no SMTP_URL is set (MAIL_DROP_DIR) and the
# certificate PDFs (STORAGE_DIR, a volume shared with the API, which serves the downloads).
RUN mkdir -p /app/data/mail /app/data/files && chown node:node /app/data/mail /app/data/files
USER node
# No HTTP to probe: Docker watches the process; BullMQ re-delivers the jobs of a worker that dies.
CMD ["node", "main.js"]

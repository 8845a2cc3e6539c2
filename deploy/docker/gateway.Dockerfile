# syntax=docker/dockerfile:1
# The gateway's image. Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t passerelle-gateway .
# Configuration, keys and secrets come only from the environment and mounted files at run time
# (docs/operations.md); nothing secret is in the image, not even the development keys
# (.dockerignore), so a container left on the defaults refuses to start instead of signing with them.

# 1. Install: the gateway workspace's production dependencies only; the production build (one
#    JavaScript bundle of the gateway and the workspaces it imports, gateway/dist/main.js, by
#    `npm run bundle`'s script: docs/operations.md, "Production build"); then everything else
#    pruned (npm keeps the dev-only workspace @passerelle/mocks otherwise: prune-to-workspace.sh).
FROM node:20.20.2-bookworm-slim AS install
WORKDIR /app
# The npm of the repository's packageManager field, so the lockfile is read as it was written.
RUN npm install --global npm@11.19.1 --no-audit --no-fund
COPY . .
RUN npm ci --omit=dev --workspace=gateway --no-audit --no-fund \
  && node --import tsx subgraphs/kit/src/cli/bundle.ts gateway \
  && sh deploy/docker/prune-to-workspace.sh gateway \
  && npm cache clean --force

# 2. Run: the gateway's bundle, run by plain node (no TypeScript loader: tens of MiB and a share of
#    the CPU saved, docs/performance.md), with the files it reads beside its sources (schema, SQL,
#    GraphiQL assets) and the sources themselves for the operations CLIs (`node --import tsx
#    gateway/src/cli/…`, tsx being a production dependency of the kit); owned by root, read-only.
FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PASSERELLE_MODE=production \
    GATEWAY_HOST=0.0.0.0 \
    GATEWAY_PORT=4000 \
    AUDIT_JOURNAL_PATH=/var/lib/passerelle/audit/journal.jsonl \
    TSX_DISABLE_CACHE=1
WORKDIR /app
COPY --from=install /app/package.json ./package.json
COPY --from=install /app/node_modules ./node_modules
COPY --from=install /app/gateway ./gateway
COPY --from=install /app/schema ./schema
COPY --from=install /app/subgraphs/kit ./subgraphs/kit
COPY --from=install /app/deploy/docker/healthcheck.cjs ./deploy/docker/healthcheck.cjs
# The file journal's directory (AUDIT_SINK=file, one replica): mount a volume here. With the
# PostgreSQL sink nothing is written to disk.
RUN mkdir -p /var/lib/passerelle/audit && chown 1000:1000 /var/lib/passerelle/audit
# The image's `node` user, by number so that an orchestrator can check it is not root.
USER 1000:1000
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 CMD ["node", "deploy/docker/healthcheck.cjs"]
# The V8 flags on the command line (gateway/src/gatewayNodeFlags.ts; NODE_OPTIONS refuses some V8 flags).
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=40", "gateway/dist/main.js"]

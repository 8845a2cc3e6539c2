# syntax=docker/dockerfile:1
# One partner subgraph's image, chosen by build argument (its folder under subgraphs/). From the
# repository root:
#   docker build -f deploy/docker/subgraph.Dockerfile --build-arg SUBGRAPH=caf --build-arg PORT=4002 -t passerelle-caf .
# PORT only documents the port (EXPOSE): the subgraph listens on <PREFIX>_PORT, by default the
# `passerelle.port` of its package.json. Its legacy system's URL and API key, and the gateway's
# public context keys, come from the environment at run time (docs/operations.md).
ARG SUBGRAPH=caf

# 1. Install: this subgraph workspace's production dependencies only; its production build
#    (subgraphs/<name>/dist/main.js: docs/operations.md, "Production build"); everything else pruned.
FROM node:20.20.2-bookworm-slim AS install
ARG SUBGRAPH
WORKDIR /app
# The npm of the repository's packageManager field, so the lockfile is read as it was written.
RUN npm install --global npm@11.19.1 --no-audit --no-fund
COPY . .
RUN test -f "subgraphs/${SUBGRAPH}/src/main.ts" \
  && npm ci --omit=dev --workspace="subgraphs/${SUBGRAPH}" --no-audit --no-fund \
  && node --import tsx subgraphs/kit/src/cli/bundle.ts "subgraphs/${SUBGRAPH}" \
  && sh deploy/docker/prune-to-workspace.sh "subgraphs/${SUBGRAPH}" \
  && npm cache clean --force

# 2. Run: this subgraph's bundle, run by plain node, with the files it reads beside its sources
#    (its schema.graphql, the kit's); owned by root and read-only to the process.
FROM node:20.20.2-bookworm-slim AS runtime
ARG SUBGRAPH
ARG PORT=4002
ENV NODE_ENV=production \
    PASSERELLE_MODE=production \
    SUBGRAPH=${SUBGRAPH} \
    TSX_DISABLE_CACHE=1
WORKDIR /app
COPY --from=install /app/package.json ./package.json
COPY --from=install /app/node_modules ./node_modules
COPY --from=install /app/subgraphs/kit ./subgraphs/kit
COPY --from=install /app/subgraphs/${SUBGRAPH} ./subgraphs/${SUBGRAPH}
COPY --from=install /app/deploy/docker/healthcheck.cjs /app/deploy/docker/run-subgraph.sh ./deploy/docker/
# The image's `node` user, by number so that an orchestrator can check it is not root.
USER 1000:1000
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 CMD ["node", "deploy/docker/healthcheck.cjs"]
CMD ["sh", "deploy/docker/run-subgraph.sh"]

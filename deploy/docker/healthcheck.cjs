// The images' HEALTHCHECK (node:…-slim has no curl): GET /health on this container's own port,
// exit 0 when it answers 200. The gateway listens on GATEWAY_PORT; a subgraph (SUBGRAPH set by
// subgraph.Dockerfile) on <PREFIX>_PORT, else the port of its package.json `passerelle` block,
// PREFIX being its name in capitals with `_` for `-` (subgraphs/<name>/src/config.ts).
'use strict';
const name = process.env.SUBGRAPH;
const port = name ? process.env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] || require(`../../subgraphs/${name}/package.json`).passerelle.port : process.env.GATEWAY_PORT || 4000;
fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);

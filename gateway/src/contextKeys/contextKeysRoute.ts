import type { RouteHandler } from '@passerelle/subgraph-kit/http';
import type { ContextSigner } from './createContextSigner';

/**
 * `GET /.well-known/passerelle-contexte-jwks.json`: the gateway's public context keys, for
 * subgraphs whose GATEWAY_CONTEXT_JWKS is this URL. Public members only; cacheable for a few
 * minutes (subgraphs fetch again for a kid they do not know).
 */
export function contextKeysRoute(signer: ContextSigner): RouteHandler {
  const body = JSON.stringify(signer.publicJwks());
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' });
    res.end(body);
  };
}

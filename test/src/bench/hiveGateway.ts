import { createRequire } from 'node:module';
import { createServer, type RequestListener } from 'node:http';
import { cacheBypassHeader, readConfigOrExit } from '@passerelle/subgraph-kit';
import { createPeerContextSigner, gatewayContextHeader, type PeerContext } from './peerContext';
import { peerGatewayEnv } from './peerGatewayEnv';

/**
 * What this file uses of `@graphql-hive/gateway`. Loaded with `require`, not `import`: its type
 * declarations reference the DOM library, which would change `fetch`'s types in the whole
 * type-check program (tsconfig.typecheck.json) and break the gateway's and the simulator's code.
 */
interface HiveGatewayModule {
  createGatewayRuntime: (config: {
    supergraph: string;
    logging: 'error';
    healthCheckEndpoint: string;
    propagateHeaders: { fromClientToSubgraphs: (payload: { request: Request; subgraphName: string }) => Promise<Record<string, string>> };
  }) => RequestListener & { dispose(): Promise<void> };
}
const { createGatewayRuntime } = createRequire(__filename)('@graphql-hive/gateway') as HiveGatewayModule;

/**
 * The bench's Hive Gateway, as its own process, with its defaults: the same supergraph file as
 * Passerelle's, and one header added to every subgraph fetch, the context signed for that
 * subgraph (peerContext.ts), through its `propagateHeaders` option. Started by `npm run bench` only.
 */
function main(): void {
  const config = readConfigOrExit(peerGatewayEnv);
  const contextOf = createPeerContextSigner({ GATEWAY_CONTEXT_KEYS: config.gatewayContextKeys });
  // One caller and request id per client request, whatever the number of subgraph fetches.
  const peers = new WeakMap<Request, PeerContext>();
  const peerOf = (request: Request): PeerContext => {
    let peer = peers.get(request);
    if (!peer) {
      peer = contextOf(request.headers.get('authorization'), request.headers.get('x-passerelle-finalite'));
      peers.set(request, peer);
    }
    return peer;
  };
  const gateway = createGatewayRuntime({
    supergraph: config.supergraphPath,
    logging: 'error',
    healthCheckEndpoint: '/health',
    propagateHeaders: {
      // The signed context, and the cache bypass when the client asked for it (buildScenarios.ts: the cold variant).
      fromClientToSubgraphs: async ({ request, subgraphName }) => ({
        [gatewayContextHeader]: await peerOf(request).signFor(subgraphName),
        ...(request.headers.get(cacheBypassHeader) ? { [cacheBypassHeader]: request.headers.get(cacheBypassHeader)! } : {}),
      }),
    },
  });
  const server = createServer(gateway);
  server.listen(config.port, '127.0.0.1');
  const stop = () => server.close(() => void gateway.dispose().then(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();

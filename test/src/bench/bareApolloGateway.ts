import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { readPartnerRegistry, readSecurityDirectives } from '@passerelle/gateway';
import { cacheBypassHeader, readConfigOrExit } from '@passerelle/subgraph-kit';
import { createGraphQLHttpServer, sendJson } from '@passerelle/subgraph-kit/http';
import { createPeerContextSigner, gatewayContextHeader, type PeerContext } from './peerContext';
import { peerGatewayEnv } from './peerGatewayEnv';

/** The caller's signed contexts, and whether the client asked the subgraphs to bypass their legacy caches (buildScenarios.ts). */
type PeerGatewayContext = { peer: PeerContext; bypassCache: string | undefined };

/** Adds the context signed for this subgraph to each fetch, as a peer gateway configured for Passerelle's subgraphs would. */
class SignedContextDataSource extends RemoteGraphQLDataSource<PeerGatewayContext> {
  constructor(
    private readonly audience: string,
    url: string,
  ) {
    // Node's own fetch (undici, keep-alive), as Passerelle's gateway (gateway/src/PartnerDataSource.ts).
    super({ url, fetcher: (input, init) => fetch(input, init) });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<PeerGatewayContext>): Promise<void> {
    // Apollo's own fetches (health checks) carry no request context: nothing to sign for.
    const { peer, bypassCache } = context as Partial<PeerGatewayContext>;
    if (peer) request.http?.headers.set(gatewayContextHeader, await peer.signFor(this.audience));
    if (bypassCache) request.http?.headers.set(cacheBypassHeader, bypassCache);
  }
}

/**
 * The bench's bare `@apollo/gateway` (the gateway's own version), as its own process: the same
 * supergraph file as Passerelle's, the same HTTP adapter (the kit's), and none of Passerelle's
 * security layers; each subgraph fetch carries a signed context (peerContext.ts). Started by
 * `npm run bench` only.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit(peerGatewayEnv);
  const contextOf = createPeerContextSigner({ GATEWAY_CONTEXT_KEYS: config.gatewayContextKeys });
  const sdl = readFileSync(config.supergraphPath, 'utf8');
  // @apollo/gateway refuses a supergraph linking `for: SECURITY` features it does not enforce
  // (@authenticated, @requiresScopes, @policy): it plans on what Passerelle's gateway plans on,
  // the same file with those links taken out (gateway/src/authorization/readSecurityDirectives.ts).
  const { plannerSdl } = readSecurityDirectives(sdl, new Set(readPartnerRegistry(sdl).partners.keys()));
  const gateway = new ApolloGateway({
    supergraphSdl: plannerSdl,
    buildService: ({ name, url }) => new SignedContextDataSource(name, url!),
  });
  const apollo = new ApolloServer<PeerGatewayContext>({ gateway, introspection: false });
  await apollo.start();
  const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const server = await createGraphQLHttpServer<PeerGatewayContext>({
    apollo,
    port: config.port,
    host: '127.0.0.1',
    context: (req) => Promise.resolve({ peer: contextOf(header(req.headers.authorization), header(req.headers['x-passerelle-finalite'])), bypassCache: header(req.headers[cacheBypassHeader]) }),
    routes: { 'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok' }) },
  });
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The bare @apollo/gateway could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

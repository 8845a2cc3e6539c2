import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { createContextSigner, PartnerDataSource, readPartnerRegistry, readSecurityDirectives, RequestSecurity, type GatewayConfig } from '@passerelle/gateway';
import { createUsagerIdCodec, silentLogger } from '@passerelle/subgraph-kit';
import { createGraphQLHttpServer, type RunningHttpServer } from '@passerelle/subgraph-kit/http';
import { readFileSync } from 'node:fs';

/**
 * For the benchmark only: the same planner over the same subgraphs, with none of the security
 * layers (no token check, purpose, field or row authorization, objections, limits or audit), so
 * that one run measures what security costs. Subgraphs still get signed (anonymous) contexts.
 * Never started by `npm start` or the tests.
 */
export async function startBaselineGateway(config: GatewayConfig): Promise<RunningHttpServer> {
  const sdl = readFileSync(config.supergraphPath, 'utf8');
  const { plannerSdl } = readSecurityDirectives(sdl, new Set(readPartnerRegistry(sdl).partners.keys()));
  const contextSigner = createContextSigner(config);
  const gateway = new ApolloGateway({
    supergraphSdl: plannerSdl,
    buildService: ({ name, url }) => new PartnerDataSource({ name, url: config.subgraphUrls.get(name) ?? url!, timeoutMs: config.subgraphTimeoutMs, logger: silentLogger, contextSigner }),
  });
  const apollo = new ApolloServer<BaseContext>({ gateway, introspection: false });
  await apollo.start();
  const codec = createUsagerIdCodec(config.usagerIdSecret);
  // The data sources read the request's security object (gateway/src/pipeline/RequestSecurity.ts):
  // here an anonymous one with no entity guard, so nothing is withheld and nothing is checked.
  return createGraphQLHttpServer<BaseContext>({
    apollo,
    port: 0,
    host: '127.0.0.1',
    context: (_req, requestId) => Promise.resolve(new RequestSecurity({ requestId, caller: null, codec })),
    routes: {},
  });
}

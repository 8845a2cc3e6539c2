import path from 'node:path';
import { createUsagerIdCodec, defineSubgraph, legacyClientOptionsOf } from '@passerelle/subgraph-kit';
import { identiteEnv, ripClientConfig } from './config';
import type { IdentiteContext } from './context';
import { createSngiClient } from './legacy/client';
import { createRipClient } from './legacy/ripClient';
import { createLoaders } from './loaders';
import { Mutation } from './resolvers/Mutation';
import { Query } from './resolvers/Query';
import { Usager } from './resolvers/Usager';

/** The identity subgraph. */
export const subgraph = defineSubgraph({
  name: 'identite',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: identiteEnv,
  // The register of provisional identities is one of its two sources: a provisional key is its own.
  acceptsProvisionalKeys: true,
  resolvers: { Query, Mutation, Usager },
  createContext(config) {
    const sngi = createSngiClient(legacyClientOptionsOf(config));
    const rip = createRipClient(ripClientConfig(config));
    const codec = createUsagerIdCodec(config.usagerIdSecret);
    return (base): IdentiteContext => ({ ...base, sngi, rip, codec, loaders: createLoaders(sngi, rip) });
  },
});

export const { createServer, loadConfig: loadIdentiteConfig, typeDefsPath } = subgraph;
export { identiteEnv, type IdentiteConfig } from './config';

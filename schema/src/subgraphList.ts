import { readFileSync } from 'node:fs';

/** A subgraph as composition sees it: its name, its default URL and the path of its SDL. */
export interface SubgraphEntry {
  name: string;
  /** Where the gateway finds it by default (overridable with SUBGRAPH_URLS). */
  url: string;
  sdlPath: string;
}

/**
 * Every partner subgraph in the federation. Onboarding a partner means adding it here,
 * running `npm run compose` and committing the two generated files.
 */
export const subgraphList: readonly SubgraphEntry[] = [
  { name: 'identite', url: 'http://127.0.0.1:4001/graphql', sdlPath: require.resolve('@passerelle/subgraph-identite/schema.graphql') },
  { name: 'caf', url: 'http://127.0.0.1:4002/graphql', sdlPath: require.resolve('@passerelle/subgraph-caf/schema.graphql') },
  { name: 'cpam', url: 'http://127.0.0.1:4003/graphql', sdlPath: require.resolve('@passerelle/subgraph-cpam/schema.graphql') },
  { name: 'carsat', url: 'http://127.0.0.1:4004/graphql', sdlPath: require.resolve('@passerelle/subgraph-carsat/schema.graphql') },
  { name: 'bailleurs', url: 'http://127.0.0.1:4005/graphql', sdlPath: require.resolve('@passerelle/subgraph-bailleurs/schema.graphql') },
  { name: 'france-travail', url: 'http://127.0.0.1:4006/graphql', sdlPath: require.resolve('@passerelle/subgraph-france-travail/schema.graphql') },
  { name: 'msa', url: 'http://127.0.0.1:4007/graphql', sdlPath: require.resolve('@passerelle/subgraph-msa/schema.graphql') },
  { name: 'etat', url: 'http://127.0.0.1:4008/graphql', sdlPath: require.resolve('@passerelle/subgraph-etat/schema.graphql') },
  { name: 'departement', url: 'http://127.0.0.1:4009/graphql', sdlPath: require.resolve('@passerelle/subgraph-departement/schema.graphql') },
  { name: 'accueil', url: 'http://127.0.0.1:4010/graphql', sdlPath: require.resolve('@passerelle/subgraph-accueil/schema.graphql') },
  { name: 'journal', url: 'http://127.0.0.1:4011/graphql', sdlPath: require.resolve('@passerelle/subgraph-journal/schema.graphql') },
];

export function readSdl(entry: SubgraphEntry): string {
  return readFileSync(entry.sdlPath, 'utf8');
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverSubgraphs, repositoryRoot } from '@passerelle/subgraph-kit/discovery';

/** A subgraph as composition sees it: its name, its default URL and the path of its SDL. */
export interface SubgraphEntry {
  name: string;
  /** Where the gateway finds it by default (overridable with SUBGRAPH_URLS). */
  url: string;
  sdlPath: string;
}

/**
 * Every subgraph of the repository at `root` (default: this one), discovered from the
 * `passerelle` block of each `subgraphs/<dir>/package.json`, ordered by port: onboarding a
 * partner is adding its folder, then `npm run compose`.
 */
export function subgraphEntries(root?: string): SubgraphEntry[] {
  return [...discoverSubgraphs(root).map((s) => ({ name: s.name, url: `http://127.0.0.1:${s.port}/graphql`, sdlPath: s.sdlPath })), ...gatewaySubgraphs(root ?? repositoryRoot)];
}

/**
 * The gateway's own subgraph (crossings, docs/statistics.md "Crossings"): composed like a
 * partner's, answered in the gateway's process (gateway/src/crossings), so its URL, the
 * gateway's own, is never fetched.
 */
function gatewaySubgraphs(root: string): SubgraphEntry[] {
  const sdlPath = path.join(root, 'gateway/src/crossings/croisements.graphql');
  return existsSync(sdlPath) ? [{ name: 'croisements', url: 'http://127.0.0.1:4000/croisements', sdlPath }] : [];
}

export function readSdl(entry: SubgraphEntry): string {
  return readFileSync(entry.sdlPath, 'utf8');
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubgraphDescriptor } from '../subgraph/defineSubgraph';
import { parsePasserelleBlock } from './passerelleBlock';
import { repositoryRoot } from './repositoryRoot';

/** A subgraph found in the repository, from its package.json's `passerelle` block. */
export interface DiscoveredSubgraph {
  name: string;
  /** Default port; the default URL is `http://127.0.0.1:<port>/graphql`. */
  port: number;
  /** Legacy-URL variable → simulated system, used when the variable is unset. */
  legacy: Readonly<Record<string, string>>;
  /** The package's directory. */
  dir: string;
  /** Its `schema.graphql`. */
  sdlPath: string;
  /** The package's `package.json` name, for messages. */
  packageName: string;
  /** Requires `src/index.ts` by path (no npm install needed for a new folder) and returns its `subgraph` descriptor, checked. */
  load(): SubgraphDescriptor;
}

/** A problem with one subgraph package: the message names the package. */
export class SubgraphDiscoveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubgraphDiscoveryError';
  }
}

function readPackageJson(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SubgraphDiscoveryError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SubgraphDiscoveryError(`${file} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

function isDescriptor(value: unknown): value is SubgraphDescriptor {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return typeof d.name === 'string' && typeof d.typeDefsPath === 'string' && typeof d.env === 'object' && typeof d.loadConfig === 'function' && typeof d.createServer === 'function';
}

function loader(name: string, dir: string, port: number, packageName: string): () => SubgraphDescriptor {
  return () => {
    const entry = path.join(dir, 'src/index.ts');
    if (!existsSync(entry)) throw new SubgraphDiscoveryError(`${packageName} (${dir}) has no src/index.ts exporting its subgraph`);
    // By path, not by package name: a folder just created works without `npm install`. tsx and
    // Jest (@swc/jest) both compile the TypeScript on require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = (require(entry) as Record<string, unknown>).subgraph;
    if (!isDescriptor(exported)) throw new SubgraphDiscoveryError(`${packageName}: src/index.ts must export \`subgraph\`, the kit's defineSubgraph(...) descriptor`);
    if (exported.name !== name) throw new SubgraphDiscoveryError(`${packageName}: its descriptor is named "${exported.name}" but its package.json declares "passerelle.subgraph": "${name}"`);
    const defaultPort = (exported.env as Record<string, { env: string; default: unknown } | undefined>).port;
    if (defaultPort?.default !== port) {
      throw new SubgraphDiscoveryError(
        `${packageName}: ${defaultPort?.env ?? 'its port variable'} defaults to ${String(defaultPort?.default)} but its package.json declares "passerelle.port": ${port}`,
      );
    }
    return exported;
  };
}

/**
 * Every subgraph of the repository at `root`: each `subgraphs/<dir>/package.json` with a
 * `passerelle` block (packages without one, like the kit, are not subgraphs), ordered by port.
 * A malformed block, a missing schema.graphql, or a name or port used twice is an error naming
 * the package.
 */
export function discoverSubgraphs(root: string = repositoryRoot): DiscoveredSubgraph[] {
  const subgraphsDir = path.join(root, 'subgraphs');
  if (!existsSync(subgraphsDir)) throw new SubgraphDiscoveryError(`${root} has no subgraphs/ directory`);
  const found: DiscoveredSubgraph[] = [];
  for (const entry of readdirSync(subgraphsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(subgraphsDir, entry.name);
    const packageFile = path.join(dir, 'package.json');
    if (!existsSync(packageFile)) continue;
    const packageJson = readPackageJson(packageFile);
    if (packageJson.passerelle === undefined) continue;
    const packageName = typeof packageJson.name === 'string' ? packageJson.name : `subgraphs/${entry.name}`;
    let block;
    try {
      block = parsePasserelleBlock(packageJson.passerelle);
    } catch (error) {
      throw new SubgraphDiscoveryError(`${packageName} (subgraphs/${entry.name}/package.json): ${(error as Error).message}`);
    }
    const sdlPath = path.join(dir, 'schema.graphql');
    if (!existsSync(sdlPath)) throw new SubgraphDiscoveryError(`${packageName} declares subgraph "${block.subgraph}" but has no schema.graphql (subgraphs/${entry.name}/schema.graphql)`);
    const sameName = found.find((s) => s.name === block.subgraph);
    if (sameName) throw new SubgraphDiscoveryError(`${packageName} and ${sameName.packageName} both declare subgraph "${block.subgraph}"`);
    const samePort = found.find((s) => s.port === block.port);
    if (samePort) throw new SubgraphDiscoveryError(`${packageName} and ${samePort.packageName} both declare port ${block.port}`);
    found.push({ name: block.subgraph, port: block.port, legacy: block.legacy, dir, sdlPath, packageName, load: loader(block.subgraph, dir, block.port, packageName) });
  }
  return found.sort((a, b) => a.port - b.port);
}

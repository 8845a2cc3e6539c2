import path from 'node:path';
import { discoverSubgraphs } from '../discovery/discoverSubgraphs';
import { repositoryRoot } from '../discovery/repositoryRoot';
import type { BundleTarget } from './bundleService';

/** A service's bundle, next to its sources: `<package>/dist/main.js` (ignored by git and by the images' build context). */
const bundleOf = (dir: string): Pick<BundleTarget, 'entry' | 'outfile'> => ({ entry: path.join(dir, 'src/main.ts'), outfile: path.join(dir, 'dist/main.js') });

/**
 * What `npm run bundle` builds: the gateway and every subgraph the repository holds, found the
 * way everything else finds them (their package.json's `passerelle` block), so a partner's new
 * subgraph is bundled with no list to edit.
 */
export function bundleTargets(root: string = repositoryRoot): BundleTarget[] {
  return [{ name: 'gateway', ...bundleOf(path.join(root, 'gateway')) }, ...discoverSubgraphs(root).map((subgraph) => ({ name: subgraph.name, ...bundleOf(subgraph.dir) }))];
}

/** Whether `wanted` names the target: by its name (`caf`) or its package's folder (`subgraphs/caf`, what the images' build argument gives). */
function names(target: BundleTarget, wanted: string, root: string): boolean {
  return wanted === target.name || path.normalize(wanted).replace(/\/+$/, '') === path.relative(root, path.dirname(path.dirname(target.entry)));
}

/** The targets named (all when none is), or an error naming the unknown ones and the known. */
export function selectBundleTargets(targets: readonly BundleTarget[], wanted: readonly string[], root: string = repositoryRoot): BundleTarget[] {
  if (wanted.length === 0) return [...targets];
  const unknown = wanted.filter((name) => !targets.some((target) => names(target, name, root)));
  if (unknown.length > 0) throw new Error(`Unknown service ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${targets.map((t) => t.name).join(', ')}`);
  return targets.filter((target) => wanted.some((name) => names(target, name, root)));
}

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LegacySystem } from './LegacySystem';

/** The simulators' directory of the repository at `root`. */
export function simulatorsDirOf(root: string): string {
  return path.join(root, 'mocks/src/simulators');
}

function isLegacySystem(value: unknown): value is LegacySystem {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.name === 'string' &&
    typeof s.prefix === 'string' &&
    typeof s.apiKeyHeader === 'string' &&
    typeof s.devApiKey === 'string' &&
    typeof s.maxBatchSize === 'number' &&
    typeof s.handlers === 'function'
  );
}

/**
 * Every simulated legacy system under `dir` (default: this repository's mocks/src/simulators):
 * each folder's `index.ts` exports `system`, named like the folder. Sorted by name, so the
 * order (of `/_admin/stats`, of the handlers) does not depend on the file system. A folder
 * without a valid `system`, or two systems with one prefix, is an error naming the folder.
 */
export function discoverLegacySystems(dir: string = __dirname): LegacySystem[] {
  const systems: LegacySystem[] = [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const folder of folders) {
    const entry = path.join(dir, folder, 'index.ts');
    if (!existsSync(entry)) throw new Error(`mocks/src/simulators/${folder} has no index.ts exporting its \`system\``);
    // By path: a new simulator folder needs no registration. tsx and Jest compile it on require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const system: unknown = (require(entry) as Record<string, unknown>).system;
    if (!isLegacySystem(system)) throw new Error(`mocks/src/simulators/${folder}/index.ts must export \`system\`, a LegacySystem (name, prefix, apiKeyHeader, devApiKey, maxBatchSize, handlers)`);
    if (system.name !== folder) throw new Error(`mocks/src/simulators/${folder}/index.ts exports the system "${system.name}": a system is named like its folder`);
    const samePrefix = systems.find((s) => s.prefix === system.prefix);
    if (samePrefix) throw new Error(`mocks/src/simulators/${folder} and ${samePrefix.name} both answer under ${system.prefix}`);
    systems.push(system);
  }
  return systems;
}

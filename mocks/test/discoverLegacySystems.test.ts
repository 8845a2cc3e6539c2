import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverLegacySystems, legacySystems } from '../src/index';

/** A throw-away simulators directory: folder → its index.ts (none when null). */
function fakeSimulators(folders: Record<string, string | null>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-simulators-'));
  for (const [folder, index] of Object.entries(folders)) {
    mkdirSync(path.join(dir, folder));
    if (index !== null) writeFileSync(path.join(dir, folder, 'index.ts'), index);
  }
  return dir;
}
const system = (name: string, prefix = `/${name}`) =>
  `export const system = { name: '${name}', prefix: '${prefix}', apiKeyHeader: 'X-Api-Key', devApiKey: 'dev-key-0000', maxBatchSize: 10, handlers: () => [] };`;

describe('discoverLegacySystems', () => {
  it('finds every simulated system of the repository, sorted by name', () => {
    const names = legacySystems.map((s) => s.name);
    // A partner scaffolded since (npm run subgraph:new) adds its own: these eleven are always there.
    const known = ['accueil', 'ah', 'caf', 'carsat', 'cpam', 'departement', 'france-travail', 'msa', 'rah', 'siao', 'sngi'];
    expect(names.filter((n) => known.includes(n))).toEqual(known);
    expect(names).toEqual([...names].sort());
  });

  it('reads a new folder without any registration', () => {
    expect(discoverLegacySystems(fakeSimulators({ zz: system('zz'), aa: system('aa') })).map((s) => s.name)).toEqual(['aa', 'zz']);
  });

  it.each([
    ['a folder without index.ts', { aa: null }, 'mocks/src/simulators/aa has no index.ts exporting its `system`'],
    [
      'an index without a system',
      { aa: 'export const caf = 1;' },
      'mocks/src/simulators/aa/index.ts must export `system`, a LegacySystem (name, prefix, apiKeyHeader, devApiKey, maxBatchSize, handlers)',
    ],
    ['a system named unlike its folder', { aa: system('bb') }, 'mocks/src/simulators/aa/index.ts exports the system "bb": a system is named like its folder'],
    ['two systems with one prefix', { aa: system('aa', '/x'), bb: system('bb', '/x') }, 'mocks/src/simulators/bb and aa both answer under /x'],
  ])('refuses %s, naming it', (_case, folders, message) => {
    expect(() => discoverLegacySystems(fakeSimulators(folders))).toThrow(message);
  });
});

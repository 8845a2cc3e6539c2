import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverSubgraphs, parsePasserelleBlock, repositoryRoot, SubgraphDiscoveryError } from '../src/discovery/index';

/** A throw-away repository with the given subgraph packages: dir → package.json content (and a schema.graphql unless `sdl: false`). */
function fakeRepository(packages: Record<string, { json: unknown; sdl?: boolean; index?: string }>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'passerelle-discovery-'));
  for (const [dir, { json, sdl = true, index }] of Object.entries(packages)) {
    mkdirSync(path.join(root, 'subgraphs', dir, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'subgraphs', dir, 'package.json'), typeof json === 'string' ? json : JSON.stringify(json));
    if (sdl) writeFileSync(path.join(root, 'subgraphs', dir, 'schema.graphql'), 'type Query { x: Int }');
    if (index !== undefined) writeFileSync(path.join(root, 'subgraphs', dir, 'src/index.ts'), index);
  }
  return root;
}
const pkg = (name: string, passerelle?: unknown) => ({ name: `@passerelle/subgraph-${name}`, ...(passerelle === undefined ? {} : { passerelle }) });
const discoveryError = (root: string) => {
  try {
    discoverSubgraphs(root);
  } catch (error) {
    return error instanceof SubgraphDiscoveryError ? error.message : `not a SubgraphDiscoveryError: ${String(error)}`;
  }
  return 'no error';
};

describe('discoverSubgraphs', () => {
  it('finds the eleven subgraphs of this repository in port order, the kit excluded', () => {
    const found = discoverSubgraphs();
    // A partner scaffolded since (npm run subgraph:new) comes after them, on a higher port.
    expect(found.slice(0, 11).map((s) => [s.name, s.port])).toEqual([
      ['identite', 4001],
      ['caf', 4002],
      ['cpam', 4003],
      ['carsat', 4004],
      ['bailleurs', 4005],
      ['france-travail', 4006],
      ['msa', 4007],
      ['etat', 4008],
      ['departement', 4009],
      ['accueil', 4010],
      ['journal', 4011],
    ]);
    expect(found.map((s) => s.port)).toEqual([...found.map((s) => s.port)].sort((a, b) => a - b));
    const bailleurs = found.find((s) => s.name === 'bailleurs')!;
    expect(bailleurs).toMatchObject({
      dir: path.join(repositoryRoot, 'subgraphs/bailleurs'),
      sdlPath: path.join(repositoryRoot, 'subgraphs/bailleurs/schema.graphql'),
      legacy: { BAILLEURS_RAH_LEGACY_URL: 'rah', BAILLEURS_AH_LEGACY_URL: 'ah' },
    });
  });

  it('loads a descriptor by path, checked against the package.json', () => {
    const caf = discoverSubgraphs()
      .find((s) => s.name === 'caf')!
      .load();
    expect(caf.name).toBe('caf');
    expect(caf.loadConfig({}).port).toBe(4002);
  });

  it('skips packages without a passerelle block and folders without package.json', () => {
    const root = fakeRepository({ kit: { json: pkg('kit') }, caf: { json: pkg('caf', { subgraph: 'caf', port: 4002 }) } });
    mkdirSync(path.join(root, 'subgraphs/empty'));
    expect(discoverSubgraphs(root).map((s) => [s.name, s.legacy])).toEqual([['caf', {}]]);
  });

  it.each([
    [
      'a name used twice',
      { a: { json: pkg('a', { subgraph: 'caf', port: 4002 }) }, b: { json: pkg('b', { subgraph: 'caf', port: 4003 }) } },
      '@passerelle/subgraph-b and @passerelle/subgraph-a both declare subgraph "caf"',
    ],
    [
      'a port used twice',
      { a: { json: pkg('a', { subgraph: 'aa', port: 4002 }) }, b: { json: pkg('b', { subgraph: 'bb', port: 4002 }) } },
      '@passerelle/subgraph-b and @passerelle/subgraph-a both declare port 4002',
    ],
    [
      'a missing schema.graphql',
      { a: { json: pkg('a', { subgraph: 'aa', port: 4002 }), sdl: false } },
      '@passerelle/subgraph-a declares subgraph "aa" but has no schema.graphql (subgraphs/a/schema.graphql)',
    ],
    ['a block that is not an object', { a: { json: pkg('a', 'caf') } }, '@passerelle/subgraph-a (subgraphs/a/package.json): "passerelle" must be an object { subgraph, port, legacy }'],
    [
      'a port that is not a port',
      { a: { json: pkg('a', { subgraph: 'aa', port: '4002' }) } },
      '@passerelle/subgraph-a (subgraphs/a/package.json): "passerelle.port" must be an integer between 1 and 65535',
    ],
    [
      'an upper-case name',
      { a: { json: pkg('a', { subgraph: 'Caf', port: 4002 }) } },
      '@passerelle/subgraph-a (subgraphs/a/package.json): "passerelle.subgraph" must be lower-case letters, digits and hyphens (2 to 31 characters, starting with a letter)',
    ],
    [
      'an unknown key',
      { a: { json: pkg('a', { subgraph: 'aa', port: 4002, prot: 1 }) } },
      '@passerelle/subgraph-a (subgraphs/a/package.json): "passerelle" has unknown keys: prot (expected subgraph, port, legacy)',
    ],
    ['a package.json that is not JSON', { a: { json: '{ "name": ' } }, 'is not valid JSON'],
  ])('refuses %s, naming the package', (_case, packages, message) => {
    expect(discoveryError(fakeRepository(packages))).toContain(message);
  });

  it('refuses to load a package whose index does not export a descriptor, or whose descriptor disagrees with package.json', () => {
    const root = fakeRepository({
      a: { json: pkg('a', { subgraph: 'aa', port: 4002 }), index: 'export const nothing = 1;' },
      b: { json: pkg('b', { subgraph: 'bb', port: 4003 }) },
    });
    const [a, b] = discoverSubgraphs(root);
    expect(() => a!.load()).toThrow("@passerelle/subgraph-a: src/index.ts must export `subgraph`, the kit's defineSubgraph(...) descriptor");
    expect(() => b!.load()).toThrow(`@passerelle/subgraph-b (${path.join(root, 'subgraphs/b')}) has no src/index.ts exporting its subgraph`);
  });
});

describe('parsePasserelleBlock', () => {
  it('reads a complete block', () => {
    expect(parsePasserelleBlock({ subgraph: 'bailleurs', port: 4005, legacy: { BAILLEURS_RAH_LEGACY_URL: 'rah' } })).toEqual({
      subgraph: 'bailleurs',
      port: 4005,
      legacy: { BAILLEURS_RAH_LEGACY_URL: 'rah' },
    });
  });

  it.each([
    [{ subgraph: 'caf', port: 4002, legacy: { caf_url: 'caf' } }, '"passerelle.legacy" key "caf_url" is not an environment variable name (upper-case, digits, underscores)'],
    [{ subgraph: 'caf', port: 4002, legacy: { CAF_LEGACY_URL: 3 } }, '"passerelle.legacy.CAF_LEGACY_URL" must name a simulated system (lower-case letters, digits and hyphens)'],
    [{ subgraph: 'caf', port: 0 }, '"passerelle.port" must be an integer between 1 and 65535'],
  ])('refuses %j', (block, message) => {
    expect(() => parsePasserelleBlock(block)).toThrow(message);
  });
});

import type { PartnerNames } from '../partnerNames';

/** package.json: the workspace, and the `passerelle` block that declares it to the federation (no list to edit elsewhere). */
export function packageJson(n: PartnerNames): string {
  const json = {
    name: `@passerelle/subgraph-${n.code}`,
    version: '0.1.0',
    private: true,
    description: `${n.libelle}: the person's file (number, state, dates, office).`,
    passerelle: { subgraph: n.code, port: n.port, legacy: { [`${n.envPrefix}_LEGACY_URL`]: n.code } },
    main: './src/index.ts',
    types: './src/index.ts',
    exports: { '.': './src/index.ts', './schema.graphql': './schema.graphql' },
    scripts: { start: 'tsx src/main.ts', test: 'jest', build: 'tsc -p tsconfig.json --noEmit' },
    // The versions the other subgraphs use: already installed at the root, so nothing to download.
    dependencies: { '@passerelle/subgraph-kit': '*', '@apollo/subgraph': '2.14.4', graphql: '16.15.0', dataloader: '2.2.3', zod: '4.6.7' },
    devDependencies: { '@passerelle/mocks': '*', msw: '2.15.0' },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function tsconfigJson(): string {
  return `{
  "extends": "../../tsconfig.json",
  "include": ["src", "test"]
}
`;
}

export function jestConfig(): string {
  return `/** Jest config shared by every package: SWC transpiles TypeScript, type-checking is \`npm run typecheck\`. */
module.exports = require('../'.repeat(2) + 'jest.base.js');
`;
}

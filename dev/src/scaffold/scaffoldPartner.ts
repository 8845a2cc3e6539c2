import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeComposition } from '@passerelle/schema';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { subgraphConfigTable } from '../configTable';
import { subgraphReadme } from '../subgraphReadme';
import type { PartnerNames } from './partnerNames';
import { schemaGraphql } from './templates/schemaGraphql';
import { apiDocMd, simulatorHandlersTs, simulatorIndexTs, simulatorRecordsTs } from './templates/simulator';
import { jestConfig, packageJson, tsconfigJson } from './templates/subgraphPackage';
import { configTs, contextTs, dossierResolverTs, indexTs, legacyClientTs, legacyTypesTs, loadersTs, mainTs, usagerResolverTs } from './templates/subgraphSources';
import { integrationTestTs, mappersTestTs } from './templates/subgraphTests';
import { ScaffoldError, validateScaffold, type ScaffoldRequest } from './validateScaffold';

export interface ScaffoldResult {
  names: PartnerNames;
  /** Every file written, relative to the root, in order. */
  files: string[];
}

/** The files of a new partner, relative to the repository's root. */
function filesOf(n: PartnerNames): Array<[string, string]> {
  const pkg = `subgraphs/${n.code}`;
  const sim = `mocks/src/simulators/${n.code}`;
  return [
    [`${pkg}/package.json`, packageJson(n)],
    [`${pkg}/tsconfig.json`, tsconfigJson()],
    [`${pkg}/jest.config.js`, jestConfig()],
    [`${pkg}/schema.graphql`, schemaGraphql(n)],
    [`${pkg}/src/index.ts`, indexTs(n)],
    [`${pkg}/src/main.ts`, mainTs()],
    [`${pkg}/src/config.ts`, configTs(n)],
    [`${pkg}/src/context.ts`, contextTs(n)],
    [`${pkg}/src/legacy/types.ts`, legacyTypesTs(n)],
    [`${pkg}/src/legacy/client.ts`, legacyClientTs(n)],
    [`${pkg}/src/loaders.ts`, loadersTs(n)],
    [`${pkg}/src/resolvers/Usager.ts`, usagerResolverTs(n)],
    [`${pkg}/src/resolvers/Dossier${n.pascal}.ts`, dossierResolverTs(n)],
    [`${pkg}/test/${n.camel}.integration.test.ts`, integrationTestTs(n)],
    [`${pkg}/test/mappers.test.ts`, mappersTestTs(n)],
    [`${sim}/index.ts`, simulatorIndexTs(n)],
    [`${sim}/${n.camel}Handlers.ts`, simulatorHandlersTs(n)],
    [`${sim}/${n.camel}Records.ts`, simulatorRecordsTs(n)],
    [`mocks/docs/${n.code}.md`, apiDocMd(n)],
  ];
}

/**
 * Creates a partner's subgraph, simulator and API doc in the repository at `root`, then
 * composes (schema/supergraph.graphql and schema/api.graphql). Nothing else changes: the new
 * folders are discovered. When composition fails, everything written is removed.
 */
export function scaffoldPartner(root: string, request: ScaffoldRequest): ScaffoldResult {
  const names = validateScaffold(root, request);
  const files = filesOf(names);
  const written: string[] = [];
  const undo = () => {
    rmSync(path.join(root, 'subgraphs', names.code), { recursive: true, force: true });
    rmSync(path.join(root, 'mocks/src/simulators', names.code), { recursive: true, force: true });
    rmSync(path.join(root, 'mocks/docs', `${names.code}.md`), { force: true });
  };
  try {
    for (const [relative, content] of files) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), content, { flag: 'wx' });
      written.push(relative);
    }
    // Its README carries the table of its own variables, generated from the descriptor just written.
    const discovered = discoverSubgraphs(root).find((s) => s.name === names.code);
    if (!discovered) throw new ScaffoldError(`subgraphs/${names.code} was written but is not discovered`);
    const readme = `subgraphs/${names.code}/README.md`;
    writeFileSync(
      path.join(root, readme),
      subgraphReadme({
        packageName: `@passerelle/subgraph-${names.code}`,
        description: (JSON.parse(files[0]![1]) as { description: string }).description,
        name: names.code,
        table: subgraphConfigTable(discovered.load(), root),
      }),
      { flag: 'wx' },
    );
    written.push(readme);
    const composed = writeComposition(root);
    if (!composed.ok) throw new ScaffoldError(`composition failed, nothing was kept:\n${composed.errors.map((e) => `  - ${e}`).join('\n')}`);
    return { names, files: [...written, ...composed.written.map((f) => path.relative(root, f))] };
  } catch (error) {
    undo();
    throw error;
  }
}

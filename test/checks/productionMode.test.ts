import { ConfigError, readConfig, type ConfigSpec } from '@passerelle/subgraph-kit';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { discoverSubgraphs, repositoryRoot } from '@passerelle/subgraph-kit/discovery';

/** Every subgraph's environment, from the subgraphs the repository holds. */
const discovered = discoverSubgraphs();
const subgraphSpecs: Array<[string, ConfigSpec]> = discovered.map((s) => [s.name, s.load().env]);

function problemsOf(spec: ConfigSpec, env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('every subgraph in production mode (PASSERELLE_MODE=production)', () => {
  it('covers every subgraph folder of the repository (all but the kit)', () => {
    const folders = readdirSync(path.join(repositoryRoot, 'subgraphs'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'kit');
    expect(discovered.map((s) => path.basename(s.dir)).sort()).toEqual(folders.map((d) => d.name).sort());
  });

  it.each(subgraphSpecs)('%s refuses to start on the development context keys, USAGER_ID_SECRET and legacy API keys', (_name, spec) => {
    const variables = Object.values(spec).map((variable) => variable.env);
    const expected = variables.filter((variable) => variable.endsWith('_LEGACY_API_KEY') || variable === 'USAGER_ID_SECRET' || variable === 'GATEWAY_CONTEXT_JWKS');
    expect(expected).toContain('GATEWAY_CONTEXT_JWKS');
    expect(problemsOf(spec, { PASSERELLE_MODE: 'production' }).map((problem) => problem.slice(0, problem.indexOf(':')))).toEqual(expected);
    expect(problemsOf(spec, {})).toEqual([]);
  });
});
